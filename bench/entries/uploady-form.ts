// react-uploady's equivalent of an upload form: the provider and its upload button.
export { Uploady } from "@rpldy/uploady";
export { UploadButton } from "@rpldy/upload-button";
