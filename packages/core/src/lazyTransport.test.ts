import { describe, expect, it, vi } from "vitest";
import { UploadError } from "./errors.js";
import { lazyTransport } from "./lazyTransport.js";
import type { Transport, TransportRequest, UploadResult } from "./types.js";

const result: UploadResult = {
  photoId: "1",
  treeId: null,
  token: null,
  domain: "videos.example.com",
  params: {},
};
const request = {} as TransportRequest;

describe("lazyTransport", () => {
  it("loads the transport once, on first use, and sends through it", async () => {
    const send = vi.fn<Transport>(async () => result);
    const load = vi.fn(async () => send);
    const transport = lazyTransport("chunked", load);
    expect(load).not.toHaveBeenCalled();
    await expect(transport(request)).resolves.toBe(result);
    await expect(transport(request)).resolves.toBe(result);
    expect(load).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("reports a failed download as a network error before sending, and tries again next time", async () => {
    const send = vi.fn<Transport>(async () => result);
    const load = vi
      .fn<() => Promise<Transport>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValueOnce(send);
    const transport = lazyTransport("chunked", load);
    const error = await transport(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ kind: "network", ambiguous: false });
    expect((error as UploadError).message).toContain("chunked transport");
    expect(send).not.toHaveBeenCalled();
    await expect(transport(request)).resolves.toBe(result);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
