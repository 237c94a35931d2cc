// Test files made in the page, so that no disk I/O or Node-to-browser transfer is measured.

const MiB = 1024 * 1024;

let chunk: Blob | null = null;

/**
 * One MiB of random bytes, made once. Bigger files reference it repeatedly: Chromium's blob
 * storage shares the parts instead of copying them, so a 256 MB file costs no extra memory.
 */
function randomChunk(): Blob {
  if (!chunk) {
    const bytes = new Uint8Array(MiB);
    // getRandomValues fills at most 64 KiB per call.
    for (let offset = 0; offset < bytes.length; offset += 65_536) {
      crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
    }
    chunk = new Blob([bytes]);
  }
  return chunk;
}

/** A file of exactly `size` bytes of incompressible data. */
export function makeFile(size: number, name: string, type = "video/mp4"): File {
  const base = randomChunk();
  const parts: Blob[] = [];
  for (let remaining = size; remaining > 0; remaining -= MiB) {
    parts.push(remaining >= MiB ? base : base.slice(0, remaining));
  }
  return new File(parts, name, { type });
}

/** `count` small files named `file-00000.mp4`…, each `size` bytes (they share their bytes). */
export function makeSmallFiles(count: number, size: number): File[] {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes.subarray(0, Math.min(size, 65_536)));
  const shared = new Blob([bytes]);
  const files: File[] = [];
  for (let index = 0; index < count; index += 1) {
    files.push(
      new File([shared], `file-${String(index).padStart(5, "0")}.mp4`, { type: "video/mp4" }),
    );
  }
  return files;
}
