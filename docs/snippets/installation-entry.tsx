// src/main.tsx: import the optional stylesheet once, in your entry file. Without it the
// components render unstyled markup with data attributes for your own CSS.
import "@twentythree-upload/react/styles.css";
import { UploadQueue } from "@twentythree-upload/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root") ?? document.body).render(
  <StrictMode>
    <UploadQueue site="videos.example.com" token="/api/upload-token" />
  </StrictMode>,
);
