// Upload tokens from the emulator's dev stand-in for an app's token endpoint.

/** The raw v2 answer of `/__emulator/token?api=v2` (the shape of get-upload-token). */
export interface RawToken {
  status: string;
  data: Record<string, unknown>;
}

/** The token endpoint URL a TokenSource can point at (v2, JSON answer, no return_url). */
export function tokenEndpoint(emulator: string, maxUploads = 1): string {
  return `${emulator}/__emulator/token?api=v2&max_uploads=${maxUploads}`;
}

/** Asks the emulator for a token, as an app's own endpoint would hand one out. */
export async function fetchToken(
  emulator: string,
  request: { fileName?: string; fileSize?: number; maxUploads?: number } = {},
): Promise<RawToken> {
  const response = await fetch(`${emulator}/__emulator/token?api=v2`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title: "bench", ...request }),
  });
  if (!response.ok) {
    throw new Error(`The emulator refused a token: HTTP ${response.status}`);
  }
  const body = (await response.json()) as RawToken;
  if (body.status !== "ok" || typeof body.data?.upload_token !== "string") {
    throw new Error("The emulator's token answer has no data.upload_token");
  }
  return body;
}

/** The `upload_token` string of a raw answer. */
export function tokenString(raw: RawToken): string {
  return String(raw.data.upload_token);
}

/** The redeem URL of API v2 on the emulator. */
export function redeemUrl(emulator: string): string {
  return `${emulator}/api/2/photo/redeem-upload-token`;
}
