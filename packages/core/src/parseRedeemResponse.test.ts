import { describe, expect, it } from "vitest";
import { CallbackError, ResponseFormatError, UploadError } from "./errors.js";
import { parseRedeemResponse, type RedeemResponse } from "./parseRedeemResponse.js";

const REDEEM = "https://videos.example.com/api/photo/redeem-upload-token";
const TOKEN = "022fe6e3fb42758d6147c539727c5358af3524b1";

async function failure(response: RedeemResponse): Promise<unknown> {
  return parseRedeemResponse(response).then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("parseRedeemResponse", () => {
  it("reads a followed 301 from the final URL's callback parameters (seed 4a)", async () => {
    const result = await parseRedeemResponse({
      status: 200,
      body: "<!doctype html><p>Thanks!</p>",
      url: `http://www.example.com/upload/callback?theme=green&domain=videos.example.com&upload_token=${TOKEN}&photo_id=12345&tree_id=97531&token=mhpDudicFtdjz1isvidhnzsgqv3kaske`,
    });
    expect(result).toEqual({
      photoId: "12345",
      treeId: "97531",
      token: "mhpDudicFtdjz1isvidhnzsgqv3kaske",
      domain: "videos.example.com",
      params: { theme: "green" },
    });
  });

  it("turns a redirect with error_message (seed 4b) into file-rejected with the server's words", async () => {
    const error = await failure({
      status: 200,
      body: "",
      url: `http://www.example.com/upload/callback?theme=green&domain=videos.example.com&upload_token=${TOKEN}&error_message=The+file+type+isn't+supported`,
    });
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({
      kind: "file-rejected",
      serverMessage: "The file type isn't supported",
      ambiguous: false,
    });
  });

  it("throws a CallbackError for a redirect with a broken callback", async () => {
    const error = await failure({
      status: 200,
      body: "",
      url: "https://app.example/cb?domain=d&upload_token=t&photo_id=1",
    });
    expect(error).toBeInstanceOf(CallbackError);
  });

  it("reads the body when the final URL is the redeem URL itself (no redirect)", async () => {
    const result = await parseRedeemResponse({
      status: 200,
      url: REDEEM,
      body: JSON.stringify({
        status: "ok",
        permission_level: "none",
        cached: false,
        data: { photo_id: 7667553, tree_id: 1234567, token: "abcdef" },
        message: "The file was successfully uploaded",
      }),
      contentType: "application/json",
    });
    expect(result).toEqual({
      photoId: "7667553",
      treeId: "1234567",
      token: "abcdef",
      domain: null,
      params: {},
    });
  });

  it("reads legacy JSON and XML bodies that carry photo_id", async () => {
    const legacy = await parseRedeemResponse({
      status: 200,
      body: 'var visual = {"status":"ok","upload":{"photo_id":"60433","tree_id":"7340","token":"tk"},"site":{"domain":"videos.example.com"}};',
    });
    expect(legacy).toEqual({
      photoId: "60433",
      treeId: "7340",
      token: "tk",
      domain: "videos.example.com",
      params: {},
    });
    const xml = await parseRedeemResponse({
      status: 200,
      body: '<response status="ok"><photo_id>60433</photo_id><tree_id>7340</tree_id><token>tk</token></response>',
    });
    expect(xml).toMatchObject({ photoId: "60433", treeId: "7340", token: "tk" });
  });

  it("reads the background-mode ok line, with the app's parameters from callback_url", async () => {
    const result = await parseRedeemResponse({
      status: 200,
      body: `ok videos.example.com 97531 12345 mhpDudicFtdjz1isvidhnzsgqv3kaske http://www.example.com/upload/callback?theme=green&domain=videos.example.com&photo_id=12345\n`,
    });
    expect(result).toEqual({
      photoId: "12345",
      treeId: "97531",
      token: "mhpDudicFtdjz1isvidhnzsgqv3kaske",
      domain: "videos.example.com",
      params: { theme: "green" },
    });
  });

  it("turns the background-mode error line into file-rejected", async () => {
    const error = await failure({ status: 200, body: "error The file type isn't supported" });
    expect(error).toMatchObject({
      kind: "file-rejected",
      serverMessage: "The file type isn't supported",
    });
  });

  it("reads a bare photo id", async () => {
    expect(await parseRedeemResponse({ status: 200, body: " 12345\n" })).toEqual({
      photoId: "12345",
      treeId: null,
      token: null,
      domain: null,
      params: {},
    });
  });

  it.each([
    [200, "The upload token is invalid, consumed or expired."],
    [403, "Invalid upload token"],
    [400, "This upload token has already been used"],
    [200, "error Upload token expired"],
    [404, "upload_token not found"],
    // The emulator's wording.
    [403, "The upload token has already been used."],
    [403, "The upload token has expired."],
    [400, "The upload_token parameter is missing."],
  ])("maps the plain-text token error (HTTP %i, %j) to token-invalid", async (status, body) => {
    const error = await failure({ status, body, url: REDEEM });
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ kind: "token-invalid", status });
    expect((error as Error).message).not.toMatch(/[0-9a-f]{40}/);
  });

  it('marks "already used" as ambiguous (a browser may have re-sent this very upload), not invalid or expired', async () => {
    for (const [body, ambiguous] of [
      ["The upload token has already been used.", true],
      ["error This upload token was consumed", true],
      ["The upload token is invalid.", false],
      ["The upload token has expired.", false],
    ] as const) {
      expect(await failure({ status: 403, body })).toMatchObject({
        kind: "token-invalid",
        ambiguous,
      });
    }
  });

  it("maps v2 error envelopes by status and code", async () => {
    const envelope = (code: string, message: string) =>
      JSON.stringify({ status: "error", code, message });
    expect(
      await failure({ status: 400, body: envelope("invalid_type", "Unsupported file type") }),
    ).toMatchObject({
      kind: "file-rejected",
      serverMessage: "Unsupported file type",
      status: 400,
    });
    expect(
      await failure({ status: 401, body: envelope("missing_authentication", "Nope") }),
    ).toMatchObject({
      kind: "token-invalid",
    });
    expect(
      await failure({ status: 503, body: envelope("busy", "Try later"), retryAfter: "7" }),
    ).toMatchObject({
      kind: "http",
      status: 503,
      retryAfterMs: 7000,
    });
    // Legacy answers errors with 200.
    expect(
      await failure({
        status: 200,
        body: '<response status="error" code="no_file" message="No file was uploaded"/>',
      }),
    ).toMatchObject({ kind: "file-rejected", serverMessage: "No file was uploaded" });
  });

  it.each([408, 429, 500, 502, 503, 504])(
    "maps HTTP %i with an HTML body to an http error",
    async (status) => {
      const error = await failure({ status, body: "<html><h1>Oops</h1></html>", retryAfter: null });
      expect(error).toMatchObject({ kind: "http", status, retryAfterMs: null });
    },
  );

  it("reads Retry-After as an HTTP date", async () => {
    const date = new Date(Date.now() + 60_000).toUTCString();
    const error = (await failure({ status: 429, body: "", retryAfter: date })) as UploadError;
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it.each([
    ["an empty body", ""],
    ["an OK page", "OK"],
    ["JSON without photo_id", '{"status":"ok","data":{}}'],
    ["an incomplete ok line", "ok videos.example.com 1"],
  ])("throws a ResponseFormatError for a 200 with %s", async (_name, body) => {
    expect(await failure({ status: 200, body })).toBeInstanceOf(ResponseFormatError);
  });
});
