// Reading fields of decoded API answers, whose shapes vary between API generations and formats:
// every check that a value is an object, an id or the site's domain is made the same way.

/** Whether `value` is a plain object (not `null`, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** An id-like field (`photo_id`, `tree_id`, `token`…) as trimmed text; `null` when absent or empty. */
export function fieldText(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number"
    ? String(value).trim() || null
    : null;
}

/** The `site.domain` an answer carries (legacy JSON and v2 both nest it), or `null`. */
export function siteDomain(answer: unknown): string | null {
  return isRecord(answer) && isRecord(answer.site) && typeof answer.site.domain === "string"
    ? answer.site.domain
    : null;
}
