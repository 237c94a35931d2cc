// Human-readable sizes for messages and UIs. Binary multiples (1 KB = 1024 bytes), which is how
// limits are usually written in code (`2 * 1024 ** 3` reads back as "2 GB").

const units = ["KB", "MB", "GB", "TB", "PB"] as const;

/**
 * Formats a byte count for people: `"1 byte"`, `"512 bytes"`, `"3.2 MB"`, `"2 GB"`.
 * One decimal above 1 KB, dropped when it is zero.
 *
 * @param bytes a non-negative number of bytes.
 * @returns the size with its unit.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) {
    return "an unknown size";
  }
  if (bytes < 1024) {
    const whole = Math.round(bytes);
    return whole === 1 ? "1 byte" : `${whole} bytes`;
  }
  let value = bytes / 1024;
  let unit = 0;
  // Compare the rounded value so that 1023.96 KB becomes "1 MB", not "1024 KB".
  while (Math.round(value * 10) / 10 >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${text} ${units[unit] ?? "PB"}`;
}
