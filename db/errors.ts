/**
 * Database errors, read the same way everywhere. postgres.js throws a PostgresError
 * (`code`, `constraint_name`); drizzle wraps it in a DrizzleQueryError whose `cause`
 * is that error; a transaction may wrap once more. So the SQLSTATE is looked for
 * along the whole `cause` chain.
 */

type PgErrorFields = { code?: unknown; constraint_name?: unknown; cause?: unknown };

/** The first error along the `cause` chain that carries a SQLSTATE, if any. */
function postgresError(error: unknown): { code: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === "object"; depth++) {
    const e = current as PgErrorFields;
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint_name === "string" ? e.constraint_name : undefined };
    }
    current = e.cause;
  }
  return null;
}

/** SQLSTATE of a database error (wrapped or not), or null for any other error. */
export function sqlState(error: unknown): string | null {
  return postgresError(error)?.code ?? null;
}

/**
 * A unique constraint refused the write (SQLSTATE 23505). With `constraint`, only
 * when it was that constraint (or one of those), so a different duplicate is not
 * reported as the expected one.
 */
export function isUniqueViolation(error: unknown, constraint?: string | readonly string[]): boolean {
  const found = postgresError(error);
  if (found?.code !== "23505") return false;
  if (constraint === undefined) return true;
  const names = typeof constraint === "string" ? [constraint] : constraint;
  return found.constraint !== undefined && names.includes(found.constraint);
}

/**
 * A check refused the write (SQLSTATE 23514): a table's check constraint, or a trigger
 * raising under a constraint's name (`constraint`), such as an aid item's fixed unit.
 */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const found = postgresError(error);
  return found?.code === "23514" && found.constraint === constraint;
}

/**
 * SQLSTATEs after which the whole transaction may simply run again: PostgreSQL chose it
 * as a deadlock's victim (40P01), or could not serialize it (40001). Its writes were
 * rolled back; nothing about the request was wrong.
 */
const RUN_AGAIN_CODES = new Set(["40P01", "40001"]);

/** The transaction failed only because of another one running at the same time. */
export function isRunAgainConflict(error: unknown): boolean {
  const code = sqlState(error);
  return code !== null && RUN_AGAIN_CODES.has(code);
}

const DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin shutdown
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up)
]);

/**
 * The code that says the database is away (a refused or lost connection, a server
 * shutting down or starting), along the `cause` chain; null for any other error.
 */
export function databaseDownCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === "object"; depth++) {
    const code = (current as PgErrorFields).code;
    if (typeof code === "string" && DOWN_CODES.has(code)) return code;
    current = (current as PgErrorFields).cause;
  }
  return null;
}

/**
 * PostgreSQL cancelled the statement (SQLSTATE 57014): it ran, or waited on a lock, longer
 * than the connection's `statement_timeout` (createDb's `statementTimeoutMs`).
 */
export function isStatementTimeout(error: unknown): boolean {
  return sqlState(error) === "57014";
}

/** A lost database shows up as a driver error, possibly wrapped by drizzle. */
export function isDatabaseDown(error: unknown): boolean {
  return databaseDownCode(error) !== null;
}
