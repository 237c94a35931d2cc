import type {
  EmulatorClient,
  RequestRecord,
  TokenRecord,
  UploadRecord,
} from "@twentythree-upload/emulator/client";
import { useEffect, useState } from "react";

/** What the emulator instance has seen so far. */
export interface EmulatorRecord {
  readonly uploads: readonly UploadRecord[];
  readonly tokens: readonly TokenRecord[];
  readonly requests: readonly RequestRecord[];
}

const intervalMs = 400;

/**
 * The instance's stored uploads, tokens and request log, polled while mounted (the emulator has
 * no push channel). `null` until the first answer.
 */
export function useEmulatorRecord(client: EmulatorClient): EmulatorRecord | null {
  const [record, setRecord] = useState<{ text: string; value: EmulatorRecord } | null>(null);

  useEffect(() => {
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const [uploads, tokens, requests] = await Promise.all([
          client.uploads(),
          client.tokens(),
          client.requests(),
        ]);
        const value = { uploads, tokens, requests };
        const text = JSON.stringify(value);
        // Re-render only when something changed.
        if (isCurrent) setRecord((old) => (old?.text === text ? old : { text, value }));
      } catch {
        // The instance is gone (story unmounting) or busy: try again on the next tick.
      }
      if (isCurrent) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [client]);

  return record?.value ?? null;
}
