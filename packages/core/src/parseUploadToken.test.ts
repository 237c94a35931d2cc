import { describe, expect, it } from "vitest";
import { ResponseFormatError, TwentyThreeApiError } from "./errors.js";
import { parseUploadToken } from "./parseUploadToken.js";

const TOKEN = "022fe6e3fb42758d6147c539727c5358af3524b1";

// TwentyThree's "Browser-based uploads" page, step 1, literally.
const SEED_XML = `<response status="ok" permission_level="write" 
  message="The upload token is ready to use" cached="0">
  <upload_token>022fe6e3fb42758d6147c539727c5358af3524b1</upload_token>
  <title>A title for the new upload</title>
  <description>... and a prelimiary description</description>
  <publish>1</publish>
  <tags>product:1234, testemonial</tags>
  <user_id>17488</user_id>
  <album_id></album_id>
  <max_uploads>1</max_uploads>
  <valid_minutes>180</valid_minutes>
  <valid_until>1266711372</valid_until>
  <return_url>http://www.example.com/upload/callback?theme=green</return_url>
</response>`;

const LEGACY_JSON = {
  status: "ok",
  message: "The upload token is ready to use",
  permission_level: "write",
  cached: "0",
  uploadtoken: {
    valid_minutes: "180",
    description: "… and a description",
    upload_token: TOKEN,
    max_uploads: "1",
    album_id: "",
    return_url: "http://www.example.com/upload/callback?theme=green",
    title: "A title",
    valid_until: "1266713254",
    publish: "1",
    tags: "product:1234, testemonial",
    user_id: "17488",
  },
  p: "1",
  size: "1",
  site: { domain: "videos.example.com", site_id: "1" },
  endpoint: "/api/photo/get-upload-token",
};

const V2_JSON = {
  status: "ok",
  permission_level: "write",
  cached: false,
  message: "The upload token is ready to use",
  data: {
    description: "",
    valid_minutes: 360,
    album_id: 12345,
    max_uploads: 1,
    tags: "",
    publish: "t",
    absolute_url: "",
    return_url: "",
    title: "My title",
    user_id: 61550003,
    valid_until: 1712329635,
    publish_date: "",
    upload_token: TOKEN,
    background_return_p: false,
    token_tags: "",
  },
};

