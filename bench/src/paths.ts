// Where things are, independent of the working directory the bench was started from.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** bench/ */
export const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The repository root. */
export const repoRoot = path.resolve(benchRoot, "..");
