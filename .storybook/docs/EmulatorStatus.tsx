import { createEmulatorClient } from "@twentythree-upload/emulator/client";
import { useEffect, useState } from "react";
import { emulatorOverride, emulatorUrl } from "../emulatorUrl.js";
import "./docs.css";

/** Where the stories upload to, and whether that emulator answers. */
export function EmulatorStatus() {
  const url = emulatorUrl();
  const source = emulatorOverride() === null ? "built in" : "from ?emulator= on this page";
  const [health, setHealth] = useState<{ url: string; isUp: boolean } | null>(null);

  useEffect(() => {
    let isCurrent = true;
    createEmulatorClient(url)
      .health()
      .then(
        () => isCurrent && setHealth({ url, isUp: true }),
        () => isCurrent && setHealth({ url, isUp: false }),
      );
    return () => {
      isCurrent = false;
    };
  }, [url]);

  const state = health?.url !== url ? "checking" : health.isUp ? "up" : "down";
  return (
    <p data-emulator-status={state}>
      {`The stories upload to the emulator at ${url} (${source}): `}
      {state === "up"
        ? "it is running."
        : state === "down"
          ? "it does not answer. Start the playground with `pnpm playground`, or open this page with ?emulator=<url of a running emulator>."
          : "checking…"}
    </p>
  );
}
