// Startup configuration: defaults that point at the emulator, and mistakes that must stop the
// server before it serves a single request.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  EMULATOR_CREDENTIALS,
  EMULATOR_SITE,
  assertUserCheck,
  readConfig,
} from "./config.js";
import { createTokenHandler } from "./createTokenHandler.js";
import { TokenHandlerConfigError, type TokenHandlerOptions } from "./tokenHandlerOptions.js";

const REAL_SITE = { TWENTYTHREE_SITE: "videos.example.com" };
const REAL_CREDENTIALS = {
  TWENTYTHREE_CONSUMER_KEY: "real-consumer-key",
  TWENTYTHREE_CONSUMER_SECRET: "real-consumer-secret-4f9a",
  TWENTYTHREE_ACCESS_TOKEN: "real-access-token",
  TWENTYTHREE_ACCESS_TOKEN_SECRET: "real-access-token-secret-77c1",
};

function configError(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("readConfig accepted the environment");
}

describe("readConfig", () => {
  it("points at the local emulator with its test credentials when nothing is set", () => {
    const config = readConfig({});
    expect(config).toEqual({
      host: "127.0.0.1",
      port: 5174,
      token: {
        site: EMULATOR_SITE,
        apiVersion: "legacy",
        credentials: EMULATOR_CREDENTIALS,
        returnUrl: "http://127.0.0.1:5174/upload/callback",
        allowedOrigins: ["http://127.0.0.1:5174"],
      },
    });
  });

  it("reads a real site, its credentials, the API version, the app origin and the return URL", () => {
    const config = readConfig({
      ...REAL_SITE,
      ...REAL_CREDENTIALS,
      TWENTYTHREE_API: "v2",
      APP_ORIGIN: "https://app.example.com, https://www.example.com",
      RETURN_URL: "https://app.example.com/done?theme=green",
      PORT: "8080",
    });
    expect(config.port).toBe(8080);
    expect(config.token).toMatchObject({
      site: "videos.example.com",
      apiVersion: "v2",
      credentials: {
        consumerKey: "real-consumer-key",
        consumerSecret: "real-consumer-secret-4f9a",
        accessToken: "real-access-token",
        accessTokenSecret: "real-access-token-secret-77c1",
      },
      allowedOrigins: ["https://app.example.com", "https://www.example.com"],
      returnUrl: "https://app.example.com/done?theme=green",
    });
  });

  it("requires credentials for a site that is not local, naming each missing variable and no secret", () => {
    const error = configError({
      ...REAL_SITE,
      TWENTYTHREE_CONSUMER_SECRET: REAL_CREDENTIALS.TWENTYTHREE_CONSUMER_SECRET,
      TWENTYTHREE_ACCESS_TOKEN_SECRET: REAL_CREDENTIALS.TWENTYTHREE_ACCESS_TOKEN_SECRET,
    });
    expect(error.message).toContain("missing: TWENTYTHREE_CONSUMER_KEY, TWENTYTHREE_ACCESS_TOKEN.");
    expect(error.message).not.toContain(REAL_CREDENTIALS.TWENTYTHREE_CONSUMER_SECRET);
    expect(error.message).not.toContain(REAL_CREDENTIALS.TWENTYTHREE_ACCESS_TOKEN_SECRET);
  });

  it("never falls back to the emulator's credentials for a real site", () => {
    expect(configError({ ...REAL_SITE }).message).toMatch(
      /TWENTYTHREE_CONSUMER_KEY, TWENTYTHREE_CONSUMER_SECRET, TWENTYTHREE_ACCESS_TOKEN, TWENTYTHREE_ACCESS_TOKEN_SECRET/,
    );
  });

  it.each([
    ["RETURN_URL", "javascript:alert(document.cookie)", /RETURN_URL.*http: or https:/],
    ["RETURN_URL", "data:text/html,<script>alert(1)</script>", /RETURN_URL/],
    ["RETURN_URL", "https://evil.example/upload/callback", /RETURN_URL.*allowedOrigins/],
    ["RETURN_URL", "//evil.example/callback", /RETURN_URL/],
    ["TWENTYTHREE_API", "v3", /TWENTYTHREE_API/],
    ["TWENTYTHREE_SITE", "ftp://videos.example.com", /TWENTYTHREE_SITE/],
    ["PORT", "http", /PORT must be a port number from 0 \(a free one\) to 65535, not "http"/],
    ["APP_ORIGIN", "https://app.example.com/path", /APP_ORIGIN/],
  ])("refuses %s=%s at startup", (name, value, message) => {
    expect(configError({ [name]: value }).message).toMatch(message);
  });

  it("refuses plain http for a real site", () => {
    expect(
      configError({ TWENTYTHREE_SITE: "http://videos.example.com", ...REAL_CREDENTIALS }).message,
    ).toMatch(/TWENTYTHREE_SITE.*https/);
  });

  it("reads the TOKEN_AUTHORIZE=anyone opt-in, and refuses any other value", () => {
    expect(readConfig({ TOKEN_AUTHORIZE: "anyone" }).token.authorize).toBe("anyone");
    expect(readConfig({}).token.authorize).toBeUndefined();
    expect(configError({ TOKEN_AUTHORIZE: "yes" }).message).toMatch(/TOKEN_AUTHORIZE.*anyone/);
  });

  it("reads a real site without a user check, for code that adds its own authorize", () => {
    const config = readConfig({ ...REAL_SITE, ...REAL_CREDENTIALS });
    expect(config.token.authorize).toBeUndefined();
    const authorize = () => true;
    expect(typeof createTokenHandler({ ...config.token, authorize })).toBe("function");
  });

  it("assertUserCheck stops a server that would hand a real site's tokens to anyone", () => {
    const config = readConfig({ ...REAL_SITE, ...REAL_CREDENTIALS });
    expect(() => assertUserCheck(config.token)).toThrow(ConfigError);
    expect(() => assertUserCheck(config.token)).toThrow(/authorize.*TOKEN_AUTHORIZE=anyone/s);
    const optedIn = readConfig({ ...REAL_SITE, ...REAL_CREDENTIALS, TOKEN_AUTHORIZE: "anyone" });
    expect(() => assertUserCheck(optedIn.token)).not.toThrow();
    expect(() => assertUserCheck(readConfig({}).token)).not.toThrow();
  });

  it("the production server (main.ts) refuses to start for a real site without a user check", () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", main], {
      env: {
        PATH: process.env.PATH,
        ...REAL_SITE,
        ...REAL_CREDENTIALS,
        PORT: "0",
        APP_ORIGIN: "https://app.example.com",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TOKEN_AUTHORIZE=anyone/);
    expect(run.stdout).not.toContain("Upload-token endpoint:");
    expect(run.stderr + run.stdout).not.toContain(REAL_CREDENTIALS.TWENTYTHREE_CONSUMER_SECRET);
  });

  it("requires APP_ORIGIN when PORT is 0", () => {
    expect(configError({ PORT: "0" }).message).toMatch(/APP_ORIGIN/);
  });
});

