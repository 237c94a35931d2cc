import type { UploaderOptions } from "@twentythree-upload/core";

/** @internal Every key of core's `UploaderOptions`. */
export const uploaderOptionKeys = [
  "site",
  "apiVersion",
  "token",
  "meta",
  "transport",
  "chunkSize",
  "autoStart",
  "concurrency",
  "accept",
  "minSize",
  "maxSize",
  "maxFiles",
  "allowDuplicates",
  "retry",
  "stallTimeoutMs",
  "responseTimeoutMs",
  "requestTimeoutMs",
  "tokenStrategy",
  "tokenExpiryMarginMs",
  "findUploads",
  "jsonpFallback",
  "waitForEncoding",
  "onSuccess",
  "onError",
] as const satisfies readonly (keyof UploaderOptions)[];

// Fails to compile when core adds an option that is missing above.
type Missing = Exclude<keyof UploaderOptions, (typeof uploaderOptionKeys)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

/** @internal Splits a component's props into uploader options and the rest (element props). */
export function splitUploaderOptions<P extends object>(
  props: P,
): [Pick<P, Extract<keyof P, keyof UploaderOptions>>, Omit<P, keyof UploaderOptions>] {
  const options: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if ((uploaderOptionKeys as readonly string[]).includes(key)) {
      if (value !== undefined) {
        options[key] = value;
      }
    } else {
      rest[key] = value;
    }
  }
  return [
    options as Pick<P, Extract<keyof P, keyof UploaderOptions>>,
    rest as Omit<P, keyof UploaderOptions>,
  ];
}
