// Proof that the bytes arrived: the emulator's record of stored uploads.

/** One stored upload, as far as the bench needs it. */
interface StoredUpload {
  readonly photoId: string | null;
  readonly size: number | null;
}

function pick(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    if (record[key] != null) {
      return record[key];
    }
  }
  return null;
}

/** Reads `GET /__emulator/uploads`, tolerating `{ uploads: [...] }` or a bare array. */
export async function storedUploads(emulatorUrl: string): Promise<StoredUpload[]> {
  const response = await fetch(`${emulatorUrl}/__emulator/uploads`);
  if (!response.ok) {
    throw new Error(`GET /__emulator/uploads answered HTTP ${response.status}`);
  }
  const body = (await response.json()) as unknown;
  const list = Array.isArray(body)
    ? body
    : ((body as { uploads?: unknown[] } | null)?.uploads ?? []);
  return list.map((entry) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    const photoId = pick(record, ["photoId", "photo_id", "id"]);
    const size = pick(record, ["size", "bytes", "byteLength"]);
    return {
      photoId: photoId == null ? null : String(photoId),
      size: typeof size === "number" ? size : null,
    };
  });
}

/** Throws unless the emulator stored `photoId` with exactly `size` bytes. */
export async function assertStored(
  emulatorUrl: string,
  photoId: string,
  size: number,
): Promise<void> {
  const uploads = await storedUploads(emulatorUrl);
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
  return (await storedUploads(emulatorUrl)).filter((upload) => upload.size === size).length;
}

/** Clears the emulator's state (and its stored files) between measurements. */
export async function resetEmulator(emulatorUrl: string): Promise<void> {
  await fetch(`${emulatorUrl}/__emulator/reset`, { method: "POST" });
}
