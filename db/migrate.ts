import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { encryptClearBacklog } from "../app/modules/protection/at-rest.server";
import { grantAppRole } from "./roles";

/** Beside this file when run from source; the server build passes its checkout's folder. */
const sourceMigrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Apply the committed migrations, as the owner role (`url`), encrypt what a migration set
 * aside in clear for the application (it alone holds the key: at-rest.server.ts), then grant the application's
 * role (`appRole`, when it is another role) its rights on every table (db/roles.ts).
 * Several app servers may start at once against one database: an advisory lock makes
 * them take turns.
 */
export async function runMigrations(
  url: string,
  migrationsFolder = sourceMigrations,
  options: { appRole?: string } = {},
) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(727274)`;
    await migrate(drizzle(sql), { migrationsFolder });
    await encryptClearBacklog(sql);
    if (options.appRole) await grantAppRole(sql, options.appRole);
    await sql`select pg_advisory_unlock(727274)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
