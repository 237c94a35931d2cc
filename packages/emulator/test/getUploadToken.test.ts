import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { getUploadToken, oauthAuthorization, useEmulator } from "./helpers.js";

type Json = Record<string, unknown>;

async function legacyJson(base: string, params: Record<string, string>): Promise<Json> {
  const response = await getUploadToken(base, { format: "json", raw: "1", ...params });
  return (await response.json()) as Json;
}

async function v2(
  base: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Json }> {
  const response = await getUploadToken(base, params, "v2");
  return { status: response.status, body: (await response.json()) as Json };
}

describe("get-upload-token: legacy formats", () => {
  const emulator = useEmulator();

  it("answers the seed's XML shape by default", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await getUploadToken(emulator().url, {
      title: "My title",
      album_id: "12345",
      return_url: "http://www.example.com/upload/callback?theme=green",
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/xml/);
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<response status="ok" permission_level="write" message="The upload token is ready to use" cached="0">/,
    );
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as {
      response: Json;
    };
    const seedOrder = [
      "upload_token",
      "title",
      "description",
      "publish",
      "tags",
      "user_id",
      "album_id",
      "max_uploads",
      "valid_minutes",
      "valid_until",
      "return_url",
    ];
    expect(
      Object.keys(parsed.response)
        .filter((k) => !k.startsWith("@_"))
        .slice(0, seedOrder.length),
    ).toEqual(seedOrder);
    expect(parsed.response).toMatchObject({
      title: "My title",
      publish: "1",
      album_id: "12345",
      max_uploads: "1",
      valid_minutes: "180",
      return_url: "http://www.example.com/upload/callback?theme=green",
    });
    expect(String(parsed.response.upload_token)).toMatch(/^[0-9a-f]{40}$/);
    const validUntil = Number(parsed.response.valid_until);
    expect(validUntil).toBeGreaterThanOrEqual(before + 180 * 60);
    expect(validUntil).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 180 * 60);
  });

  it("wraps format=json as `var visual = {…}` with string values under uploadtoken", async () => {
    const text = await (await getUploadToken(emulator().url, { format: "json" })).text();
    expect(text.startsWith("var visual = {")).toBe(true);
    const body = JSON.parse(text.slice("var visual = ".length)) as Json & { uploadtoken: Json };
    expect(body).toMatchObject({
      status: "ok",
      cached: "0",
      endpoint: "/api/photo/get-upload-token",
      site: { domain: new URL(emulator().url).host },
    });
    expect(Object.values(body.uploadtoken).every((v) => typeof v === "string")).toBe(true);
  });

  it("supports raw, varname and callback (JSONP)", async () => {
    const raw = await legacyJson(emulator().url, {});
    expect(raw.status).toBe("ok");
    const named = await (
      await getUploadToken(emulator().url, { format: "json", varname: "token_1" })
    ).text();
    expect(named.startsWith("var token_1 = {")).toBe(true);
    const jsonp = await getUploadToken(emulator().url, { format: "json", callback: "handle" });
    expect(jsonp.headers.get("content-type")).toMatch(/javascript/);
    expect(await jsonp.text()).toMatch(/^handle\(\{"status":"ok".*\}\);$/);
  });

  it("refuses a callback that is not an identifier (no script injection)", async () => {
    const body = await (
      await getUploadToken(emulator().url, { format: "json", callback: "alert(1)//" })
    ).text();
    expect(body).not.toContain("alert(1)");
    expect(body).toContain('"code":"invalid_input"');
  });

  it("applies legacy defaults and ranges: valid_minutes 15–1440 (180), max_uploads 1–100 (1)", async () => {
    const defaults = (await legacyJson(emulator().url, {})).uploadtoken as Json;
    expect(defaults).toMatchObject({
      valid_minutes: "180",
      max_uploads: "1",
      publish: "1",
      user_id: "17488",
    });
    const edge = (await legacyJson(emulator().url, { valid_minutes: "15", max_uploads: "100" }))
      .uploadtoken as Json;
    expect(edge).toMatchObject({ valid_minutes: "15", max_uploads: "100" });
    for (const params of [
      { valid_minutes: "14" },
      { valid_minutes: "1441" },
      { valid_minutes: "abc" },
      { max_uploads: "0" },
      { max_uploads: "101" },
      { publish: "yes" },
    ]) {
      const body = await legacyJson(emulator().url, params);
      expect(body).toMatchObject({ status: "error", code: "invalid_input" });
      expect(String(body.message)).toContain(Object.keys(params)[0]);
    }
  });

  it("strips HTML from the title and keeps only safe HTML in the description", async () => {
    const safe = (
      await legacyJson(emulator().url, {
        title: "<script>x</script>Hi",
        description: "<p>A <b>bold</b> move</p>",
      })
    ).uploadtoken as Json;
    expect(safe).toMatchObject({ title: "xHi", description: "<p>A <b>bold</b> move</p>" });
    const unsafe = (
      await legacyJson(emulator().url, { description: '<p onclick="x()">A</p><iframe></iframe>' })
    ).uploadtoken as Json;
    expect(unsafe.description).toBe("A");
  });

  it("keeps tags verbatim and validates album_id, return_url and absolute_url", async () => {
    expect(
      (
        (await legacyJson(emulator().url, { tags: "product:1234, testemonial" }))
          .uploadtoken as Json
      ).tags,
    ).toBe("product:1234, testemonial");
    expect(
      ((await legacyJson(emulator().url, { album_id: "1,2, 3" })).uploadtoken as Json).album_id,
    ).toBe("1,2, 3");
    expect(await legacyJson(emulator().url, { album_id: "news" })).toMatchObject({
      code: "invalid_album",
    });
    expect(await legacyJson(emulator().url, { return_url: "javascript:alert(1)" })).toMatchObject({
      code: "invalid_input",
    });
    expect(
      (
        (await legacyJson(emulator().url, { absolute_url: "https://example.com/v/1" }))
          .uploadtoken as Json
      ).absolute_url,
    ).toBe("https://example.com/v/1");
  });

  it("remembers extra parameters (not the protocol ones) for the callback", async () => {
    const body = await legacyJson(emulator().url, {
      client_ref: "42",
      publish_date: "2026-11-01 09:00:00",
    });
    const uploadToken = (body.uploadtoken as Json).upload_token;
    const token = emulator()
      .tokens()
      .find((t) => t.uploadToken === uploadToken);
    expect(token?.extra).toEqual({ client_ref: "42", publish_date: "2026-11-01 09:00:00" });
  });

  it("accepts POST url-encoded and multipart as well as GET", async () => {
    const url = `${emulator().url}/api/photo/get-upload-token`;
    const data = { title: "Posted", format: "json", raw: "1" };
    const posted = await fetch(url, {
      method: "POST",
      headers: { Authorization: oauthAuthorization(url, "POST", data).header },
      body: new URLSearchParams(data),
    });
    expect(await posted.json()).toMatchObject({ uploadtoken: { title: "Posted" } });
  });

  it("answers a wrong method with the legacy error form (HTTP 200)", async () => {
    const url = `${emulator().url}/api/photo/get-upload-token`;
    const response = await fetch(url, {
      method: "PUT",
      headers: { Authorization: oauthAuthorization(url, "PUT").header },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(
      /<response status="error" code="invalid_input" message="photo\/get-upload-token takes GET or POST, not PUT."/,
    );
  });
});

