// The return_url page of the reliability page: renders <CallbackHandler> for `?site=`.
import { createRoot } from "react-dom/client";
import { CallbackHandler } from "../../../src/index.js";
import "../../../src/styles.css";

const site = new URLSearchParams(window.location.search).get("site") ?? "";
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(<CallbackHandler site={site} />);
}
