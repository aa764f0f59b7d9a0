import path from "node:path";
import { parseEnv } from "../app/server/env.server";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { urlRole } from "./roles";

export type DatabaseSettings = {
  /** an external PostgreSQL, as the application's role; without it, the embedded server */
  databaseUrl?: string;
  /** the same database as the owner role, for migrations (defaults to databaseUrl) */
  migrationUrl?: string;
  /** the embedded server's data folder */
  dataDir: string;
};

/** The database settings of the environment (validated by parseEnv). */
export function databaseSettings(env = parseEnv()): DatabaseSettings {
  return {
    databaseUrl: env.DATABASE_URL,
    migrationUrl: env.DATABASE_MIGRATION_URL,
    dataDir: path.resolve(env.MASAR_DATA_DIR),
  };
}

export type AcquiredDatabase = {
  /** the application's connection: a role that may only read and write rows (db/roles.ts) */
  url: string;
  /** the owner's connection, for migrations and the demo data */
  migrationUrl: string;
  /** the role migrations grant the application's rights to, when it is not the owner */
  appRole: string | undefined;
  embedded: EmbeddedServer | null;
  release(): Promise<void>;
};

/**
 * The database the process should use: `databaseUrl` (and `migrationUrl`) when given,
 * else the embedded server in `dataDir` (started here, stopped by `release`).
 */
export async function acquireDatabase(settings: DatabaseSettings): Promise<AcquiredDatabase> {
  if (settings.databaseUrl) {
    const migrationUrl = settings.migrationUrl ?? settings.databaseUrl;
    const appRole = urlRole(settings.databaseUrl);
    return {
      url: settings.databaseUrl,
      migrationUrl,
      appRole: appRole && appRole !== urlRole(migrationUrl) ? appRole : undefined,
      embedded: null,
      release: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir });
  return {
    url: embedded.appUrl,
    migrationUrl: embedded.url,
    appRole: urlRole(embedded.appUrl),
    embedded,
    release: () => embedded.stop(),
  };
}

/** For one-shot scripts (migrate, seed): acquire from the environment's settings, run, release. */
export async function withDatabase<T>(fn: (db: AcquiredDatabase) => Promise<T>): Promise<T> {
  const acquired = await acquireDatabase(databaseSettings());
  try {
    return await fn(acquired);
  } finally {
    await acquired.release();
  }
}
