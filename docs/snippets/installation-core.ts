// Without React: the framework-free core and a file input.
import { createUploader } from "@twentythree-upload/core";

const uploader = createUploader({ site: "videos.example.com", token: "/api/upload-token" });
const input = document.querySelector<HTMLInputElement>('input[type="file"]');
const status = document.querySelector<HTMLOutputElement>("output");

input?.addEventListener("change", () => {
  uploader.add(input.files ?? []);
  input.value = ""; // so that the same file can be chosen again
});
uploader.subscribe(() => {
  const { counts, items, progress } = uploader.getSnapshot();
  if (status) {
    status.value = `${counts.succeeded} of ${items.length} uploaded, ${Math.round((progress.fraction ?? 0) * 100)} %`;
  }
});
