/**
 * A new, empty database on an external server (TEST_DATABASE_URL), for a whole run
 * of the e2e server or a benchmark; `drop` removes it, connections and all.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";

/**
 * A test's database is thrown away at the end of the run, so its commits need not wait
 * for the write-ahead log to reach the disk: the setting the embedded test servers get
 * server-wide (`throwaway` in db/embedded.ts), set here per database, because an external
 * server (CI's PostgreSQL 15) is not ours to reconfigure. On that server a commit took
 * 9 ms with it and 0.7 ms without (2,000 one-row inserts). Visibility, locks and
 * constraints are unchanged; only a crash of the server could lose the last commits.
 * Benchmarks keep the default: they measure what production does.
 */
export async function makeThrowaway(sql: postgres.Sql, database: string): Promise<void> {
  await sql.unsafe(`alter database ${database} set synchronous_commit = off`);
}

export async function scratchDatabase(
  adminUrl: string,
  prefix: string,
  options: { throwaway?: boolean; template?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    if (options.template) await createFromTemplate(admin, name, options.template);
    else await admin.unsafe(`create database ${name}`);
    if (options.throwaway) await makeThrowaway(admin, name);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}

/** A new database on the same server, a copy of the one at `templateUrl` (as scratchDatabase, `drop` removes it). */
export function scratchCopy(
  adminUrl: string,
  templateUrl: string,
  prefix: string,
  options: { throwaway?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  return scratchDatabase(adminUrl, prefix, { ...options, template: new URL(templateUrl).pathname.slice(1) });
}

/**
 * `create database <name> template <template>`. PostgreSQL refuses the copy while anyone is
 * connected to the template: two copies made at the same instant, or a connection to it
 * that has just been closed and whose server process has not quite gone, collide; tried again.
 */
export async function createFromTemplate(admin: postgres.Sql, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
