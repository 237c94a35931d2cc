import type { Uploader } from "@twentythree-upload/react";
import { createContext } from "react";

/** The app-wide uploader, from `SessionUploaderProvider`. */
export const SessionUploaderContext = createContext<Uploader | null>(null);
