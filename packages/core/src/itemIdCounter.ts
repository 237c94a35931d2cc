// Item ids made by `createItemId` are `<page prefix>-<counter in base 36>`; the counter rises in
// the order items are made. Compact id structures (ItemIndex, ItemIdSet) store counters.

// Ids longer than this after the prefix could exceed Number.MAX_SAFE_INTEGER.
const MAX_DIGITS = 10;

/** The counter an id ends with (after `prefix`), or `null` when it is not `prefix` + base 36. */
export function counterOf(id: string, prefix: string): number | null {
  const length = id.length - prefix.length;
  if (length < 1 || length > MAX_DIGITS || !id.startsWith(prefix)) {
    return null;
  }
  let counter = 0;
  for (let i = prefix.length; i < id.length; i += 1) {
    const code = id.charCodeAt(i);
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : -1;
    // As `Number#toString(36)` writes it: no leading zero, lower case.
    if (digit < 0 || (digit === 0 && i === prefix.length && length > 1)) {
      return null;
    }
    counter = counter * 36 + digit;
  }
  return counter;
}

/** The part of `id` before its counter (up to and including the last `-`; `""` if none). */
export function prefixOf(id: string): string {
  return id.slice(0, id.lastIndexOf("-") + 1);
}
