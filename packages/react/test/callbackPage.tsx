// The script of callback.html: renders <CallbackHandler> for the `site` in the page's own query.
import { createRoot } from "react-dom/client";
import { CallbackHandler } from "../src/CallbackHandler.js";

const site = new URLSearchParams(window.location.search).get("site") ?? "";
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <CallbackHandler
      site={site}
      onSuccess={(result) => {
        document.documentElement.dataset.photoId = result.photoId;
      }}
    />,
  );
}
