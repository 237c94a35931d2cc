import type { ApiGeneration, EndpointName } from "./controlTypes.js";
import type { ApiCall } from "./emulatorContext.js";
import { getUploadToken } from "./getUploadToken.js";
import { photoList } from "./photoList.js";
import { redeemUploadToken } from "./redeemUploadToken.js";
import type { Reply } from "./reply.js";
import { deleteUploadToken, updateUploadToken } from "./uploadTokenMethods.js";

/** Where an `/api` path leads. */
export interface ApiRoute {
  api: ApiGeneration | null;
  endpoint: EndpointName;
  /** The path as echoed in legacy JSON `endpoint`. */
  endpointPath: string;
  /** `null` for a method this generation does not have. */
  handler: ((call: ApiCall) => Promise<Reply>) | null;
}

const METHODS: Record<
  string,
  { endpoint: EndpointName; handler: (call: ApiCall) => Promise<Reply>; v2Only?: true }
> = {
  "photo/get-upload-token": { endpoint: "photo/get-upload-token", handler: getUploadToken },
  "photo/redeem-upload-token": {
    endpoint: "photo/redeem-upload-token",
    handler: redeemUploadToken,
  },
  "photo/list": { endpoint: "photo/list", handler: photoList },
  "photo/update-upload-token": {
    endpoint: "photo/update-upload-token",
    handler: updateUploadToken,
  },
  "photo/delete-upload-token": {
    endpoint: "photo/delete-upload-token",
    handler: deleteUploadToken,
    v2Only: true,
  },
};

/** Matches `/api/<method>` and `/api/2/<method>` (a trailing slash is tolerated). */
export function matchApiRoute(pathname: string): ApiRoute | null {
  const path = pathname.replace(/\/+$/, "");
  if (path !== "/api" && !path.startsWith("/api/")) return null;
  const v2 = path === "/api/2" || path.startsWith("/api/2/");
  const api: ApiGeneration = v2 ? "v2" : "legacy";
  const method = path.slice(v2 ? "/api/2/".length : "/api/".length);
  const found = METHODS[method];
  const usable = found && (!found.v2Only || v2);
  return {
    api,
    endpoint: usable ? found.endpoint : "unknown",
    endpointPath: path,
    handler: usable ? found.handler : null,
  };
}
