// Uppy's equivalent of both widgets: core + XHR upload + the Dashboard React wrapper and CSS.
import "@uppy/core/css/style.min.css";
import "@uppy/dashboard/css/style.min.css";

export { default as Uppy } from "@uppy/core";
export { default as XHRUpload } from "@uppy/xhr-upload";
export { default as Dashboard } from "@uppy/react/dashboard";
