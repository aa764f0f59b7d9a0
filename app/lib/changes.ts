import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/lib/forms";

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

/**
 * A correction refused as stale, field by field: each field where the record now holds
 * something other than what was typed, with what the record holds (what "Now on file"
 * shows beside it). Both are in the form's shape (text; ticked boxes one a line under
 * `name[]`, their order not counting), drawn by one function from the record as it is and
 * from the input as the record would store it, so a field typed to what the record holds
 * in another shape (a phone, an amount) does not count.
 */
function fieldsNowOtherwise(now: Record<string, string>, typed: Record<string, string>): Record<string, string> {
  const onFile: Record<string, string> = {};
  const fields = new Set([...Object.keys(now), ...Object.keys(typed)].map((k) => k.replace(/\[\]$/, "")));
  for (const field of fields) {
    const held = formField(now, field);
    if (held !== formField(typed, field)) onFile[field] = held;
  }
  return onFile;
}

/** A correction refused as stale: the flags its form shows, and what the record holds now for each flagged field. */
export type StaleRefusal = { errors: FieldErrors; onFile: Record<string, string> };

/**
 * A correction refused as stale (someone else corrected the record since the form was
 * opened), for any correction form: the form-level message (`messages.form`); each field
 * where the record now says something other than what was typed (`fieldsNowOtherwise`),
 * flagged with `messages.field`, so the person looks before saving again; and, for each
 * flagged field, what the record holds now, for the form to show beside it ("Now on file",
 * `OnFileValues` in components/form.tsx). Each form brings only its own message keys.
 */
export function staleRefusal(
  now: Record<string, string>,
  typed: Record<string, string>,
  messages: { form: MessageKey; field: MessageKey },
): StaleRefusal {
  const onFile = fieldsNowOtherwise(now, typed);
  const errors: FieldErrors = { form: messages.form };
  for (const field of Object.keys(onFile)) errors[field] = messages.field;
  return { errors, onFile };
}

/** A field of a form's values as compared: text trimmed, ticked boxes in a fixed order. */
function formField(values: Record<string, string>, field: string): string {
  const list = values[`${field}[]`];
  if (list !== undefined)
    return list
      .split("\n")
      .map((v) => v.trim())
      .filter(Boolean)
      .sort()
      .join("\n");
  return (values[field] ?? "").trim();
}
