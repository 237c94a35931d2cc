import { createUploader } from "@twentythree-upload/core";
import { createEmulatorClient } from "@twentythree-upload/emulator/client";

// What a fault story does, in any browser page or browser test: a private emulator instance, a
// fault for its next upload request, a real upload, then the instance's record.
const emulator = await createEmulatorClient("http://127.0.0.1:8023").spawn({ cors: "full" });
await emulator.addFault({ endpoint: "redeem-upload-token", status: 503 });

const uploader = createUploader({
  site: emulator.url,
  // The emulator's stand-in for your app's token endpoint.
  token: emulator.tokenUrl({ return_url: emulator.returnUrl() }),
  retry: { baseDelayMs: 500 },
});
uploader.add([new File([new Uint8Array(256 * 1024)], "clip.mp4", { type: "video/mp4" })]);
await new Promise<void>((resolve) => {
  const unsubscribe = uploader.subscribe(() => {
    if (!uploader.getSnapshot().isBusy) {
      unsubscribe();
      resolve();
    }
  });
});

// One stored file (its SHA-256 is that of the bytes sent), and two upload requests: 503, then 301.
console.log(await emulator.uploads());
console.log((await emulator.requests()).map((request) => [request.endpoint, request.status]));
uploader.destroy();
await emulator.close();
