import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

/**
 * The database the process should use: DATABASE_URL when given, else the embedded
 * server under .data/pg (started here, stopped by `release`).
 */
export async function acquireDatabase(): Promise<{
  url: string;
  embedded: EmbeddedServer | null;
  release(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, embedded: null, release: async () => {} };
  const dataDir = process.env.MASAR_DATA_DIR ?? path.join(process.cwd(), ".data", "pg");
  const embedded = await startEmbeddedPostgres({ dataDir });
  return { url: embedded.url, embedded, release: () => embedded.stop() };
}

/** For one-shot scripts (migrate, seed): acquire, run, release. */
export async function withDatabase<T>(fn: (db: { url: string }) => Promise<T>): Promise<T> {
  const acquired = await acquireDatabase();
  try {
    return await fn({ url: acquired.url });
  } finally {
    await acquired.release();
  }
}
