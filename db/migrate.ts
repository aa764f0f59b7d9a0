import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** Beside this file when run from source; the server build passes its checkout's folder. */
const sourceMigrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Apply the committed migrations. Several app servers may start at once against
 * one database: an advisory lock makes them take turns.
 */
export async function runMigrations(url: string, migrationsFolder = sourceMigrations) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(727274)`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(727274)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
