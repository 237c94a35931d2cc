import { QueryClient } from "@tanstack/react-query";
import { useState } from "react";

let sharedClient: QueryClient | undefined;

/**
 * @internal The QueryClient `useUploadToken` uses when the app has no QueryClientProvider (and
 * passes no client): one per page in the browser, so that requests dedupe across components.
 */
export function useFallbackQueryClient(needed: boolean): QueryClient | undefined {
  // On the server a module-level cache would be shared between users' requests: never do that.
  const [perComponent] = useState(() =>
    needed && typeof window === "undefined" ? new QueryClient() : undefined,
  );
  if (!needed || perComponent) {
    return perComponent;
  }
  if (!sharedClient) {
    sharedClient = new QueryClient();
    sharedClient.mount();
  }
  return sharedClient;
}
