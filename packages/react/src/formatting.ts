// Locale-aware formatting of sizes, speeds and durations with Intl.NumberFormat. Formatters are
// cached per locale and unit because constructing them is slow and queues format many rows.

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, unit: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${unit}|${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "unit",
      unit,
      unitDisplay: "short",
      maximumFractionDigits: digits,
    });
    cache.set(key, format);
  }
  return format;
}

const sizeUnits = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

function scale(bytes: number): { value: number; unit: (typeof sizeUnits)[number] } {
  let value = Math.max(0, bytes);
  let index = 0;
  // Decimal units (1 kB = 1000 bytes), matching the unit names Intl prints.
  while (value >= 1000 && index < sizeUnits.length - 1) {
    value /= 1000;
    index += 1;
  }
  return { value, unit: sizeUnits[index] ?? "byte" };
}

/** A file size such as "4.2 MB" (en) or "4,2 MB" (da). */
export function formatFileSize(bytes: number, locale: string): string {
  const { value, unit } = scale(bytes);
  return formatter(locale, unit, unit === "byte" ? 0 : 1).format(value);
}

/** A transfer rate such as "2.1 MB/s". */
export function formatSpeed(bytesPerSecond: number, locale: string): string {
  const { value, unit } = scale(bytesPerSecond);
  return formatter(locale, `${unit}-per-second`, unit === "byte" ? 0 : 1).format(value);
}

/** A duration such as "12 sec." or "3 min."; rounded up so that it never says 0 while running. */
export function formatDuration(seconds: number, locale: string): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) {
    return formatter(locale, "second", 0).format(whole);
  }
  if (whole < 3600) {
    return formatter(locale, "minute", 0).format(Math.ceil(whole / 60));
  }
  return formatter(locale, "hour", 1).format(whole / 3600);
}
