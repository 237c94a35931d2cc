// Test helpers. OAuth signatures come from oauth-1.0a, an independent implementation, never from
// the emulator's own code.
import { createHash, createHmac, randomBytes } from "node:crypto";
import OAuth from "oauth-1.0a";
import { afterAll, beforeAll } from "vitest";
import { type Emulator, type EmulatorOptions, createEmulator } from "../src/index.js";

export const CREDENTIALS = {
  consumerKey: "emulator-key",
  consumerSecret: "emulator-secret",
  accessToken: "emulator-token",
  accessTokenSecret: "emulator-token-secret",
};

/** Starts an emulator for the file's tests; the returned getter is valid inside tests. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await createEmulator({ quiet: true, ...options });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error("The emulator has not started yet.");
    return emulator;
  };
}

/** Signs a request with oauth-1.0a. `data` holds url-encoded body parameters (signed). */
export function oauthAuthorization(
  url: string,
  method: string,
  data: Record<string, string> = {},
  credentials: Partial<typeof CREDENTIALS> = {},
  withToken = true,
): OAuth.Authorization & { header: string } {
  const c = { ...CREDENTIALS, ...credentials };
  const oauth = new OAuth({
    consumer: { key: c.consumerKey, secret: c.consumerSecret },
    signature_method: "HMAC-SHA1",
    hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
  });
  const token = withToken ? { key: c.accessToken, secret: c.accessTokenSecret } : undefined;
  // A copy: oauth-1.0a merges the query into the object it is given.
  const authorization = oauth.authorize({ url, method, data: { ...data } }, token);
  return { ...authorization, header: oauth.toHeader(authorization).Authorization };
}

/** `?k=v&…` with %20 for spaces (oauth-1.0a decodes its URL with decodeURIComponent). */
export function queryString(params: Record<string, string>): string {
  const parts = Object.entries(params).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}

/** A signed GET of get-upload-token (Authorization header). */
export async function getUploadToken(
  base: string,
  params: Record<string, string> = {},
  api: "legacy" | "v2" = "legacy",
): Promise<Response> {
  const url = `${base}/api${api === "v2" ? "/2" : ""}/photo/get-upload-token${queryString(params)}`;
  return fetch(url, { headers: { Authorization: oauthAuthorization(url, "GET").header } });
}

/** A signed legacy token as JSON (`format=json&raw`), returning the upload_token. */
export async function newToken(base: string, params: Record<string, string> = {}): Promise<string> {
  const response = await getUploadToken(base, { format: "json", raw: "1", ...params });
  const body = (await response.json()) as {
    status: string;
    message?: string;
    uploadtoken?: { upload_token: string };
  };
  if (body.status !== "ok" || !body.uploadtoken) throw new Error(`token refused: ${body.message}`);
  return body.uploadtoken.upload_token;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
export const random = (size: number) => new Uint8Array(randomBytes(size));

/** The seed's form fields: upload_token first, then extras, then the file. */
export function uploadForm(
  uploadToken: string | null,
  file: { bytes: Uint8Array<ArrayBuffer>; name?: string; type?: string } | null,
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData();
  if (uploadToken !== null) form.append("upload_token", uploadToken);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) {
    form.append(
      "file",
      new Blob([file.bytes], { type: file.type ?? "application/octet-stream" }),
      file.name ?? "clip.mp4",
    );
  }
  return form;
}

/** POSTs a redeem form without following redirects. */
export function redeem(
  base: string,
  form: FormData,
  api: "legacy" | "v2" = "legacy",
): Promise<Response> {
  return fetch(`${base}/api${api === "v2" ? "/2" : ""}/photo/redeem-upload-token`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
}

/** Query of a URL as an object. */
export function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}