describe("get-upload-token: v2", () => {
  const emulator = useEmulator();

  it("answers the v2 JSON envelope with data and v2 defaults (360 minutes)", async () => {
    const { status, body } = await v2(emulator().url, { title: "My title", album_id: "12345" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      permission_level: "write",
      cached: false,
      message: "The upload token is ready to use",
      data: {
        title: "My title",
        album_id: 12345,
        valid_minutes: 360,
        max_uploads: 1,
        publish: "t",
        background_return_p: false,
        publish_date: "",
      },
    });
    expect(String((body.data as Json).upload_token)).toMatch(/^[A-Za-z0-9]{64}$/);
  });

  it("allows max_uploads up to 1000 and refuses 1001 with HTTP 400", async () => {
    expect((await v2(emulator().url, { max_uploads: "1000" })).body).toMatchObject({
      data: { max_uploads: 1000 },
    });
    const refused = await v2(emulator().url, { max_uploads: "1001" });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: "error", code: "invalid_input" });
  });

  it("takes publish_date, which overrides publish to 0", async () => {
    const { body } = await v2(emulator().url, {
      publish_date: "2026-11-01 09:00:00",
      publish: "1",
    });
    expect(body.data).toMatchObject({ publish_date: "2026-11-01 09:00:00", publish: "f" });
    expect((await v2(emulator().url, { publish_date: "soon" })).status).toBe(400);
  });

  it("wraps JSONP as /* */ callback(…)", async () => {
    const text = await (await getUploadToken(emulator().url, { callback: "cb" }, "v2")).text();
    expect(text).toMatch(/^\/\* \*\/\ncb\(\{"status":"ok"/);
  });

  it("answers a wrong method with 405", async () => {
    const response = await fetch(`${emulator().url}/api/2/photo/get-upload-token`, {
      method: "DELETE",
    });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ status: "error" });
  });
});
