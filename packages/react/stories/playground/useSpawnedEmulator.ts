import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { useEffect, useState } from "react";
import { emulatorUrl } from "../storyHelpers.js";

/** Where the story's private emulator is. */
export type SpawnedEmulatorState =
  | { readonly status: "starting" }
  | { readonly status: "ready"; readonly client: SpawnedEmulatorClient }
  | { readonly status: "error"; readonly message: string };

/**
 * An isolated emulator instance for one story, spawned from the playground's emulator and closed
 * on unmount, so that its faults, uploads and request log belong to this story alone. A new
 * instance when `cors` changes. StrictMode-safe: an instance that arrives after its effect was
 * cleaned up is closed at once.
 */
export function useSpawnedEmulator(cors: "full" | "none"): SpawnedEmulatorState {
  const [state, setState] = useState<{ cors: string; value: SpawnedEmulatorState }>({
    cors,
    value: { status: "starting" },
  });

  useEffect(() => {
    let isCurrent = true;
    let spawned: SpawnedEmulatorClient | null = null;
    createEmulatorClient(emulatorUrl())
      .spawn({ cors, encodingDelayMs: 0 })
      .then(
        (client) => {
          if (isCurrent) {
            spawned = client;
            setState({ cors, value: { status: "ready", client } });
          } else {
            void client.close();
          }
        },
        (error: unknown) => {
          if (isCurrent) {
            const message = error instanceof Error ? error.message : String(error);
            setState({ cors, value: { status: "error", message } });
          }
        },
      );
    return () => {
      isCurrent = false;
      // The parent closes its children when it stops; a failure here leaves nothing behind.
      void spawned?.close().catch(() => undefined);
    };
  }, [cors]);

  // Until the effect for a new `cors` has spawned its instance, the old one is not this story's.
  return state.cors === cors ? state.value : { status: "starting" };
}
