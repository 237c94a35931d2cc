import { describe, expect, it } from "vitest";
import { createEmulatorClient } from "../src/client.js";
import { random, redeem, uploadForm, useEmulator } from "./helpers.js";

const preflight = (url: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: { Origin: "http://127.0.0.1:9999", "Access-Control-Request-Method": "POST" },
  });

describe("CORS mode full (the default)", () => {
  const emulator = useEmulator();

  it("answers preflights on the API paths", async () => {
    const response = await preflight(`${emulator().url}/api/photo/redeem-upload-token`);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("sends Access-Control-Allow-Origin on the 301 hop and exposes Retry-After", async () => {
    const client = createEmulatorClient(emulator().url);
    const token = await client.createToken({}, { return_url: client.returnUrl() });
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(10) }),
    );
    expect(response.status).toBe(301);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("sends it on plain-text token errors and API errors too", async () => {
    const error = await redeem(emulator().url, uploadForm("bad", { bytes: random(1) }));
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
    const unsigned = await fetch(`${emulator().url}/api/photo/get-upload-token`);
    expect(unsigned.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("CORS mode none", () => {
  const emulator = useEmulator({ cors: "none" });

  it("sends no CORS header on any API answer, the 301 included", async () => {
    const client = createEmulatorClient(emulator().url);
    const token = await client.createToken({}, { return_url: client.returnUrl() });
    const response = await redeem(
      emulator().url,
      uploadForm(token.uploadToken, { bytes: random(10) }),
    );
    expect(response.status).toBe(301);
    const cors = [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
    expect(cors).toEqual([]);
  });

  it("fails preflights like a server that does not support them", async () => {
    const response = await preflight(`${emulator().url}/api/photo/redeem-upload-token`);
    expect(response.status).toBe(405);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("still sends CORS headers on the control API", async () => {
    const health = await fetch(`${emulator().url}/__emulator/health`);
    expect(health.headers.get("access-control-allow-origin")).toBe("*");
    const token = await preflight(`${emulator().url}/__emulator/token`);
    expect(token.status).toBe(204);
    const issued = await fetch(`${emulator().url}/__emulator/token`, { method: "POST" });
    expect(issued.headers.get("access-control-allow-origin")).toBe("*");
  });
});
