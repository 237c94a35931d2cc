// Every way the token endpoint refuses a request, over real HTTP. A refusal must never reach
// TwentyThree (no token minted), and must say what was wrong in a JSON body.
import { type Emulator, createEmulator } from "@twentythree-upload/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ORIGIN,
  type TokenEndpointFixture,
  startTokenEndpoint,
} from "./tokenEndpointFixture.js";

let emulator: Emulator;
let endpoint: TokenEndpointFixture;

beforeAll(async () => {
  emulator = await createEmulator({ quiet: true });
  endpoint = await startTokenEndpoint(emulator.url, { maxFileSize: 1_000_000 });
});
afterAll(async () => {
  await endpoint?.close();
  await emulator?.close();
});

const valid = { title: "Holiday", fileName: "holiday.mp4", fileSize: 1234, fileType: "video/mp4" };

async function expectRefusal(
  response: Response,
  status: number,
  error: string,
): Promise<{ error: string; message: string; field?: string }> {
  const body = (await response.json()) as { error: string; message: string; field?: string };
  expect({ status: response.status, error: body.error }).toEqual({ status, error });
  expect(body.message).toMatch(/\w+ \w+/);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("access-control-allow-origin")).toBeNull();
  return body;
}

describe("methods", () => {
  it.each(["GET", "PUT", "DELETE", "OPTIONS"])(
    "answers %s with 405 and Allow: POST",
    async (method) => {
      const before = endpoint.upstreamCalls();
      const response = await endpoint.post(valid, { method });
      await expectRefusal(response, 405, "method_not_allowed");
      expect(response.headers.get("allow")).toBe("POST");
      expect(endpoint.upstreamCalls()).toBe(before);
    },
  );
});

describe("CSRF defence", () => {
  it("refuses a request without the X-Requested-With header", async () => {
    await expectRefusal(
      await endpoint.post(valid, { omit: ["X-Requested-With"] }),
      403,
      "missing_csrf_header",
    );
  });

  it("refuses a request with another X-Requested-With value", async () => {
    const response = await endpoint.post(valid, {
      headers: { "X-Requested-With": "XMLHttpRequest" },
    });
    await expectRefusal(response, 403, "missing_csrf_header");
  });

  it.each(["cross-site", "none"])("refuses Sec-Fetch-Site: %s", async (site) => {
    const response = await endpoint.post(valid, { headers: { "Sec-Fetch-Site": site } });
    await expectRefusal(response, 403, "cross_site_request");
  });

  it.each(["https://evil.example", "http://127.0.0.1:9999", "null"])(
    "refuses Origin: %s",
    async (origin) => {
      const response = await endpoint.post(valid, { headers: { Origin: origin } });
      await expectRefusal(response, 403, "origin_not_allowed");
    },
  );

  it("lets a same-site request from an allowed origin through to validation", async () => {
    const response = await endpoint.post(
      { title: 42 },
      { headers: { "Sec-Fetch-Site": "same-site", Origin: APP_ORIGIN } },
    );
    expect((await expectRefusal(response, 422, "invalid_field")).field).toBe("title");
  });

  it("lets a non-browser client (no Origin, no Fetch Metadata) through when it sends the header", async () => {
    const response = await endpoint.post({ title: 42 }, { omit: ["Origin", "Sec-Fetch-Site"] });
    expect((await expectRefusal(response, 422, "invalid_field")).field).toBe("title");
  });
});

