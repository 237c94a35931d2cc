import { describe, expect, it } from "vitest";
import { TwentyThreeUploadError } from "./errors.js";
import { resolveTransport } from "./resolveTransport.js";
import type { Transport, TransportName } from "./types.js";

describe("resolveTransport", () => {
  it("returns a transport of your own as is", () => {
    const own: Transport = () => Promise.reject(new Error("unused"));
    expect(resolveTransport(own)).toBe(own);
  });

  it.each(["auto", "xhr", "chunked", "iframe", undefined] as const)(
    "builds the %s transport (importable in Node: nothing touches the DOM until it runs)",
    (name) => {
      expect(typeof resolveTransport(name, { chunkSize: 1024 })).toBe("function");
    },
  );

  it("rejects an unknown name with a typed error", () => {
    expect(() => resolveTransport("ftp" as TransportName)).toThrow(TwentyThreeUploadError);
    expect(() => resolveTransport("ftp" as TransportName)).toThrow(/Unknown transport "ftp"/);
  });

  it("makes the iframe transport reject clearly outside a browser", async () => {
    const iframe = resolveTransport("iframe");
    const request = {} as Parameters<Transport>[0];
    await expect(iframe(request)).rejects.toMatchObject({ code: "unsupported_environment" });
  });
});