describe("createTokenHandler options", () => {
  const base: TokenHandlerOptions = {
    site: EMULATOR_SITE,
    credentials: { ...EMULATOR_CREDENTIALS },
    returnUrl: "http://127.0.0.1:5173/upload/callback",
    allowedOrigins: ["http://127.0.0.1:5173"],
  };

  function optionError(options: TokenHandlerOptions): TokenHandlerConfigError {
    try {
      createTokenHandler(options);
    } catch (error) {
      if (error instanceof TokenHandlerConfigError) return error;
      throw error;
    }
    throw new Error("createTokenHandler accepted the options");
  }

  it("accepts a fixed return URL on the app's origin", () => {
    expect(typeof createTokenHandler(base)).toBe("function");
  });

  it.each([
    ["javascript:alert(1)", "returnUrl"],
    ["JavaScript:alert(1)//http://127.0.0.1:5173/", "returnUrl"],
    ["https://evil.example/upload/callback", "returnUrl"],
    ["http://user:pass@127.0.0.1:5173/upload/callback", "returnUrl"],
    ["/upload/callback", "returnUrl"],
  ])("refuses returnUrl %s", (returnUrl, option) => {
    expect(optionError({ ...base, returnUrl }).option).toBe(option);
  });

  it("refuses an allow-list with a foreign or javascript: URL", () => {
    const { returnUrl: _fixed, ...rest } = base;
    expect(
      optionError({
        ...rest,
        allowedReturnUrls: ["http://127.0.0.1:5173/a", "https://evil.example/b"],
      }).option,
    ).toBe("allowedReturnUrls");
    expect(optionError({ ...rest, allowedReturnUrls: ["javascript:alert(1)"] }).option).toBe(
      "allowedReturnUrls",
    );
    expect(optionError({ ...rest, allowedReturnUrls: [] }).option).toBe("allowedReturnUrls");
  });

  it("needs exactly one of returnUrl and allowedReturnUrls", () => {
    expect(optionError({ ...base, allowedReturnUrls: [base.returnUrl as string] }).option).toBe(
      "returnUrl",
    );
    const { returnUrl: _fixed, ...rest } = base;
    expect(optionError(rest).option).toBe("returnUrl");
  });

  it("names a missing credential without printing the others", () => {
    const error = optionError({
      ...base,
      credentials: { ...base.credentials, accessTokenSecret: " " },
    });
    expect(error.option).toBe("credentials.accessTokenSecret");
    expect(error.message).not.toContain(base.credentials.consumerSecret);
  });

  it("requires authorize for a site that is not on this machine", () => {
    const real = { ...base, site: "videos.example.com" };
    const error = optionError(real);
    expect(error.option).toBe("authorize");
    expect(error.message).toMatch(/authorize.*"anyone"/);
    expect(typeof createTokenHandler({ ...real, authorize: () => true })).toBe("function");
    expect(typeof createTokenHandler({ ...real, authorize: "anyone" })).toBe("function");
    // The local emulator needs none.
    expect(typeof createTokenHandler(base)).toBe("function");
  });

  it.each([
    [{ validMinutes: 10 }, "validMinutes"],
    [{ validMinutes: 1441 }, "validMinutes"],
    [{ maxUploadsCap: 101 }, "maxUploadsCap"],
    [{ allowedOrigins: [] }, "allowedOrigins"],
    [{ site: "https://videos.example.com/api" }, "site"],
    [{ returnUrl: `http://127.0.0.1:5173/upload/callback?s=${"x".repeat(1300)}` }, "returnUrl"],
  ] as const)("refuses %j", (override, option) => {
    expect(optionError({ ...base, ...override }).option).toBe(option);
  });
});
