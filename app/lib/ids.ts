/**
 * Every id in the database is a uuid. An id from a URL or a form is checked here
 * before it reaches a uuid column: PostgreSQL throws on anything else, which would
 * be a 500 where the visitor deserves a 404 or a field error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 8-4-4-4-12 hexadecimal digits, any version: what a uuid column accepts in canonical form. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
