import path from "node:path";
import { parseEnv } from "../app/server/env.server";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

export type DatabaseSettings = {
  /** an external PostgreSQL; without it, the embedded server */
  databaseUrl?: string;
  /** the embedded server's data folder */
  dataDir: string;
};

/** The database settings of the environment (validated by parseEnv). */
export function databaseSettings(env = parseEnv()): DatabaseSettings {
  return { databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.MASAR_DATA_DIR) };
}

/**
 * The database the process should use: `databaseUrl` when given, else the embedded
 * server in `dataDir` (started here, stopped by `release`).
 */
export async function acquireDatabase(settings: DatabaseSettings): Promise<{
  url: string;
  embedded: EmbeddedServer | null;
  release(): Promise<void>;
}> {
  if (settings.databaseUrl) return { url: settings.databaseUrl, embedded: null, release: async () => {} };
  const embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir });
  return { url: embedded.url, embedded, release: () => embedded.stop() };
}

/** For one-shot scripts (migrate, seed): acquire from the environment's settings, run, release. */
export async function withDatabase<T>(fn: (db: { url: string }) => Promise<T>): Promise<T> {
  const acquired = await acquireDatabase(databaseSettings());
  try {
    return await fn({ url: acquired.url });
  } finally {
    await acquired.release();
  }
}
