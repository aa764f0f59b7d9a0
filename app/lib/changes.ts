/**
 * What a correction changed: the names of the fields whose value differs between the
 * record as stored and as corrected, for the audit row (names only, never values) and
 * for the update itself (only what changed is written). Values compare by their JSON
 * (dates as ISO text, arrays element by element); a field absent from `after` is left
 * as it is.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { fields: (keyof T & string)[]; changes: Partial<T> } {
  const fields: (keyof T & string)[] = [];
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const next = after[key];
    if (next === undefined) continue;
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(next ?? null)) continue;
    fields.push(key);
    changes[key] = next;
  }
  return { fields, changes };
}

/**
 * A short fingerprint of a record's values as a form showed them (FNV-1a over their JSON):
 * the form posts it back, and a correction whose record changed since is refused instead
 * of silently putting back the other person's fields (a lost update).
 */
/** The named keys of a record, as a record of their own (what a correction compares and writes). */
export function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = record[key];
  return picked;
}

export function versionOf(record: Record<string, unknown>, keys: readonly string[]): string {
  const text = JSON.stringify(keys.map((key) => record[key] ?? null));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
