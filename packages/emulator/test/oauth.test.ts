// OAuth 1.0a as TwentyThree documents it, checked with signatures from oauth-1.0a.
import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import { describe, expect, it } from "vitest";
import {
  CREDENTIALS,
  getUploadToken,
  oauthAuthorization,
  queryString,
  useEmulator,
} from "./helpers.js";

const errorOf = (xml: string) => /<response status="error" code="([^"]+)"/.exec(xml)?.[1];

describe("OAuth 1.0a on get-upload-token", () => {
  const emulator = useEmulator();
  const endpoint = () => `${emulator().url}/api/photo/get-upload-token`;

  it("accepts a signature in the Authorization header", async () => {
    const response = await getUploadToken(emulator().url, { title: "Signed title" });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<response status="ok" permission_level="write"/);
  });

  it("accepts oauth_* parameters in the query string of a GET", async () => {
    const url = `${endpoint()}${queryString({ title: "In query", format: "json", raw: "1" })}`;
    const signed = oauthAuthorization(url, "GET");
    const oauthParams = Object.fromEntries(
      Object.entries(signed).filter(([k]) => k.startsWith("oauth_")),
    ) as Record<string, string>;
    const response = await fetch(`${url}&${queryString(oauthParams).slice(1)}`);
    expect(await response.json()).toMatchObject({
      status: "ok",
      uploadtoken: { title: "In query" },
    });
  });

  it("accepts oauth_* parameters in a url-encoded POST body (and signs the body)", async () => {
    const data = { title: "Posted & signed", format: "json", raw: "1" };
    const signed = oauthAuthorization(endpoint(), "POST", data);
    const oauthParams = Object.fromEntries(
      Object.entries(signed).filter(([k]) => k.startsWith("oauth_")),
    ) as Record<string, string>;
    const response = await fetch(endpoint(), {
      method: "POST",
      body: new URLSearchParams({ ...data, ...oauthParams }),
    });
    expect(await response.json()).toMatchObject({
      status: "ok",
      uploadtoken: { title: "Posted & signed" },
    });
  });

  it("refuses a url-encoded body that was changed after signing", async () => {
    const signed = oauthAuthorization(endpoint(), "POST", { title: "original" });
    const response = await fetch(endpoint(), {
      method: "POST",
      headers: { Authorization: signed.header },
      body: new URLSearchParams({ title: "tampered" }),
    });
    expect(errorOf(await response.text())).toBe("invalid_signature");
  });

  it("does not sign multipart bodies: a header signature over no parameters is valid", async () => {
    const form = new FormData();
    form.append("title", "From multipart");
    form.append("format", "json");
    form.append("raw", "1");
    const response = await fetch(endpoint(), {
      method: "POST",
      headers: { Authorization: oauthAuthorization(endpoint(), "POST").header },
      body: form,
    });
    expect(await response.json()).toMatchObject({
      status: "ok",
      uploadtoken: { title: "From multipart" },
    });
  });

  it("ignores the query string's parameters on POST, as documented, but still signs them", async () => {
    const url = `${endpoint()}?client_ref=from-query`;
    const data = { title: "from-body", format: "json", raw: "1" };
    const response = await fetch(url, {
      method: "POST",
      headers: { Authorization: oauthAuthorization(url, "POST", data).header },
      body: new URLSearchParams(data),
    });
    const body = (await response.json()) as {
      status: string;
      uploadtoken: { upload_token: string; title: string };
    };
    expect(body).toMatchObject({ status: "ok", uploadtoken: { title: "from-body" } });
    const token = emulator()
      .tokens()
      .find((t) => t.uploadToken === body.uploadtoken.upload_token);
    expect(token?.extra).toEqual({});
    // The same request without the query in the signature is refused: the query is signed.
    const unsigned = await fetch(url, {
      method: "POST",
      headers: { Authorization: oauthAuthorization(endpoint(), "POST", data).header },
      body: new URLSearchParams(data),
    });
    expect(await unsigned.json()).toMatchObject({ status: "error", code: "invalid_signature" });
  });

  it("legacy: refuses an unsigned request with permission_denied, HTTP 200", async () => {
    const response = await fetch(endpoint());
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(errorOf(text)).toBe("permission_denied");
    expect(text).toContain('permission_level="none"');
  });

  it("legacy: refuses a bad signature with invalid_signature, HTTP 200", async () => {
    const url = endpoint();
    const response = await fetch(url, {
      headers: {
        Authorization: oauthAuthorization(url, "GET", {}, { consumerSecret: "wrong" }).header,
      },
    });
    expect(response.status).toBe(200);
    expect(errorOf(await response.text())).toBe("invalid_signature");
  });

  it("refuses an unknown consumer key and an unknown access token", async () => {
    for (const credentials of [{ consumerKey: "other-key" }, { accessToken: "other-token" }]) {
      const response = await fetch(endpoint(), {
        headers: { Authorization: oauthAuthorization(endpoint(), "GET", {}, credentials).header },
      });
      expect(errorOf(await response.text())).toBe("invalid_signature");
    }
  });

  it("treats a consumer without an access token as anonymous: permission_denied", async () => {
    const response = await fetch(endpoint(), {
      headers: { Authorization: oauthAuthorization(endpoint(), "GET", {}, {}, false).header },
    });
    const text = await response.text();
    expect(errorOf(text)).toBe("permission_denied");
    expect(text).toContain('permission_level="anonymous"');
  });

  it("refuses a replayed nonce", async () => {
    const header = oauthAuthorization(endpoint(), "GET").header;
    expect(
      errorOf(await (await fetch(endpoint(), { headers: { Authorization: header } })).text()),
    ).toBeUndefined();
    const replay = await (await fetch(endpoint(), { headers: { Authorization: header } })).text();
    expect(errorOf(replay)).toBe("invalid_signature");
    expect(replay).toContain("replay");
  });

  it("refuses a timestamp outside the window", async () => {
    const oauth = new OAuth({
      consumer: { key: CREDENTIALS.consumerKey, secret: CREDENTIALS.consumerSecret },
      signature_method: "HMAC-SHA1",
      hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
    });
    oauth.getTimeStamp = () => Math.floor(Date.now() / 1000) - 3600;
    const signed = oauth.authorize(
      { url: endpoint(), method: "GET" },
      { key: CREDENTIALS.accessToken, secret: CREDENTIALS.accessTokenSecret },
    );
    const response = await fetch(endpoint(), {
      headers: oauth.toHeader(signed) as unknown as Record<string, string>,
    });
    const text = await response.text();
    expect(errorOf(text)).toBe("invalid_signature");
    expect(text).toContain("oauth_timestamp");
  });

  it("refuses signature methods other than HMAC-SHA1", async () => {
    const header = oauthAuthorization(endpoint(), "GET").header.replace("HMAC-SHA1", "PLAINTEXT");
    expect(
      errorOf(await (await fetch(endpoint(), { headers: { Authorization: header } })).text()),
    ).toBe("invalid_signature");
  });
});

