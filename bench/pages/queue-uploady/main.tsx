// react-uploady: <Uploady> with its hooks; the list rendered by React from useBatchAddListener
// and useItemProgressListener, as its docs show for a custom queue.
import "../shared/commitCounter.js";
import {
  Uploady,
  useBatchAddListener,
  useItemProgressListener,
  useUploady,
  type BatchItem,
} from "@rpldy/uploady";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { exposeQueue, type QueueAdapter } from "../shared/queueHarness.js";

interface Api {
  upload: (files: File[]) => void;
  processPending: () => void;
}

function Row({ item }: { item: BatchItem }) {
  // Each row listens to its own item's progress, as the uploady docs' examples do.
  const progress = useItemProgressListener(item.id);
  return (
    <li data-state={item.state}>
      <span>{item.file.name}</span> <progress max={100} value={progress?.completed ?? 0} />
    </li>
  );
}

function Queue({ onReady }: { onReady: (api: Api) => void }) {
  const [items, setItems] = useState<BatchItem[]>([]);
  const uploady = useUploady();
  useBatchAddListener((batch) => {
    setItems((previous) => [...previous, ...batch.items]);
  });
  useEffect(() => {
    onReady({
      upload: (files) => uploady.upload(files),
      processPending: () => uploady.processPending(),
    });
  }, [uploady, onReady]);
  return (
    <ul className="files">
      {items.map((item) => (
        <Row key={item.id} item={item} />
      ))}
    </ul>
  );
}

exposeQueue(
  (target) =>
    new Promise<QueueAdapter>((resolve) => {
      const onReady = (api: Api) =>
        resolve({
          reactRendered: true,
          add: (files) => api.upload(files),
          isRendered: (count) => document.querySelectorAll(".files > li").length === count,
          startUploads: () => api.processPending(),
        });
      createRoot(document.querySelector("#root") as HTMLElement).render(
        <Uploady
          destination={{ url: target.redeemUrl, params: { upload_token: target.token } }}
          inputFieldName="file"
          autoUpload={false}
          concurrent
          maxConcurrent={6}
        >
          <Queue onReady={onReady} />
        </Uploady>,
      );
    }),
);
