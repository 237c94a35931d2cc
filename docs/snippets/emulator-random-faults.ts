import { createEmulatorClient } from "@twentythree-upload/emulator/client";

// 1 % of the next 500 uploads each: a connection reset mid-body, a 503, an answer lost after
// storing. A fixed seed makes a failing run reproducible.
export async function flakyNetwork(emulatorUrl: string, seed = 20_231_107) {
  const emulator = createEmulatorClient(emulatorUrl);
  return emulator.addFaults([
    { resetAfterBytes: 2_000, probability: 0.01, seed, count: 500 },
    { status: 503, probability: 0.01, seed: seed + 1, count: 500 },
    { dropAnswer: true, probability: 0.01, seed: seed + 2, count: 500 },
  ]);
}
