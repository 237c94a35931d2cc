import { describe, expect, it } from "vitest";
import { CallbackError } from "./errors.js";
import { parseCallbackUrl } from "./parseCallbackUrl.js";

// The seed's literal examples (steps 4a and 4b), joined onto one line.
const SEED_SUCCESS =
  "http://www.example.com/upload/callback?theme=green&domain=videos.example.com&upload_token=022fe6e3fb42758d6147c539727c5358af3524b1&photo_id=12345&tree_id=97531&token=mhpDudicFtdjz1isvidhnzsgqv3kaske";
const SEED_ERROR =
  "http://www.example.com/upload/callback?theme=green&domain=videos.example.com&upload_token=022fe6e3fb42758d6147c539727c5358af3524b1&error_message=The+file+type+isn't+supported";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("parseCallbackUrl", () => {
  it("parses the seed's success callback (4a) and keeps the app's own parameters", () => {
    expect(parseCallbackUrl(SEED_SUCCESS)).toEqual({
      status: "success",
      domain: "videos.example.com",
      uploadToken: "022fe6e3fb42758d6147c539727c5358af3524b1",
      photoId: "12345",
      treeId: "97531",
      token: "mhpDudicFtdjz1isvidhnzsgqv3kaske",
      params: { theme: "green" },
    });
  });

  it("parses the seed's error callback (4b) and decodes the message", () => {
    expect(parseCallbackUrl(SEED_ERROR)).toEqual({
      status: "error",
      domain: "videos.example.com",
      uploadToken: "022fe6e3fb42758d6147c539727c5358af3524b1",
      errorMessage: "The file type isn't supported",
      params: { theme: "green" },
    });
  });

  it("accepts a URL, URLSearchParams, a relative URL and a bare query", () => {
    const expected = parseCallbackUrl(SEED_SUCCESS);
    const query = SEED_SUCCESS.split("?")[1] ?? "";
    expect(parseCallbackUrl(new URL(SEED_SUCCESS))).toEqual(expected);
    expect(parseCallbackUrl(new URLSearchParams(query))).toEqual(expected);
    expect(parseCallbackUrl(`/upload/callback?${query}#top`)).toEqual(expected);
    expect(parseCallbackUrl(`?${query}`)).toEqual(expected);
    expect(parseCallbackUrl(query)).toEqual(expected);
  });

  it("takes TwentyThree's (appended, last) value when the app's return_url reused a name", () => {
    const result = parseCallbackUrl(
      "https://app.example/cb?domain=mine&theme=green&domain=videos.example.com&upload_token=t&photo_id=1&tree_id=2&token=k",
    );
    expect(result).toMatchObject({ domain: "videos.example.com", params: { theme: "green" } });
  });

  it("keeps every app parameter, including repeated ones (first value)", () => {
    const result = parseCallbackUrl(
      "https://app.example/cb?a=1&a=2&b=&domain=d&upload_token=t&error_message=nope",
    );
    expect(result.params).toEqual({ a: "1", b: "" });
  });

  it.each([
    [
      "a page without callback parameters",
      "https://app.example/cb?theme=green",
      "invalid_callback",
    ],
    ["an empty string", "", "invalid_callback"],
    ["a path without a query", "https://app.example/cb", "invalid_callback"],
    ["a success without token", SEED_SUCCESS.replace(/&token=[^&]*/, ""), "missing_field"],
    ["a success without tree_id", SEED_SUCCESS.replace(/&tree_id=[^&]*/, ""), "missing_field"],
    [
      "a success with an empty photo_id",
      SEED_SUCCESS.replace(/photo_id=\d+/, "photo_id="),
      "missing_field",
    ],
    ["an error without domain", SEED_ERROR.replace(/&domain=[^&]*/, ""), "missing_field"],
    [
      "a callback without upload_token",
      SEED_ERROR.replace(/&upload_token=[^&]*/, ""),
      "missing_field",
    ],
    [
      "a non-numeric photo_id",
      SEED_SUCCESS.replace(/photo_id=\d+/, "photo_id=12<script>"),
      "invalid_field",
    ],
  ])("rejects %s with a typed CallbackError", (_name, input, code) => {
    const error = thrown(() => parseCallbackUrl(input));
    expect(error).toBeInstanceOf(CallbackError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).not.toContain("022fe6e3fb42758d6147c539727c5358af3524b1");
  });
});
