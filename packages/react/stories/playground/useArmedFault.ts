import type { EmulatorClient, FaultSpec } from "@twentythree-upload/emulator/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { faultSpecFor, type PlaygroundArgs } from "./faultScenarios.js";

/** What {@link useArmedFault} returns. */
export interface ArmedFault {
  /** The fault for the current args is queued (or the token trap set): files may go. */
  readonly isArmed: boolean;
  /** Some fault setting was armed since mount (the upload UI may show from then on). */
  readonly hasArmed: boolean;
  /** Why arming failed, if it did. */
  readonly error: string | null;
  /** Queues the fault again (each fault hits only the next matching request). */
  readonly rearm: () => void;
  /** For the expired-token fault: `true` once, for the next token issued after arming. */
  readonly takeTokenToExpire: () => boolean;
}

/**
 * Queues the chosen fault on the story's emulator instance whenever the fault settings change
 * (and on `rearm()`), replacing whatever was queued before.
 */
export function useArmedFault(client: EmulatorClient, args: PlaygroundArgs): ArmedFault {
  const { fault } = args;
  const specKey = JSON.stringify(faultSpecFor(args));
  const [round, setRound] = useState(0);
  const [armed, setArmed] = useState<{ key: string; error: string | null } | null>(null);
  const [hasArmed, setHasArmed] = useState(false);
  const expireNext = useRef(false);
  const key = `${client.url} ${fault} ${specKey} ${round}`;

  useEffect(() => {
    let isCurrent = true;
    const armedKey = `${client.url} ${fault} ${specKey} ${round}`;
    armFault(client, JSON.parse(specKey) as FaultSpec | null).then(
      () => {
        if (isCurrent) {
          expireNext.current = fault === "expired-token";
          setArmed({ key: armedKey, error: null });
          setHasArmed(true);
        }
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (isCurrent) setArmed({ key: armedKey, error: message });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [client, fault, specKey, round]);

  const rearm = useCallback(() => setRound((value) => value + 1), []);
  const takeTokenToExpire = useCallback(() => {
    const take = expireNext.current;
    expireNext.current = false;
    return take;
  }, []);
  const isCurrent = armed?.key === key;
  return {
    isArmed: isCurrent && armed.error === null,
    hasArmed,
    error: isCurrent ? armed.error : null,
    rearm,
    takeTokenToExpire,
  };
}

// Arming runs one at a time per instance: two overlapping runs (StrictMode runs effects twice,
// controls change quickly) would interleave clear, clear, add, add and queue the fault twice.
const armings = new WeakMap<EmulatorClient, Promise<unknown>>();

function armFault(client: EmulatorClient, spec: FaultSpec | null): Promise<void> {
  const run = async () => {
    // Faults skip the auto transport's CORS probe (an empty redeem form): they wait for an upload.
    await client.clearFaults();
    if (spec) {
      await client.addFault(spec);
    }
  };
  const previous = armings.get(client) ?? Promise.resolve();
  const next = previous.then(run, run);
  armings.set(client, next);
  return next;
}
