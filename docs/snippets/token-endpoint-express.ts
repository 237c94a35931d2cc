// Express: mount the handler before any body parser, because it reads (and size-limits) the
// body itself. `app.all` rather than `app.post`, so that other methods get the handler's 405.
import express from "express";
import { readConfig } from "../../examples/app/server/config.js";
import { createTokenHandler } from "../../examples/app/server/createTokenHandler.js";
import { toNodeListener } from "../../examples/app/server/nodeAdapter.js";

// Your own user check, e.g. a session cookie lookup. It sees a Fetch API Request (with the
// original headers, cookies included). Required for a real site.
declare function isSignedIn(request: Request): Promise<boolean>;

const config = readConfig(process.env);
const app = express();

app.all(
  "/api/upload-token",
  toNodeListener(createTokenHandler({ ...config.token, authorize: isSignedIn })),
);

app.use(express.json()); // the rest of your app
app.listen(config.port, config.host);
