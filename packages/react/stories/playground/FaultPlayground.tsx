import { emulatorUrl } from "../storyHelpers.js";
import { faultDescriptions, isCorsOff, type PlaygroundArgs } from "./faultScenarios.js";
import { PlaygroundSession } from "./PlaygroundSession.js";
import { useSpawnedEmulator } from "./useSpawnedEmulator.js";

/**
 * A real `<UploadQueue>` or `<UploadForm>` uploading real bytes to a private emulator instance
 * that plays the chosen fault, with the instance's record beside it. Every control is a
 * Storybook arg; changing CORS (the "cors-off…" faults) starts a fresh instance.
 *
 * @selector [data-playground]
 */
export function FaultPlayground(args: PlaygroundArgs) {
  const cors = isCorsOff(args.fault) ? "none" : "full";
  const instance = useSpawnedEmulator(cors);
  return (
    <div data-playground="">
      <p data-part="fault-description">{faultDescriptions[args.fault]}</p>
      {instance.status === "ready" ? (
        <PlaygroundSession
          key={instance.client.url}
          client={instance.client}
          cors={cors}
          args={args}
        />
      ) : instance.status === "error" ? (
        <p role="alert">
          {`Could not start an emulator instance at ${emulatorUrl()}: ${instance.message} `}
          Is the emulator running? Start the playground with <code>pnpm playground</code>, or open a
          static build with <code>?emulator=http://127.0.0.1:8023</code>.
        </p>
      ) : (
        <p>Starting a private emulator instance…</p>
      )}
    </div>
  );
}
