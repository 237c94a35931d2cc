import { memo } from "react";
import {
  useUploader,
  useUploaderState,
  useUploadItem,
  useUploadItemIds,
  type Uploader,
} from "@twentythree-upload/react";

// One uploader per component; each row selects only its own item, so a row re-renders only
// when that item changes (not on every progress tick of the others).
const Row = memo(function Row({ uploader, id }: { uploader: Uploader; id: string }) {
  const item = useUploadItem(uploader, id);
  return item ? (
    <li data-state={item.status}>
      {item.name} {item.status}
    </li>
  ) : null;
});

export function Uploads() {
  const uploader = useUploader({ site: "videos.example.com", token: "/api/upload-token" });
  const ids = useUploadItemIds(uploader);
  const percent = useUploaderState(uploader, (s) => Math.round((s.progress.fraction ?? 0) * 100));
  return (
    <>
      <input
        type="file"
        multiple
        aria-label="Videos"
        onChange={(event) => uploader.add(Array.from(event.currentTarget.files ?? []))}
      />
      <p>{percent}% of all files</p>
      <ul>
        {ids.map((id) => (
          <Row key={id} uploader={uploader} id={id} />
        ))}
      </ul>
    </>
  );
}
