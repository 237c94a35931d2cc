import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";

// get-upload-token needs OAuth 1.0a (HMAC-SHA1) with write credentials: the emulator's defaults.
const oauth = new OAuth({
  consumer: { key: "emulator-key", secret: "emulator-secret" },
  signature_method: "HMAC-SHA1",
  hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
});
const token = { key: "emulator-token", secret: "emulator-token-secret" };

const returnUrl = encodeURIComponent("http://127.0.0.1:5173/upload/callback?theme=green");
const url = `http://127.0.0.1:8023/api/photo/get-upload-token?title=My%20title&return_url=${returnUrl}`;
const response = await fetch(url, {
  headers: { ...oauth.toHeader(oauth.authorize({ url, method: "GET" }, token)) },
});
console.log(await response.text()); // <response status="ok" permission_level="write" ...>