describe("v2 authentication", () => {
  const emulator = useEmulator();
  const endpoint = () => `${emulator().url}/api/2/photo/get-upload-token`;

  it("accepts OAuth 1.0a", async () => {
    const response = await getUploadToken(emulator().url, {}, "v2");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", permission_level: "write" });
  });

  it("accepts Authorization: Bearer emulator-bearer", async () => {
    const response = await fetch(endpoint(), {
      headers: { Authorization: "Bearer emulator-bearer" },
    });
    expect(response.status).toBe(200);
  });

  it("answers 401 JSON for no credentials, a wrong bearer token and a bad signature", async () => {
    const none = await fetch(endpoint());
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ status: "error", code: "missing_authentication" });
    const bearer = await fetch(endpoint(), { headers: { Authorization: "Bearer nope" } });
    expect(bearer.status).toBe(401);
    const bad = await fetch(endpoint(), {
      headers: {
        Authorization: oauthAuthorization(endpoint(), "GET", {}, { accessTokenSecret: "x" }).header,
      },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ code: "invalid_signature" });
  });

  it("does not accept Bearer on the legacy API", async () => {
    const response = await fetch(`${emulator().url}/api/photo/get-upload-token`, {
      headers: { Authorization: "Bearer emulator-bearer" },
    });
    expect(errorOf(await response.text())).toBe("permission_denied");
  });
});

describe("configured credentials and permission levels", () => {
  const custom = {
    consumerKey: "k2",
    consumerSecret: "s2",
    accessToken: "t2",
    accessTokenSecret: "ts2",
  };
  const emulator = useEmulator({ credentials: custom, bearerToken: "b2", permissionLevel: "read" });

  it("uses the configured credentials and refuses the defaults", async () => {
    const url = `${emulator().url}/api/2/photo/get-upload-token`;
    const defaults = await fetch(url, {
      headers: { Authorization: oauthAuthorization(url, "GET").header },
    });
    expect(defaults.status).toBe(401);
    const configured = await fetch(url, {
      headers: { Authorization: oauthAuthorization(url, "GET", {}, custom).header },
    });
    // Valid credentials with only `read`: 403 permission_denied.
    expect(configured.status).toBe(403);
    expect(await configured.json()).toMatchObject({
      code: "permission_denied",
      permission_level: "read",
    });
    const bearer = await fetch(url, { headers: { Authorization: "Bearer b2" } });
    expect(bearer.status).toBe(403);
  });
});

describe("user_id needs super", () => {
  const write = useEmulator();
  const superuser = useEmulator({ permissionLevel: "super" });

  it("refuses user_id with write credentials and accepts it with super", async () => {
    const refused = await getUploadToken(write().url, { user_id: "99" });
    expect(errorOf(await refused.text())).toBe("permission_denied");
    const accepted = await getUploadToken(superuser().url, { user_id: "99" });
    const text = await accepted.text();
    expect(text).toContain('permission_level="super"');
    expect(text).toContain("<user_id>99</user_id>");
  });
});
