/**
 * An audit entry as text, its ids and its time blanked: both are random as far as the test
 * goes, and may hold the digits of a value the test checks was not written (CI runs met
 * "…0f2f62001041" for "2001" and "…-175b3122f453" for "175"; a time's milliseconds can be
 * ".175").
 */
export function blankedAuditText(entry: unknown): string {
  return JSON.stringify(entry)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<at>");
}
