// Proof that the bytes arrived, from the emulator's record of stored uploads.
import { createEmulatorClient } from "@twentythree-upload/emulator/client";

/** Throws unless the emulator stored `photoId` with exactly `size` bytes. */
export async function assertStored(
  emulatorUrl: string,
  photoId: string,
  size: number,
): Promise<void> {
  const uploads = await createEmulatorClient(emulatorUrl).uploads();
  const match = uploads.find((upload) => upload.photoId === photoId);
  if (!match) {
    throw new Error(`The emulator has no stored upload for photo ${photoId}`);
  }
  if (match.size !== size) {
    throw new Error(
      `The emulator stored ${match.size} bytes for photo ${photoId}, expected ${size}`,
    );
  }
}

/** Stored uploads of exactly `size` bytes. */
export async function countStored(emulatorUrl: string, size: number): Promise<number> {
  return (await createEmulatorClient(emulatorUrl).uploads()).filter(
    (upload) => upload.size === size,
  ).length;
}

/** Clears the emulator's state (and its stored files) between measurements. */
export async function resetEmulator(emulatorUrl: string): Promise<void> {
  await createEmulatorClient(emulatorUrl).reset();
}
