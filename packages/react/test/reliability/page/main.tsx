// The page the reliability suite's Playwright tests drive. Everything comes from the query:
// `site`, `token` (a token endpoint URL), `scenario` (`queue`: one <UploadQueue>; `all`: every
// component), and the uploader's scaled-down deadlines.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  CallbackHandler,
  englishLabels,
  rememberReceivedToken,
  UploadForm,
  UploadProgressBar,
  UploadProvider,
  UploadQueue,
} from "../../../src/index.js";
import "../../../src/styles.css";

const query = new URLSearchParams(window.location.search);
const site = query.get("site") ?? "";
const token = query.get("token") ?? "";
const number = (name: string, fallback: number) => Number(query.get(name) ?? fallback);
const options = {
  concurrency: number("concurrency", 3),
  retry: { baseDelayMs: number("baseDelayMs", 50), maxDelayMs: number("maxDelayMs", 500) },
  stallTimeoutMs: number("stallTimeoutMs", 30_000),
  responseTimeoutMs: number("responseTimeoutMs", 600_000),
};

// A hostile callback (markup in error_message): rendered as text, also under the strict policy.
// Its token counts as received by this tab, or the message would not be shown at all.
rememberReceivedToken("x");
const hostileCallback = `?domain=${encodeURIComponent(new URL(site).host)}&upload_token=x&error_message=${encodeURIComponent("<img src=x onerror=alert(1)>")}`;

function Everything() {
  return (
    <UploadProvider site={site} token={token} defaults={options}>
      <UploadForm titleField descriptionField />
      <UploadQueue />
      <UploadQueue.Root aria-label="Compact queue">
        <UploadQueue.DropZone>Drop here</UploadQueue.DropZone>
        <UploadQueue.Trigger>Choose</UploadQueue.Trigger>
        <UploadQueue.List>
          {(id) => (
            <UploadQueue.Item id={id}>
              <UploadQueue.ItemName />
              <UploadQueue.ItemSize />
              <UploadQueue.Progress />
              <UploadQueue.ItemSpeed />
              <UploadQueue.ItemStatus />
              <UploadQueue.Cancel />
              <UploadQueue.Retry />
              <UploadQueue.Remove />
            </UploadQueue.Item>
          )}
        </UploadQueue.List>
        <UploadQueue.TotalProgress />
        <UploadQueue.Summary />
        <UploadQueue.Announcer />
      </UploadQueue.Root>
      <CallbackHandler search={hostileCallback} stripParams={false} handOff={false} />
      <UploadProgressBar
        progress={{
          loaded: 1,
          total: 2,
          fraction: 0.5,
          bytesPerSecond: null,
          secondsRemaining: null,
        }}
        label="Sample"
        labels={englishLabels}
      />
    </UploadProvider>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      {query.get("scenario") === "all" ? (
        <Everything />
      ) : (
        <UploadQueue site={site} token={token} {...options} />
      )}
    </StrictMode>,
  );
}
