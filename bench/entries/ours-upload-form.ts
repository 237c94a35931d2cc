// Ours, as an app ships a single upload form (with the optional stylesheet).
// Read from the namespace until UploadForm lands; the weight build refuses an undefined export.
import * as react from "@twentythree-upload/react";
import "@twentythree-upload/react/styles.css";

export const UploadForm = (react as Record<string, unknown>).UploadForm;
