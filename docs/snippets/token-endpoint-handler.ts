// The upload-token endpoint as a plain Fetch API handler. Copy examples/app/server/ into your
// project (the files next to createTokenHandler.ts) and adjust the import path.
import { createTokenHandler } from "../../examples/app/server/createTokenHandler.js";

// Your own user check, e.g. a session cookie lookup.
declare function isSignedIn(request: Request): Promise<boolean>;
// Your own records: which user was given which upload token (a database insert).
declare function saveUploadToken(
  userId: string,
  uploadToken: string,
  validUntil: Date,
): Promise<void>;
declare function userIdOf(request: Request): Promise<string>;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export const handleUploadToken = createTokenHandler({
  site: "videos.example.com",
  apiVersion: "legacy",
  credentials: {
    consumerKey: required("TWENTYTHREE_CONSUMER_KEY"),
    consumerSecret: required("TWENTYTHREE_CONSUMER_SECRET"),
    accessToken: required("TWENTYTHREE_ACCESS_TOKEN"),
    accessTokenSecret: required("TWENTYTHREE_ACCESS_TOKEN_SECRET"),
  },
  // Fixed here: the browser cannot choose where TwentyThree sends the result.
  returnUrl: "https://app.example.com/upload/callback",
  allowedOrigins: ["https://app.example.com"],
  validMinutes: 180,
  maxUploadsCap: 10,
  maxFileSize: 10 * 1024 ** 3,
  authorize: isSignedIn,
  // Awaited before the browser gets the token; if it fails, the browser gets a 500 instead.
  onIssued: async (token, request) => {
    await saveUploadToken(await userIdOf(request), token.uploadToken, token.validUntil);
  },
  logger: (entry) => console.log(JSON.stringify(entry)),
});

// Any server that takes a Fetch API handler (Bun.serve, Deno.serve, Hono, workers):
export async function fetchHandler(request: Request): Promise<Response> {
  if (new URL(request.url).pathname === "/api/upload-token") return handleUploadToken(request);
  return new Response("Not found", { status: 404 });
}
