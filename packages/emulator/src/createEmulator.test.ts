import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulatorClient } from "./client.js";
import { createEmulator, type Emulator } from "./createEmulator.js";

describe("createEmulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ quiet: true });
  });
  afterAll(() => emulator.close());

  it("answers its health check over real HTTP on loopback", async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${emulator.url}/__emulator/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves as middleware: its paths are answered, others go to next(), callbacks name the host used", async () => {
    const server = createServer((req, res) =>
      emulator.handler(req, res, () => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end("from the app");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/index.html`)).text()).toBe("from the app");
      const client = createEmulatorClient(base);
      const token = await client.createToken({}, { return_url: "http://127.0.0.1:1/cb" });
      const form = new FormData();
      form.append("upload_token", token.uploadToken);
      form.append("file", new Blob(["abc"]), "a.txt");
      const response = await fetch(`${base}/api/photo/redeem-upload-token`, {
        method: "POST",
        body: form,
        redirect: "manual",
      });
      expect(new URL(response.headers.get("location") ?? "").searchParams.get("domain")).toBe(
        new URL(base).host,
      );
      expect(emulator.uploads().map((u) => u.uploadToken)).toContain(token.uploadToken);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("refuses invalid options with a message naming the option", async () => {
    await expect(createEmulator({ cors: "some" as never })).rejects.toThrow(
      /cors must be "full" or "none"/,
    );
    await expect(createEmulator({ encodingDelayMs: -5 })).rejects.toThrow(/encodingDelayMs/);
    await expect(createEmulator({ port: emulator.port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe("data directory", () => {
  it("removes a temporary data directory on close, and keeps it with keepData", async () => {
    const temporary = await createEmulator({ quiet: true });
    expect(existsSync(temporary.dataDir)).toBe(true);
    await temporary.close();
    expect(existsSync(temporary.dataDir)).toBe(false);
    const kept = await createEmulator({ quiet: true, keepData: true });
    await kept.close();
    expect(existsSync(kept.dataDir)).toBe(true);
    await rm(kept.dataDir, { recursive: true, force: true });
  });

  it("removes only its own folders from a directory that already existed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tt-own-"));
    await writeFile(path.join(dir, "precious.txt"), "keep me");
    const emulator = await createEmulator({ quiet: true, dataDir: dir });
    expect((await readdir(dir)).sort()).toEqual(["chunks", "incoming", "precious.txt", "uploads"]);
    await emulator.close();
    expect(await readdir(dir)).toEqual(["precious.txt"]);
    await rm(dir, { recursive: true, force: true });
  });
});
