import { describe, expect, inject, it } from "vitest";

describe("real browser against the emulator", () => {
  it("runs in Chromium and reaches the emulator cross-origin", async () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    const response = await fetch(`${inject("emulatorUrl")}/__emulator/health`);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
