// `pnpm --filter @twentythree-upload/example-app start`: the token endpoint and the built app
// (run `vite build` first) on one origin. Settings come from environment variables (config.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkBuiltSite } from "./checkBuiltSite.js";
import { ConfigError, assertUserCheck, readConfig } from "./config.js";
import { contentSecurityPolicy } from "./contentSecurityPolicy.js";
import { createTokenHandler } from "./createTokenHandler.js";
import { startAppServer } from "./startAppServer.js";
import { siteOriginOf } from "./tokenHandlerOptions.js";

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");

try {
  const config = readConfig();
  assertUserCheck(config.token);
  checkBuiltSite(distDir, config.token);
  const server = await startAppServer({
    tokenHandler: createTokenHandler(config.token),
    host: config.host,
    port: config.port,
    ...(existsSync(distDir) ? { staticDir: distDir } : {}),
    contentSecurityPolicy: contentSecurityPolicy(siteOriginOf(config.token.site)),
    ...(config.token.returnUrl ? { returnPath: new URL(config.token.returnUrl).pathname } : {}),
  });
  console.log(
    `Upload-token endpoint: ${server.url}/api/upload-token (TwentyThree: ${config.token.site})`,
  );
  if (existsSync(distDir)) console.log(`Example app: ${server.url}`);
  else
    console.warn(`No build in ${distDir}: serving the API only (run \`vite build\` for the app).`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`✖ The port is already in use. Stop what listens there or set PORT.`);
    process.exit(1);
  }
  throw error;
}
