import type { FileRejection, UploadErrorKind, UploadStatus } from "@twentythree-upload/core";

/**
 * Every user-visible string of the components, including accessible names, `aria-valuetext` and
 * live-region announcements. Strings that contain values are functions. `englishLabels` is the
 * default; a locale such as `danishLabels`, or a partial object of your own, goes to
 * `UploadProvider`'s or a component's `labels` prop and is merged over the enclosing labels.
 */
export interface UploadLabels {
  /** BCP 47 locale used to format sizes, speeds and durations (`Intl.NumberFormat`). */
  locale: string;

  /** Text of the button that opens the file picker (several files). */
  chooseFiles: string;
  /** Text of the button that opens the file picker (one file). */
  chooseFile: string;
  /** Accessible name of the drop zone. */
  dropZone: string;
  /** Visible hint inside the drop zone. */
  dropZoneHint: string;
  /** Accessible name of the scrollable file list. */
  fileList: string;
  /** Shown when the queue is empty. */
  emptyQueue: string;

  /** Visible text of an item's cancel button (`UploadQueue.Cancel`, `UploadForm`). */
  cancel: string;
  /** Visible text of an item's retry button (`UploadQueue.Retry`, `UploadForm`). */
  retry: string;
  /** Visible text of an item's remove button (`UploadQueue.Remove`). */
  remove: string;
  /**
   * Text for a button that cancels the whole queue. No built-in part renders it: for custom UIs.
   */
  cancelAll: string;
  /**
   * Text for a button that retries every failed item. No built-in part renders it: for custom UIs.
   */
  retryAll: string;
  /** Accessible name of an item's cancel button. */
  cancelItem: (name: string) => string;
  /** Accessible name of an item's retry button. */
  retryItem: (name: string) => string;
  /** Accessible name of an item's remove button. */
  removeItem: (name: string) => string;

  /** Visible status of an item. */
  status: Readonly<Record<UploadStatus, string>>;
  /** Accessible name of an item's progress bar. */
  itemProgress: (name: string) => string;
  /** Accessible name of the total progress bar. */
  totalProgress: string;
  /** `aria-valuetext` of a progress bar, e.g. "42% (4.2 MB of 10 MB)". */
  progressValue: (percent: number, loaded: string, total: string) => string;
  /** `aria-valuetext` when progress cannot be measured (the iframe fallback). */
  progressIndeterminate: string;
  /** Speed and time left, e.g. "2.1 MB/s, 12 sec. left"; `remaining` is null when unknown. */
  speed: (rate: string, remaining: string | null) => string;
  /** Summary next to the total progress. */
  totalSummary: (done: number, total: number) => string;

  /** One sentence per error kind; TwentyThree's own message, if any, is appended as text. */
  errors: Readonly<Record<UploadErrorKind, string>>;
  /** A validation failure (the file was never sent). */
  rejection: (name: string, rejection: FileRejection) => string;
  /**
   * Added to a failure or cancellation after the file was sent without an answer: TwentyThree
   * may have stored it (a retry looks first). Optional, so that label sets written before it
   * stay complete. Default: the enclosing labels' sentence (English's without a provider).
   */
  maybeStored?: string;

  /** Live region: uploads started. */
  announceStarted: (names: readonly string[]) => string;
  /** Live region: uploads completed (announced once per file). */
  announceSucceeded: (names: readonly string[]) => string;
  /** Live region: an upload failed for good. */
  announceFailed: (name: string, reason: string) => string;
  /** Live region: a file was refused before sending. */
  announceRejected: (name: string, reason: string) => string;
  /** Live region: an upload was canceled. */
  announceCanceled: (name: string) => string;
  /**
   * Live region: uploads failed and will be retried automatically soon. Optional, so that label
   * sets written before it stay complete. Default: the enclosing labels' sentence (English's
   * without a provider).
   */
  announceRetrying?: (names: readonly string[]) => string;
  /**
   * Live region: uploads paused because the browser is offline (they go on when it is back).
   * Optional, so that label sets written before it stay complete. Default: the enclosing labels'
   * sentence (English's without a provider).
   */
  announcePaused?: (names: readonly string[]) => string;

  /** Label of the form's file input. */
  formFile: string;
  /** Label of the form's optional title field. */
  formTitle: string;
  /** Label of the form's optional description field. */
  formDescription: string;
  /** The form's submit button. */
  formSubmit: string;
  /** While the form waits for an upload token. */
  formPreparing: string;
  /** The token endpoint failed. */
  formTokenError: string;
  /**
   * Why an upload failed in a form that had only its server-issued token (`initialToken`, no
   * `token`): that token was used or expired, and the form cannot get another. Optional, like
   * `maybeStored`. Default: the enclosing labels' sentence (English's without a provider).
   */
  formTokenUsed?: string;
  /** The form asked to upload without a file. */
  formNoFile: string;
  /**
   * The form's title/description could not be saved yet (they are sent again shortly). Optional,
   * so that label sets written before it stay complete. Default: the enclosing labels' sentence
   * (English's without a provider).
   */
  formMetadataError?: string;
  /** Success text of the form and the callback page. */
  uploaded: (photoId: string) => string;
  /**
   * The form was submitted again with the file it already uploaded (not sent again). Optional,
   * like `maybeStored`. Default: the enclosing labels' sentence (English's without a provider).
   */
  formAlreadyUploaded?: (name: string) => string;

  /** CallbackHandler: reading the result. */
  callbackWorking: string;
  /** CallbackHandler: TwentyThree reported an error; `message` is its text. */
  callbackFailed: (message: string) => string;
  /**
   * CallbackHandler: a reported error for an upload token this browser tab never received (a
   * link anyone could write: its message is not shown). Optional, so that label sets written
   * before it stay complete. Default: the enclosing labels' sentence (English's without a
   * provider).
   */
  callbackFailedUnverified?: string;
  /** CallbackHandler: the result went to the parent window or opener. */
  callbackHandedOff: string;
  /** CallbackHandler: the URL is not a valid callback (missing fields, foreign domain…). */
  callbackInvalid: string;
  /**
   * CallbackHandler: a success for an upload token this browser tab never received (flagged).
   * Optional, so that label sets written before it stay complete. Default: the enclosing labels'
   * sentence (English's without a provider).
   */
  callbackUnverified?: (photoId: string) => string;
}
