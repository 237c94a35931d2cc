// Upload tokens and per-video tokens are credentials: anything we quote back to a person (error
// messages, excerpts of unexpected bodies) goes through here first.

const PLACEHOLDER = "[redacted]";

// Named fields whose values are secrets, in the notations TwentyThree answers with.
const NAMED = [
  // query strings and form bodies: upload_token=…, token=…
  /((?:^|[?&\s;])(?:upload_token|token)=)[^&\s#"'<]*/gi,
  // JSON: "upload_token": "…", "token": "…"
  /("(?:upload_token|uploadToken|token)"\s*:\s*")[^"]*/gi,
  // XML: <upload_token>…</upload_token>, <token>…</token>
  /(<(?:upload_token|token)>)[^<]*/gi,
];

// Anything shaped like a token even without a name: TwentyThree's upload tokens are 40 hex or 64
// alphanumeric characters, video tokens 32 alphanumerics.
const TOKEN_LIKE = /[A-Za-z0-9]{24,}/g;

/**
 * Replaces secrets in `text`: the values of `upload_token`/`token` fields in query, JSON and XML
 * notation, any token-shaped run of characters, and every string in `known` (e.g. the token the
 * caller holds).
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 4) out = out.split(secret).join(PLACEHOLDER);
  }
  for (const pattern of NAMED) out = out.replace(pattern, `$1${PLACEHOLDER}`);
  return out.replace(TOKEN_LIKE, PLACEHOLDER);
}
