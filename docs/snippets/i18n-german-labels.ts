import type { FileRejectionCode, UploadLabels } from "@twentythree-upload/react";

// A locale of your own: every key of UploadLabels (TypeScript tells you when one is missing, or
// when a later version adds one). Strings with values are functions.
const files = (count: number) => (count === 1 ? "1 Datei" : `${count} Dateien`);

const rejections: Record<FileRejectionCode, string> = {
  "file-type": "Dieser Dateityp ist nicht erlaubt.",
  "too-large": "Die Datei ist zu groß.",
  "too-small": "Die Datei ist zu klein.",
  empty: "Die Datei ist leer.",
  "too-many-files": "Es sind zu viele Dateien.",
  unreadable: "konnte nicht gelesen werden und wurde nicht hinzugefügt.",
  "empty-folder": "ist ein leerer Ordner: Es gab nichts hinzuzufügen.",
  duplicate: "Die Datei ist bereits in der Warteschlange.",
};

export const germanLabels: UploadLabels = {
  locale: "de", // BCP 47: how sizes, speeds and durations are formatted ("4,2 MB")
  chooseFiles: "Dateien auswählen",
  chooseFile: "Datei auswählen",
  dropZone: "Dateien hinzufügen: hier ablegen, einfügen oder mit der Eingabetaste auswählen",
  dropZoneHint: "Dateien hier ablegen, einfügen oder auswählen.",
  fileList: "Dateien",
  emptyQueue: "Noch keine Dateien.",
  cancel: "Abbrechen",
  retry: "Erneut versuchen",
  remove: "Entfernen",
  cancelAll: "Alle abbrechen",
  retryAll: "Alle erneut versuchen",
  cancelItem: (name) => `${name} abbrechen`,
  retryItem: (name) => `${name} erneut versuchen`,
  removeItem: (name) => `${name} entfernen`,
  status: {
    rejected: "Nicht hinzugefügt",
    queued: "Wartet",
    uploading: "Wird hochgeladen",
    processing: "Wird verarbeitet",
    retrying: "Neuer Versuch gleich",
    paused: "Pausiert: offline",
    succeeded: "Hochgeladen",
    failed: "Fehlgeschlagen",
    canceled: "Abgebrochen",
  },
  itemProgress: (name) => `Upload von ${name}`,
  totalProgress: "Alle Uploads",
  progressValue: (percent, loaded, total) => `${percent} % (${loaded} von ${total})`,
  progressIndeterminate: "Wird hochgeladen, Fortschritt unbekannt",
  speed: (rate, remaining) => (remaining ? `${rate}, noch ${remaining}` : rate),
  totalSummary: (done, total) => `${done} von ${files(total)} hochgeladen`,
  errors: {
    network: "Die Verbindung ist fehlgeschlagen.",
    timeout: "Der Upload hängt, oder der Server hat nicht rechtzeitig geantwortet.",
    http: "Der Server hat mit einem Fehler geantwortet.",
    "token-expired": "Die Upload-Berechtigung ist abgelaufen.",
    "token-invalid": "Die Upload-Berechtigung wurde abgelehnt.",
    "file-rejected": "Die Videoplattform hat die Datei abgelehnt.",
    cors: "Die Videoplattform erlaubt keine Uploads von dieser Seite.",
    aborted: "Der Upload wurde abgebrochen.",
  },
  // The engine's own rejection sentences are English; translate by code.
  // A dropped entry that could not be read, or an empty folder, never becomes a row: name it.
  rejection: (name, rejection) =>
    rejection.code === "unreadable" || rejection.code === "empty-folder"
      ? `${name} ${rejections[rejection.code]}`
      : rejections[rejection.code],
  maybeStored: "Die Datei ist möglicherweise bereits auf der Videoplattform.",
  announceStarted: (names) =>
    names.length === 1
      ? `${names[0]} wird hochgeladen`
      : `${files(names.length)} werden hochgeladen`,
  announceSucceeded: (names) =>
    names.length === 1 ? `${names[0]} hochgeladen` : `${files(names.length)} hochgeladen`,
  announceFailed: (name, reason) => `${name} fehlgeschlagen: ${reason}`,
  announceRejected: (name, reason) => `${name} wurde nicht hinzugefügt: ${reason}`,
  announceCanceled: (name) => `${name} abgebrochen`,
  announceRetrying: (names) =>
    `${names.length === 1 ? names[0] : files(names.length)} fehlgeschlagen; neuer Versuch gleich`,
  announcePaused: (names) =>
    `Offline: ${names.length === 1 ? names[0] : files(names.length)} pausiert, bis die Verbindung zurück ist`,
  formFile: "Videodatei",
  formTitle: "Titel",
  formDescription: "Beschreibung",
  formSubmit: "Video hochladen",
  formPreparing: "Upload wird vorbereitet…",
  formTokenError: "Der Upload konnte nicht vorbereitet werden.",
  formTokenUsed:
    "Die Upload-Berechtigung dieses Formulars ist verbraucht: Laden Sie die Seite neu, um erneut hochzuladen.",
  formNoFile: "Bitte zuerst eine Datei auswählen.",
  formMetadataError: "Titel und Beschreibung konnten noch nicht gespeichert werden.",
  uploaded: (photoId) => `Hochgeladen. Video-ID: ${photoId}`,
  formAlreadyUploaded: (name) =>
    `${name} ist bereits hochgeladen; die Datei wurde nicht erneut gesendet.`,
  callbackWorking: "Upload wird abgeschlossen…",
  callbackFailed: (message) => `Der Upload ist fehlgeschlagen: ${message}`,
  callbackFailedUnverified: "Der Upload ist fehlgeschlagen.",
  callbackHandedOff: "Upload abgeschlossen. Sie können dieses Fenster schließen.",
  callbackInvalid: "Diese Seite hat kein gültiges Upload-Ergebnis erhalten.",
  callbackUnverified: (photoId) =>
    `Hochgeladen. Video-ID: ${photoId} (nicht bestätigt: dieser Browser hat den Upload nicht gestartet).`,
};
