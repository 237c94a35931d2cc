import { describe, expect, it } from "vitest";
import { TwentyThreeUploadError } from "./errors.js";
import { apiUrl, siteOrigin } from "./siteUrls.js";

describe("siteOrigin", () => {
  it.each([
    ["videos.example.com", "https://videos.example.com"],
    ["  videos.example.com  ", "https://videos.example.com"],
    ["https://videos.example.com/", "https://videos.example.com"],
    ["https://videos.example.com/manage?x=1#y", "https://videos.example.com"],
    ["http://127.0.0.1:8023", "http://127.0.0.1:8023"],
    ["HTTPS://Videos.Example.COM:443", "https://videos.example.com"],
    ["127.0.0.1:8023", "https://127.0.0.1:8023"],
  ])("normalises %j to %j", (site, origin) => {
    expect(siteOrigin(site)).toBe(origin);
  });

  it.each([
    "",
    "   ",
    "ftp://videos.example.com",
    "javascript://alert(1)",
    "http://user:pw@videos.example.com",
    "http://",
  ])("rejects %j with a typed error", (site) => {
    const error = (() => {
      try {
        siteOrigin(site);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TwentyThreeUploadError);
    expect(error).toMatchObject({ code: "invalid_site" });
  });
});

describe("apiUrl", () => {
  it("builds legacy and v2 method URLs", () => {
    expect(apiUrl("videos.example.com", "legacy", "photo/redeem-upload-token")).toBe(
      "https://videos.example.com/api/photo/redeem-upload-token",
    );
    expect(apiUrl("http://127.0.0.1:8023/", "v2", "/photo/redeem-upload-token")).toBe(
      "http://127.0.0.1:8023/api/2/photo/redeem-upload-token",
    );
  });

  it("encodes query parameters", () => {
    expect(
      apiUrl("videos.example.com", "legacy", "photo/list", {
        upload_token: "a b&c",
        format: "json",
      }),
    ).toBe("https://videos.example.com/api/photo/list?upload_token=a+b%26c&format=json");
  });
});
