import { Column, is, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { PgTransaction } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { isRunAgainConflict } from "./errors";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Services accept either, so a caller can compose them inside its own transaction. */
export type Executor = Database | Transaction;

export type DbHandle = { db: Database; sql: postgres.Sql; close(): Promise<void> };

/** How many times a transaction is run in all when another one keeps beating it (a deadlock). */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `attempt` again (up to `TRANSACTION_ATTEMPTS` in all, after a short random pause)
 * while it fails only because a concurrent transaction got in its way (a deadlock, a
 * serialization failure: `isRunAgainConflict`). Any other error, or the last attempt's,
 * goes to the caller unchanged.
 */
export async function runAgainOnConflict<T>(
  attempt: () => Promise<T>,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= TRANSACTION_ATTEMPTS || !isRunAgainConflict(error)) throw error;
      onRetry?.(error, n);
      // apart again, so the two do not meet in the same order a second time
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * n));
    }
  }
}

/**
 * postgres.js is the one driver, for the embedded server and any other. Every
 * transaction begun on the handle (not a savepoint inside one) is run again when
 * PostgreSQL cancels it for a deadlock or a serialization failure (decision
 * 0164-transactions-run-again-after-deadlock): its callback must change nothing outside the
 * database before it returns, since it may run up to three times.
 */
export function createDb(
  url: string,
  options: {
    max?: number;
    onRetry?: (error: unknown, attempt: number) => void;
    /** each statement's limit (lock waits included), in ms; none when absent or 0 */
    statementTimeoutMs?: number;
  } = {},
): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
    connect_timeout: 5,
    idle_timeout: 30,
    // reconnect soon after the database comes back: the default backoff grows with
    // every failed attempt (up to 20 s), so an outage of a few seconds under load
    // kept the portal answering 503 long after the database had returned
    backoff: () => 0.2,
    onnotice: () => {},
  });
  const db = drizzle(sql, { schema, casing: "snake_case" });
  const begin = db.transaction.bind(db);
  db.transaction = ((transaction, config) =>
    runAgainOnConflict(() => begin(transaction, config), options.onRetry)) as Database["transaction"];
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * `column = any($name::uuid[])`: a list of ids as one placeholder (give it an array), so
 * that one prepared statement serves lists of any length (`inArray` writes one parameter
 * per id, a statement per length).
 */
export function idIn(column: AnyColumn, name: string): SQL {
  return sql`${column} = any(${sql.placeholder(name)}::uuid[])`;
}

/** A query built with `sql.placeholder`s: drizzle's builders, whose `prepare` keeps the SQL text. */
type Preparable<R> = {
  prepare(name: string): { execute(values: Record<string, unknown>): Promise<R> };
  execute(values: Record<string, unknown>): Promise<R>;
};

const preparedByDb = new WeakMap<object, Map<string, { execute(values: Record<string, unknown>): Promise<unknown> }>>();

/**
 * Runs a query that every request sends (the session check, a home page's reads) from
 * text built once per database handle: drizzle turns a builder into SQL on every call,
 * about 0.1–0.3 ms of CPU for a select of a dozen columns, which was a tenth of a
 * signed-in page's server time (issue 19). `build` must read its values from
 * placeholders only (`sql.placeholder("id")`), never from a closure, since its text is
 * reused for every call under `name`. Inside a transaction the query is built as usual
 * (a prepared query is bound to the handle it came from, not to the transaction).
 */
export function runPrepared<R>(
  db: Executor,
  name: string,
  build: (db: Executor) => Preparable<R>,
  values: Record<string, unknown>,
): Promise<R> {
  if (db instanceof PgTransaction) return build(db).execute(values);
  let queries = preparedByDb.get(db);
  if (!queries) preparedByDb.set(db, (queries = new Map()));
  let query = queries.get(name);
  if (!query) queries.set(name, (query = build(db).prepare(name)));
  return query.execute(values) as Promise<R>;
}

/**
 * A list read as one json value inside another statement, so that one statement (one
 * round trip, one row to parse) can carry a page's many short lists (issue 19):
 * `(select json_agg(...) from (select <fields> <rest>) r)`, where `rest` is the list's
 * `from ... where ... order by ... limit ...`. Each field comes back as its column
 * decodes it (a timestamp as a Date, an enum array as an array), as the same `fields`
 * read by their own select would: give `.sql` to a select and `.decode` its value.
 * json_agg keeps the order of the rows `rest` sorts.
 */
export function jsonList<F extends Record<string, AnyColumn | SQL>>(fields: F, rest: SQL) {
  const entries = Object.entries(fields);
  const object = sql.join(
    entries.map(([key, field]) => {
      if (!/^\w+$/.test(key)) throw new Error(`jsonList: ${key} is not a plain name`);
      return sql`${sql.raw(`'${key}'`)}, ${field}`;
    }),
    sql`, `,
  );
  // each field's decoder found once, not once per value
  const decoders = entries.map(([key, field]) => {
    const column = is(field, Column) ? field : null;
    return [key, column ? (value: unknown) => column.mapFromDriverValue(value) : null] as const;
  });
  const decodeRow = (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [key, decode] of decoders) {
      const value = row[key] ?? null;
      out[key] = value !== null && decode ? decode(value) : value;
    }
    return out as SelectResultFields<F>;
  };
  return {
    sql: sql`(select coalesce(json_agg(r.j), '[]'::json) from (select json_build_object(${object}) as j ${rest}) r)`,
    decode: (value: unknown): SelectResultFields<F>[] =>
      (typeof value === "string"
        ? (JSON.parse(value) as Record<string, unknown>[])
        : (value as Record<string, unknown>[])
      ).map(decodeRow),
  };
}
