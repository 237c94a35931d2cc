// Ours, as an app ships an upload queue (with the optional stylesheet).
// Read from the namespace until UploadQueue lands; the weight build refuses an undefined export.
import * as react from "@twentythree-upload/react";
import "@twentythree-upload/react/styles.css";

export const UploadQueue = (react as Record<string, unknown>).UploadQueue;
