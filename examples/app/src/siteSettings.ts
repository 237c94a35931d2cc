// Public settings compiled in by vite.config.ts (`define`); the credentials never reach the bundle.
import type { ApiVersion } from "@twentythree-upload/react";

/** The TwentyThree site uploads go to. */
export const SITE: string = __TWENTYTHREE_SITE__;
/** The API generation of that site. */
export const API_VERSION: ApiVersion = __TWENTYTHREE_API__ === "v2" ? "v2" : "legacy";
/** The token endpoint (server/createTokenHandler.ts), on this app's own origin. */
export const TOKEN_ENDPOINT = "/api/upload-token";
