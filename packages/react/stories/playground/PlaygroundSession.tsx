import type { SpawnedEmulatorClient } from "@twentythree-upload/emulator/client";
import { useRef, useState } from "react";
import { formatFileSize, UploadForm, UploadQueue } from "../../src/index.js";
import { EmulatorRecordPanel } from "./EmulatorRecordPanel.js";
import type { PlaygroundArgs } from "./faultScenarios.js";
import { generateFile, putFiles, type GeneratedFile } from "./generatedFile.js";
import { useArmedFault } from "./useArmedFault.js";
import { usePlaygroundOptions } from "./usePlaygroundOptions.js";

/**
 * One story's run against its emulator instance: the fault armed, the component under test wired
 * to the instance, a button that picks generated files, and the instance's record.
 *
 * @selector [data-part="session"][data-state="arming"|"ready"] — `ready` once the fault is queued.
 * @selector [data-emulator] — the instance's URL.
 */
export function PlaygroundSession(props: {
  client: SpawnedEmulatorClient;
  cors: "full" | "none";
  args: PlaygroundArgs;
}) {
  const { client, cors, args } = props;
  const fault = useArmedFault(client, args);
  const options = usePlaygroundOptions(client, args, fault.takeTokenToExpire);
  const uploadRef = useRef<HTMLDivElement>(null);
  const [generated, setGenerated] = useState<readonly GeneratedFile[]>([]);
  const fileCount = args.ui === "form" ? 1 : Math.max(1, args.fileCount);
  const fileSize = Math.max(1, Math.round(args.fileSizeKiB * 1024));

  const addGenerated = async () => {
    const first = generated.length + 1;
    const files = await Promise.all(
      Array.from({ length: fileCount }, (_, index) =>
        generateFile(`generated-${first + index}.mp4`, fileSize),
      ),
    );
    const input = uploadRef.current?.querySelector<HTMLInputElement>('input[type="file"]');
    if (input) {
      putFiles(
        input,
        files.map((entry) => entry.file),
      );
    }
    setGenerated((old) => [...old, ...files]);
  };

  return (
    <div
      data-part="session"
      data-state={fault.isArmed ? "ready" : "arming"}
      data-emulator={client.url}
    >
      <p>
        {"This story's own emulator: "}
        <a href={`${client.url}/__emulator/info`} target="_blank" rel="noreferrer">
          {client.url}
        </a>
        {cors === "none" ? " (no CORS headers)" : " (CORS on)"}
      </p>
      {fault.error === null ? null : <p role="alert">Could not queue the fault: {fault.error}</p>}
      <div data-part="actions">
        <button type="button" disabled={!fault.hasArmed} onClick={() => void addGenerated()}>
          {`Add ${fileCount === 1 ? "a generated file" : `${fileCount} generated files`} (${formatFileSize(fileSize, "en")})`}
        </button>
        <button type="button" onClick={fault.rearm}>
          Queue the fault again
        </button>
      </div>
      {generated.length === 0 ? null : (
        <ul data-part="generated" aria-label="Generated files">
          {generated.map(({ file, sha256 }) => (
            <li key={file.name}>
              {`${file.name}, ${formatFileSize(file.size, "en")}, SHA-256 `}
              <code title={sha256}>{sha256.slice(0, 16)}…</code>
            </li>
          ))}
        </ul>
      )}
      <div ref={uploadRef} data-part="upload-ui">
        {!fault.hasArmed ? (
          <p>Queuing the fault…</p>
        ) : args.ui === "form" ? (
          <UploadForm key={`${args.transport} ${args.apiVersion}`} {...options} />
        ) : (
          <UploadQueue key={`${args.transport} ${args.apiVersion}`} {...options} />
        )}
      </div>
      <EmulatorRecordPanel client={client} />
    </div>
  );
}
