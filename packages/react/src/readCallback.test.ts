import { describe, expect, it } from "vitest";
import { readCallback, withoutCallbackParams } from "./readCallback.js";

describe("readCallback", () => {
  it("accepts a callback from the configured site, with or without a port", () => {
    const local = readCallback(
      "?domain=127.0.0.1:8023&upload_token=t&photo_id=1&tree_id=2&token=x",
      "http://127.0.0.1:8023",
    );
    expect(local.status).toBe("success");
    const bare = readCallback(
      "?domain=Videos.Example.com&upload_token=t&photo_id=1&tree_id=2&token=x",
      "videos.example.com",
    );
    expect(bare.status).toBe("success");
  });

  it("refuses another site's domain, even the same host on another port", () => {
    for (const domain of ["evil.example.net", "127.0.0.1:9999", "videos.example.com.evil.net"]) {
      const state = readCallback(
        `?domain=${domain}&upload_token=t&photo_id=1&tree_id=2&token=x`,
        domain.startsWith("127") ? "http://127.0.0.1:8023" : "videos.example.com",
      );
      expect(state).toMatchObject({
        status: "error",
        result: null,
        error: { code: "foreign_domain" },
      });
    }
  });

  it("turns a malformed URL into an error state instead of throwing", () => {
    expect(readCallback("?theme=green", "videos.example.com")).toMatchObject({
      status: "error",
      error: { code: "invalid_callback" },
    });
    expect(
      readCallback("?domain=videos.example.com&photo_id=1&tree_id=2&token=x", "videos.example.com"),
    ).toMatchObject({ status: "error", error: { code: "missing_field" } });
  });

  it("strips TwentyThree's parameters and keeps the app's and the hash", () => {
    expect(
      withoutCallbackParams(
        "https://app.example/cb?theme=green&domain=d&upload_token=secret&photo_id=1&tree_id=2&token=x#top",
      ),
    ).toBe("https://app.example/cb?theme=green#top");
  });
});
