import { createHash } from "node:crypto";

/**
 * A short fingerprint of a record's values as a form was filled from them: the form sends
 * it back, and a correction made from a page that is no longer current (someone else
 * corrected the record meanwhile) is refused instead of undoing the other correction.
 * Give it ciphertext rather than clear values for anything sensitive: the page shows it.
 */
export function versionOf(values: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("base64url").slice(0, 22);
}