describe("body", () => {
  it.each([
    ["text/plain", "{}"],
    ["application/x-www-form-urlencoded", "title=x"],
    ["multipart/form-data; boundary=x", "--x--"],
  ])("refuses Content-Type %s with 415", async (type, body) => {
    await expectRefusal(
      await endpoint.post(body, { headers: { "Content-Type": type } }),
      415,
      "unsupported_media_type",
    );
  });

  it("refuses a body without Content-Type with 415", async () => {
    await expectRefusal(
      await endpoint.post("{}", { omit: ["Content-Type"] }),
      415,
      "unsupported_media_type",
    );
  });

  it("accepts application/json with a charset", async () => {
    const response = await endpoint.post(
      { title: 1 },
      { headers: { "Content-Type": "application/json; charset=utf-8" } },
    );
    await expectRefusal(response, 422, "invalid_field");
  });

  it("refuses a body over 16 KiB with 413 (declared length)", async () => {
    const response = await endpoint.post({ description: "x".repeat(17 * 1024) });
    await expectRefusal(response, 413, "payload_too_large");
  });

  it("refuses a streamed body over 16 KiB with 413 (no declared length)", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(4096));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(endpoint.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Requested-With": "twentythree-upload" },
      body,
      duplex: "half",
    } as RequestInit);
    await expectRefusal(response, 413, "payload_too_large");
  });

  it("refuses malformed JSON with 400", async () => {
    await expectRefusal(await endpoint.post('{"title": "x"'), 400, "invalid_json");
  });

  it.each([["[]"], ['"title"'], ["42"]])(
    "refuses a JSON body that is not an object (%s) with 400",
    async (body) => {
      await expectRefusal(await endpoint.post(body), 400, "invalid_body");
    },
  );
});

