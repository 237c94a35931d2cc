import type { FileRejectionCode } from "@twentythree-upload/core";
import type { UploadLabels } from "./labels.js";

const files = (count: number) => (count === 1 ? "1 fil" : `${count} filer`);

const rejections: Record<FileRejectionCode, string> = {
  "file-type": "Filtypen er ikke tilladt.",
  "too-large": "Filen er for stor.",
  "too-small": "Filen er for lille.",
  empty: "Filen er tom.",
  "too-many-files": "Der er for mange filer.",
  unreadable: "kunne ikke læses og blev ikke tilføjet.",
  "empty-folder": "er en tom mappe: der var intet i den at tilføje.",
  duplicate: "Filen er allerede i køen.",
};

/** Danish strings (dansk). */
export const danishLabels: UploadLabels = {
  locale: "da",
  chooseFiles: "Vælg filer",
  chooseFile: "Vælg en fil",
  dropZone: "Tilføj filer: slip dem her, indsæt dem, eller tryk Enter for at vælge",
  dropZoneHint: "Slip filer her, indsæt dem, eller vælg dem.",
  fileList: "Filer",
  emptyQueue: "Ingen filer endnu.",
  cancel: "Annuller",
  retry: "Prøv igen",
  remove: "Fjern",
  cancelAll: "Annuller alle",
  retryAll: "Prøv alle igen",
  cancelItem: (name) => `Annuller ${name}`,
  retryItem: (name) => `Prøv ${name} igen`,
  removeItem: (name) => `Fjern ${name}`,
  status: {
    rejected: "Ikke tilføjet",
    queued: "Venter",
    uploading: "Uploader",
    processing: "Behandles",
    retrying: "Prøver igen snart",
    paused: "Sat på pause: offline",
    succeeded: "Uploadet",
    failed: "Mislykkedes",
    canceled: "Annulleret",
  },
  itemProgress: (name) => `Upload af ${name}`,
  totalProgress: "Alle uploads",
  progressValue: (percent, loaded, total) => `${percent} % (${loaded} af ${total})`,
  progressIndeterminate: "Uploader, fremskridt ukendt",
  speed: (rate, remaining) => (remaining ? `${rate}, ${remaining} tilbage` : rate),
  totalSummary: (done, total) => `${done} af ${files(total)} uploadet`,
  errors: {
    network: "Forbindelsen fejlede.",
    timeout: "Uploaden gik i stå, eller serveren svarede ikke i tide.",
    http: "Serveren svarede med en fejl.",
    "token-expired": "Tilladelsen til at uploade er udløbet.",
    "token-invalid": "Tilladelsen til at uploade blev afvist.",
    "file-rejected": "Videoplatformen afviste filen.",
    cors: "Videoplatformen tillader ikke uploads fra denne side.",
    aborted: "Uploaden blev annulleret.",
  },
  // An unreadable entry or empty folder of a drop never becomes a row, so its sentence names it.
  rejection: (name, rejection) =>
    rejection.code === "unreadable" || rejection.code === "empty-folder"
      ? `${name || "Filen"} ${rejections[rejection.code]}`
      : rejections[rejection.code],
  maybeStored: "Filen er måske allerede på videoplatformen.",
  announceStarted: (names) =>
    names.length === 1 ? `Uploader ${names[0]}` : `Uploader ${files(names.length)}`,
  announceSucceeded: (names) =>
    names.length === 1 ? `${names[0]} er uploadet` : `${files(names.length)} er uploadet`,
  announceFailed: (name, reason) => `${name} mislykkedes: ${reason}`,
  announceRejected: (name, reason) => `${name} blev ikke tilføjet: ${reason}`,
  announceCanceled: (name) => `${name} er annulleret`,
  announceRetrying: (names) =>
    `${names.length === 1 ? names[0] : files(names.length)} mislykkedes; prøver igen om lidt`,
  announcePaused: (names) =>
    `Offline: ${names.length === 1 ? names[0] : files(names.length)} er sat på pause, til forbindelsen er tilbage`,
  formFile: "Videofil",
  formTitle: "Titel",
  formDescription: "Beskrivelse",
  formSubmit: "Upload video",
  formPreparing: "Gør uploaden klar…",
  formTokenError: "Uploaden kunne ikke gøres klar.",
  formTokenUsed: "Formularens upload-tilladelse er brugt op: genindlæs siden for at uploade igen.",
  formNoFile: "Vælg en fil først.",
  formMetadataError: "Titel og beskrivelse kunne ikke gemmes endnu.",
  uploaded: (photoId) => `Uploadet. Video-id: ${photoId}`,
  formAlreadyUploaded: (name) => `${name} er allerede uploadet; den blev ikke sendt igen.`,
  callbackWorking: "Afslutter uploaden…",
  callbackFailed: (message) => `Uploaden mislykkedes: ${message}`,
  callbackFailedUnverified: "Uploaden mislykkedes.",
  callbackHandedOff: "Uploaden er færdig. Du kan lukke vinduet.",
  callbackInvalid: "Siden modtog ikke et gyldigt upload-resultat.",
  callbackUnverified: (photoId) =>
    `Uploadet. Video-id: ${photoId} (ikke bekræftet: denne browser startede ikke denne upload).`,
};
