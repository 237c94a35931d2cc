// The same handler on plain node:http, through the example's small adapter.
import { createServer } from "node:http";
import { readConfig } from "../../examples/app/server/config.js";
import { createTokenHandler } from "../../examples/app/server/createTokenHandler.js";
import { toNodeListener } from "../../examples/app/server/nodeAdapter.js";

// Your own user check, e.g. a session cookie lookup. Required for a real site.
declare function isSignedIn(request: Request): Promise<boolean>;

// Settings from TWENTYTHREE_SITE, TWENTYTHREE_CONSUMER_KEY, …, APP_ORIGIN, RETURN_URL, PORT.
const config = readConfig(process.env);
const handleUploadToken = toNodeListener(
  createTokenHandler({ ...config.token, authorize: isSignedIn }),
);

createServer((request, response) => {
  if (request.url?.split("?")[0] === "/api/upload-token")
    return handleUploadToken(request, response);
  response.writeHead(404).end();
}).listen(config.port, config.host);
