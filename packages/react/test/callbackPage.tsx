// The script of callback.html: renders <CallbackHandler> for the `site` (and `handOff`) in the
// page's own query.
import { createRoot } from "react-dom/client";
import { CallbackHandler } from "../src/CallbackHandler.js";

const query = new URLSearchParams(window.location.search);
const site = query.get("site") ?? "";
// `handOff=true` in the page's query: a popup whose opener listens.
const handOff = query.get("handOff") === "true" ? true : "auto";
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <CallbackHandler
      site={site}
      handOff={handOff}
      onSuccess={(result) => {
        document.documentElement.dataset.photoId = result.photoId;
      }}
    />,
  );
}
