// react-uploady's equivalent of a queue: provider, drop zone, previews (the hooks are in
// @rpldy/uploady).
export { Uploady, useItemProgressListener, useBatchAddListener } from "@rpldy/uploady";
export { UploadDropZone } from "@rpldy/upload-drop-zone";
export { UploadPreview } from "@rpldy/upload-preview";
