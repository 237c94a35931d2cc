// Ours, as an app ships an upload queue (with the optional stylesheet).
import "@twentythree-upload/react/styles.css";

export { UploadQueue } from "@twentythree-upload/react";
