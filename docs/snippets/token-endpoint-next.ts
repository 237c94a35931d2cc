// Next.js App Router: app/api/upload-token/route.ts. Next answers other methods with 405 itself.
import { readConfig } from "../../examples/app/server/config.js";
import {
  type TokenHandler,
  createTokenHandler,
} from "../../examples/app/server/createTokenHandler.js";

// Your own user check, e.g. your auth library's session lookup. Required for a real site.
declare function isSignedIn(request: Request): Promise<boolean>;

// Signing uses node:crypto, so this route runs on the Node.js runtime, not the Edge runtime.
export const runtime = "nodejs";

// Created on the first request rather than at import, because `next build` imports route
// modules where the credentials may not be set. A configuration mistake fails that request.
let handler: TokenHandler | undefined;

export async function POST(request: Request): Promise<Response> {
  handler ??= createTokenHandler({ ...readConfig(process.env).token, authorize: isSignedIn });
  return handler(request);
}
