// Validation before anything is sent: every refused file gets a typed, readable reason, and no
// file is dropped silently (the caller turns rejections into `rejected` items).
import { formatBytes } from "./formatBytes.js";
import type { FileRejection } from "./types.js";

/** What {@link validateFiles} checks. Every rule is optional. */
export interface FileRules {
  /** Accepted types: MIME types (`video/mp4`), wildcards (`video/*`) and extensions (`.mov`). Default: any. */
  accept?: string | readonly string[] | undefined;
  /** Smallest accepted size in bytes. Default: none. */
  minSize?: number | undefined;
  /** Largest accepted size in bytes. Default: none. */
  maxSize?: number | undefined;
  /** Most files accepted, counting `existingCount`. Default: none. */
  maxFiles?: number | undefined;
  /** Files already accepted earlier (they count against `maxFiles`). Default: `0`. */
  existingCount?: number | undefined;
}

/** The verdict on one file, in input order. */
export interface FileValidation<TFile extends Blob = Blob> {
  /** The file checked, as given. */
  readonly file: TFile;
  /** `null` when the file is accepted. */
  readonly rejection: FileRejection | null;
}

/** The tokens of an `accept` value as written (`"video/*, .MOV"` → `["video/*", ".MOV"]`). */
function acceptTokens(accept: string | readonly string[] | undefined): string[] {
  const parts =
    typeof accept === "string" ? accept.split(",") : (accept ?? []).flatMap((a) => a.split(","));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** Splits an `accept` value into lower-case tokens (`"video/*, .MOV"` → `["video/*", ".mov"]`). */
export function parseAccept(accept: string | readonly string[] | undefined): string[] {
  return acceptTokens(accept).map((token) => token.toLowerCase());
}

/** The name of a `File` (a plain `Blob` has none: `""`). */
export function fileName(file: Blob): string {
  const name = (file as Blob & { name?: unknown }).name;
  return typeof name === "string" ? name : "";
}

function matchesAccept(name: string, mimeType: string, accepted: readonly string[]): boolean {
  if (accepted.length === 0) {
    return true;
  }
  const lowerName = name.toLowerCase();
  // MIME parameters (`video/mp4; codecs=…`) do not change the type.
  const type = (mimeType.split(";")[0] ?? "").trim().toLowerCase();
  return accepted.some((token) => {
    if (token === "*" || token === "*/*") {
      return true;
    }
    if (token.startsWith(".")) {
      return lowerName.endsWith(token);
    }
    if (token.endsWith("/*")) {
      return type.startsWith(token.slice(0, -1));
    }
    return type === token;
  });
}

/**
 * Checks files against the rules, in this order: empty, type, minimum size, maximum size, count.
 * Files refused for another reason do not use up `maxFiles`.
 *
 * @returns one verdict per file, in input order.
 * @example
 * const [verdict] = validateFiles([file], { accept: "video/*", maxSize: 2 * 1024 ** 3 });
 * if (verdict?.rejection) alert(verdict.rejection.message);
 */
export function validateFiles<TFile extends Blob>(
  files: readonly TFile[],
  rules: FileRules = {},
): FileValidation<TFile>[] {
  const accepted = parseAccept(rules.accept);
  let count = rules.existingCount ?? 0;
  return files.map((file): FileValidation<TFile> => {
    // Read each property once: Blob getters are not free, and 10,000 files may come at once.
    const name = fileName(file);
    const size = file.size;
    const type = file.type;
    const label = name || "This file";
    const reject = (code: FileRejection["code"], message: string): FileValidation<TFile> => ({
      file,
      rejection: { code, message },
    });
    if (size === 0) {
      return reject("empty", `${label} is empty (0 bytes).`);
    }
    if (!matchesAccept(name, type, accepted)) {
      const kind = type ? ` (${type})` : "";
      return reject(
        "file-type",
        `${label}${kind} is not an accepted type; accepted: ${acceptTokens(rules.accept).join(", ")}.`,
      );
    }
    if (rules.minSize !== undefined && size < rules.minSize) {
      return reject(
        "too-small",
        `${label} is ${formatBytes(size)}; the minimum is ${formatBytes(rules.minSize)}.`,
      );
    }
    if (rules.maxSize !== undefined && size > rules.maxSize) {
      return reject(
        "too-large",
        `${label} is ${formatBytes(size)}; the limit is ${formatBytes(rules.maxSize)}.`,
      );
    }
    if (rules.maxFiles !== undefined && count >= rules.maxFiles) {
      const limit = rules.maxFiles === 1 ? "1 file" : `${rules.maxFiles} files`;
      return reject("too-many-files", `${label} was not added: the limit is ${limit}.`);
    }
    count += 1;
    return { file, rejection: null };
  });
}