describe("fields", () => {
  it.each([
    ["title", 42],
    ["title", "x".repeat(256)],
    ["title", "line\nbreak"],
    ["description", "x".repeat(5001)],
    ["description", "bell\u0007"],
    ["tags", "x".repeat(501)],
    ["albumId", 12345],
    ["albumId", "12a"],
    ["albumId", "1,,2"],
    ["albumId", "1; DROP"],
    ["publish", "yes"],
    ["publishDate", "tomorrow"],
    ["publishDate", "2026-02-30 10:00:00"],
    ["publishDate", "2026-11-01 24:00:00"],
    ["fileName", "x".repeat(256)],
    ["fileName", "evil\u0000.mp4"],
    ["fileSize", 0],
    ["fileSize", -5],
    ["fileSize", 1.5],
    ["fileSize", "1234"],
    ["fileType", "not a mime type"],
    ["fileType", ";codecs=vp8"],
    ["fileType", "image/png"],
    ["fileType", "text/html; charset=utf-8"],
    ["fileType", "Application/PDF"],
    ["maxUploads", 0],
    ["maxUploads", -1],
    ["maxUploads", 2.5],
    ["extra", "theme=green"],
    ["extra", ["theme"]],
    ["extra", { "Bad-Key": "x" }],
    ["extra", { ["k".repeat(41)]: "x" }],
    ["extra", Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"]))],
  ])("refuses %s = %j with 422 naming the field", async (field, value) => {
    const before = endpoint.upstreamCalls();
    const body = await expectRefusal(
      await endpoint.post({ ...valid, [field]: value }),
      422,
      "invalid_field",
    );
    expect(body.field).toBe(field);
    expect(endpoint.upstreamCalls()).toBe(before);
  });

  it.each([
    ["theme", 42],
    ["theme", "x".repeat(501)],
    ["theme", "a\r\nb"],
  ])("refuses extra.%s = %j with 422 naming the entry", async (key, value) => {
    const body = await expectRefusal(
      await endpoint.post({ ...valid, extra: { [key]: value } }),
      422,
      "invalid_field",
    );
    expect(body.field).toBe(`extra.${key}`);
  });

  it.each([
    "return_url",
    "upload_token",
    "photo_id",
    "token",
    "domain",
    "error_message",
    "oauth_token",
  ])("refuses extra.%s (a TwentyThree parameter)", async (key) => {
    const body = await expectRefusal(
      await endpoint.post({ ...valid, extra: { [key]: "x" } }),
      422,
      "field_not_allowed",
    );
    expect(body.field).toBe(`extra.${key}`);
  });

  it.each([
    ["three 500-character values", { a: "x".repeat(500), b: "x".repeat(500), c: "x".repeat(500) }],
    ["300 characters that URL-encode to 1800", { note: "é".repeat(300) }],
  ])(
    "refuses extra that would make the callback URL 1500 characters or more (%s)",
    async (_name, extra) => {
      const before = endpoint.upstreamCalls();
      const body = await expectRefusal(
        await endpoint.post({ ...valid, extra }),
        422,
        "callback_too_long",
      );
      expect(body.field).toBe("extra");
      expect(body.message).toMatch(/1500/);
      expect(endpoint.upstreamCalls()).toBe(before);
    },
  );

  it("accepts extra that keeps the callback URL under the budget", async () => {
    const extra = { a: "x".repeat(500), b: "x".repeat(500) };
    const response = await endpoint.post({ ...valid, extra });
    expect(response.status).toBe(200);
  });

  it.each([
    "video/webm;codecs=vp8,opus",
    'video/mp4; codecs="avc1.42E01E, mp4a.40.2"',
    "Video/QuickTime",
    "application/octet-stream",
    "",
  ])("accepts fileType %j (parameters and case do not matter)", async (fileType) => {
    const response = await endpoint.post({ ...valid, fileType });
    expect(response.status).toBe(200);
  });

  it("says why a non-video fileType is refused", async () => {
    const body = await expectRefusal(
      await endpoint.post({ ...valid, fileType: "image/png" }),
      422,
      "invalid_field",
    );
    expect(body.message).toMatch(/video/);
  });

  it("refuses a file larger than the configured maximum", async () => {
    const body = await expectRefusal(
      await endpoint.post({ ...valid, fileSize: 1_000_001 }),
      422,
      "file_too_large",
    );
    expect(body.field).toBe("fileSize");
  });

  it("refuses publishDate on the legacy API, which does not document it", async () => {
    const body = await expectRefusal(
      await endpoint.post({ ...valid, publishDate: "2026-11-01 09:00:00" }),
      422,
      "invalid_field",
    );
    expect(body.field).toBe("publishDate");
  });

  it.each([
    ["return_url", "https://evil.example/steal"],
    ["returnUrl", "javascript:alert(1)"],
    ["upload_token", "abc"],
    ["valid_minutes", 1440],
    ["user_id", "1"],
    ["oauth_signature", "x"],
  ])("refuses a client-supplied %s (the server decides it)", async (field, value) => {
    const before = endpoint.upstreamCalls();
    const body = await expectRefusal(
      await endpoint.post({ ...valid, [field]: value }),
      422,
      "field_not_allowed",
    );
    expect(body.field).toBe(field);
    expect(endpoint.upstreamCalls()).toBe(before);
  });

  it.each(["album_id", "toString", "constructor", "valueOf", "hasOwnProperty", "__proto__"])(
    "refuses %s, a field that is not part of the request contract",
    async (field) => {
      const before = endpoint.upstreamCalls();
      // Written as JSON text: an object literal's `__proto__` key would set the prototype instead.
      const json = `${JSON.stringify(valid).slice(0, -1)},${JSON.stringify(field)}:"1"}`;
      const body = await expectRefusal(await endpoint.post(json), 422, "unknown_field");
      expect(body.field).toBe(field);
      expect(endpoint.upstreamCalls()).toBe(before);
    },
  );

  it("does not echo the refused value in the message", async () => {
    const body = await expectRefusal(
      await endpoint.post({ ...valid, title: `<script>alert(1)</script>${"x".repeat(300)}` }),
      422,
      "invalid_field",
    );
    expect(body.message).not.toContain("<script>");
  });
});

describe("log", () => {
  it("records each refusal with its status and code, and nothing was sent to TwentyThree", async () => {
    const from = endpoint.logs.length;
    const calls = endpoint.upstreamCalls();
    await endpoint.post(valid, { omit: ["X-Requested-With"] });
    await endpoint.post({ ...valid, maxUploads: 0 });
    expect(endpoint.logs.slice(from)).toEqual([
      expect.objectContaining({
        event: "upload-token",
        method: "POST",
        outcome: "refused",
        status: 403,
        code: "missing_csrf_header",
      }),
      expect.objectContaining({
        outcome: "refused",
        status: 422,
        code: "invalid_field",
        field: "maxUploads",
      }),
    ]);
    expect(endpoint.upstreamCalls()).toBe(calls);
  });
});

describe("authorize", () => {
  it("answers 401 when the app's user check says no, before reading the body", async () => {
    const guarded = await startTokenEndpoint(emulator.url, {
      authorize: (request) => request.headers.get("cookie") === "session=ok",
    });
    try {
      await expectRefusal(await guarded.post(valid), 401, "unauthorized");
      const passed = await guarded.post({ title: 1 }, { headers: { Cookie: "session=ok" } });
      await expectRefusal(passed, 422, "invalid_field");
      expect(guarded.upstreamCalls()).toBe(0);
    } finally {
      await guarded.close();
    }
  });
});
