import type { Uploader } from "@twentythree-upload/react";
import { useContext } from "react";
import { SessionUploaderContext } from "./sessionUploaderContext.js";

/** The app-wide uploader. Throws outside `SessionUploaderProvider`. */
export function useSessionUploader(): Uploader {
  const uploader = useContext(SessionUploaderContext);
  if (!uploader) throw new Error("useSessionUploader needs a <SessionUploaderProvider> above it.");
  return uploader;
}
