import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Services accept either, so a caller can compose them inside its own transaction. */
export type Executor = Database | Transaction;

export type DbHandle = { db: Database; sql: postgres.Sql; close(): Promise<void> };

/** postgres.js is the one driver, for the embedded server and any other. */
export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 5,
    idle_timeout: 30,
    // reconnect soon after the database comes back: the default backoff grows with
    // every failed attempt (up to 20 s), so an outage of a few seconds under load
    // kept the portal answering 503 long after the database had returned
    backoff: () => 0.2,
    onnotice: () => {},
  });
  const db = drizzle(sql, { schema, casing: "snake_case" });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