describe("parseUploadToken", () => {
  it("parses the seed's literal XML example", async () => {
    const token = await parseUploadToken(SEED_XML);
    expect(token).toEqual({
      uploadToken: TOKEN,
      title: "A title for the new upload",
      description: "... and a prelimiary description",
      publish: true,
      tags: "product:1234, testemonial",
      userId: "17488",
      albumId: null,
      maxUploads: 1,
      validMinutes: 180,
      validUntil: new Date(1266711372 * 1000),
      returnUrl: "http://www.example.com/upload/callback?theme=green",
      backgroundReturn: false,
      extra: {},
    });
  });

  it("decodes XML entities and keeps unknown elements as extra", async () => {
    const token = await parseUploadToken(
      `<?xml version="1.0" encoding="utf-8"?>\n<response status="ok"><upload_token>abc123</upload_token>` +
        `<title>Tom &amp; Jerry</title><valid_until>1700000000</valid_until>` +
        `<return_url>https://app.example/cb?a=1&amp;theme=green</return_url><custom_var>x</custom_var></response>`,
    );
    expect(token.title).toBe("Tom & Jerry");
    expect(token.returnUrl).toBe("https://app.example/cb?a=1&theme=green");
    expect(token.extra).toEqual({ custom_var: "x" });
  });

  it("parses legacy JSON (uploadtoken) as text and as an object", async () => {
    for (const body of [JSON.stringify(LEGACY_JSON), LEGACY_JSON]) {
      const token = await parseUploadToken(body);
      expect(token.uploadToken).toBe(TOKEN);
      expect(token.validUntil.getTime()).toBe(1266713254000);
      expect(token.validMinutes).toBe(180);
      expect(token.userId).toBe("17488");
      expect(token.albumId).toBeNull();
      expect(token.extra).toEqual({});
    }
  });

  it("parses `var visual = {…}` and JSONP wrappers", async () => {
    const json = JSON.stringify(LEGACY_JSON);
    for (const body of [
      `var visual = ${json};`,
      `var myvar = ${json}`,
      `handleToken(${json});`,
      `/* */\nlistTags(${JSON.stringify(V2_JSON)})`,
    ]) {
      expect((await parseUploadToken(body)).uploadToken).toBe(TOKEN);
    }
  });

  it("parses v2 JSON with numbers as numbers and keeps v2-only fields as extra", async () => {
    const token = await parseUploadToken(JSON.stringify(V2_JSON));
    expect(token).toMatchObject({
      uploadToken: TOKEN,
      publish: true,
      albumId: "12345",
      userId: "61550003",
      validMinutes: 360,
      maxUploads: 1,
      returnUrl: null,
      backgroundReturn: false,
    });
    expect(token.validUntil).toEqual(new Date(1712329635000));
    expect(token.extra).toEqual({ absolute_url: "", publish_date: "", token_tags: "" });
  });

  it("parses v2 JSON with numbers as strings (the swagger example)", async () => {
    const token = await parseUploadToken({
      status: "ok",
      data: {
        upload_token: "VplcwcC0FJWPoUbhHMJjM3Mb54KoD1SIl3Yg8AnEJ9AFiTW9TPMQHez0hkyIkBHj",
        valid_minutes: "360",
        max_uploads: "5",
        valid_until: "1623676643",
        publish: "f",
        background_return_p: "1",
        crossposted_p: true,
      },
    });
    expect(token).toMatchObject({
      maxUploads: 5,
      validMinutes: 360,
      publish: false,
      backgroundReturn: true,
      extra: { crossposted_p: "true" },
    });
  });

  it("parses a flat object from an app's endpoint and derives validMinutes when absent", async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const token = await parseUploadToken({ upload_token: "tok1", valid_until: inAnHour });
    expect(token).toMatchObject({ uploadToken: "tok1", maxUploads: 1, publish: true, title: "" });
    expect(token.validMinutes).toBeGreaterThanOrEqual(59);
    expect(token.validMinutes).toBeLessThanOrEqual(60);
  });

  it("passes an UploadToken, or its JSON, through after validation", async () => {
    const original = await parseUploadToken(SEED_XML);
    expect(await parseUploadToken(original)).toEqual(original);
    expect(await parseUploadToken(JSON.stringify(original))).toEqual(original);
    await expect(parseUploadToken({ ...original, validUntil: "soon" })).rejects.toThrow(
      ResponseFormatError,
    );
    await expect(parseUploadToken({ ...original, uploadToken: "" })).rejects.toThrow(
      /uploadToken is missing/,
    );
  });

  it("turns the legacy XML error envelope into a TwentyThreeApiError", async () => {
    const error = await parseUploadToken(
      `<response status="error" code="invalid_signature" message="The API signature is invalid."/>`,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwentyThreeApiError);
    expect(error).toMatchObject({
      code: "invalid_signature",
      message: "The API signature is invalid.",
      status: null,
    });
  });

  it("turns legacy and v2 JSON error envelopes into TwentyThreeApiErrors with the HTTP status", async () => {
    const legacy = `var visual = {"status":"error","message":"You don't have the necessary permissions","code":"permission_denied","permission_level":"none"};`;
    await expect(parseUploadToken(legacy)).rejects.toMatchObject({
      name: "TwentyThreeApiError",
      code: "permission_denied",
      status: null,
    });
    const v2 = {
      status: "error",
      message: "The request could not be authenticated.",
      code: "missing_authentication",
    };
    await expect(parseUploadToken(JSON.stringify(v2), { status: 401 })).rejects.toMatchObject({
      code: "missing_authentication",
      message: "The request could not be authenticated.",
      status: 401,
    });
  });

  it.each([
    [
      "an HTML error page",
      "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>",
      /received an HTML page: ".*502 Bad Gateway/,
    ],
    ["an empty body", "   ", /received an empty body\.$/],
    ["truncated XML", SEED_XML.slice(0, 200), /received malformed or truncated XML/],
    [
      "truncated JSON",
      JSON.stringify(LEGACY_JSON).slice(0, 90),
      /received malformed or truncated JSON/,
    ],
    [
      "plain text",
      "Service temporarily unavailable",
      /received plain text: "Service temporarily unavailable"/,
    ],
    ["a JSON array", "[1,2]", /received something other than an object/],
  ])(
    "rejects %s with a ResponseFormatError that says what was received",
    async (_name, body, message) => {
      const error = await parseUploadToken(body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect((error as ResponseFormatError).message).toMatch(message);
      expect((error as ResponseFormatError).code).toBe("unrecognized_response");
    },
  );

  it.each([
    ["no upload_token", { status: "ok", title: "x", valid_until: "1" }, /it has no upload_token/],
    [
      "an empty upload_token",
      { upload_token: " ", valid_until: "1" },
      /upload_token is missing or empty/,
    ],
    ["no valid_until", { upload_token: "abc" }, /it has no valid_until/],
    [
      "a non-numeric valid_until",
      { upload_token: "abc", valid_until: "tomorrow" },
      /valid_until is not a time in epoch seconds/,
    ],
    [
      "a zero max_uploads",
      { upload_token: "abc", valid_until: "1", max_uploads: "0" },
      /max_uploads is not a whole number of at least 1/,
    ],
    [
      "an odd publish",
      { upload_token: "abc", valid_until: "1", publish: "maybe" },
      /publish is not a yes\/no value/,
    ],
    [
      "an object as title",
      { upload_token: "abc", valid_until: "1", title: { a: 1 } },
      /title is not text/,
    ],
  ])("rejects a token with %s instead of half-filling it", async (_name, body, message) => {
    await expect(parseUploadToken(body)).rejects.toThrow(message);
  });

  it("never puts the token into the error or its excerpt", async () => {
    const bodies = [
      `<response status="ok"><upload_token>${TOKEN}</upload_token><valid_until>soon</valid_until></response>`,
      JSON.stringify({ uploadtoken: { upload_token: TOKEN, valid_until: "x" } }),
      `<html><body>upload_token=${TOKEN}</body></html>`,
    ];
    for (const body of bodies) {
      const error = (await parseUploadToken(body).catch((e: unknown) => e)) as ResponseFormatError;
      expect(error).toBeInstanceOf(ResponseFormatError);
      expect(error.message).not.toContain(TOKEN);
      expect(error.received).not.toContain(TOKEN);
      expect(error.received).toContain("[redacted]");
    }
  });
});
