// Ours, as an app ships a single upload form (with the optional stylesheet).
import "@twentythree-upload/react/styles.css";

export { UploadForm } from "@twentythree-upload/react";
