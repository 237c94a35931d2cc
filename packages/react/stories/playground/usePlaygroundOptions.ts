import type { EmulatorClient } from "@twentythree-upload/emulator/client";
import { useMemo } from "react";
import {
  parseUploadToken,
  type RetryPolicy,
  type TokenSource,
  type UploaderOptions,
} from "../../src/index.js";
import { callbackPageUrl } from "./callbackPageUrl.js";
import { isCorsOff, type PlaygroundArgs } from "./faultScenarios.js";

/** Uploader options for the story's emulator instance and controls (the same for queue and form). */
export function usePlaygroundOptions(
  client: EmulatorClient,
  args: PlaygroundArgs,
  takeTokenToExpire: () => boolean,
): Omit<UploaderOptions, "meta"> {
  const { fault, transport, apiVersion, retry } = args;
  // The iframe fallback can only read its answer from a return_url page on this origin; XHR and
  // chunks follow the redirect to the emulator's echo page, which answers cross-origin.
  const usesIframe = transport === "iframe" || (transport === "auto" && isCorsOff(fault));

  const token = useMemo<TokenSource>(() => {
    const params = {
      return_url: usesIframe ? callbackPageUrl() : client.returnUrl({ from: "playground" }),
      ...(apiVersion === "v2" ? { api: "v2" } : {}),
    };
    // The emulator's token endpoint stands in for the app's own (docs/guides/token-endpoint.md).
    if (fault !== "expired-token") {
      return client.tokenUrl(params);
    }
    return async (request) => {
      const body = await client.issueToken(request, params);
      if (takeTokenToExpire()) {
        await client.expireToken((await parseUploadToken(body)).uploadToken);
      }
      return body;
    };
  }, [client, usesIframe, apiVersion, fault, takeTokenToExpire]);

  // Scaled down from the library's defaults (1 s base, 30 s cap, 5 retries) to keep stories quick.
  const retryPolicy = useMemo<RetryPolicy | false>(
    () => (retry ? { retries: 3, baseDelayMs: 500, maxDelayMs: 4000 } : false),
    [retry],
  );

  return {
    site: client.url,
    apiVersion,
    token,
    transport,
    chunkSize: args.chunkSizeKiB * 1024,
    concurrency: args.concurrency,
    retry: retryPolicy,
    stallTimeoutMs: args.stallTimeoutMs,
    responseTimeoutMs: args.responseTimeoutMs,
  };
}
