/**
 * A database of this test file's own, copied from the migrated template, so test
 * files never share state. Call `useTestDb()` at the top of a file.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { drizzle } from "drizzle-orm/postgres-js";
import { createDb, type Database, type DbHandle } from "../../../db/client";
import * as schema from "../../../db/schema";
import { createFromTemplate, makeThrowaway } from "../../helpers/scratch-database";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new copy of the template, made and set throwaway; its name. */
async function copyTemplate(adminUrl: string, template: string): Promise<string> {
  const templatePid = template.split("_").pop();
  const name = `t_${templatePid}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await createFromTemplate(admin, name, template);
    await makeThrowaway(admin, name);
  } finally {
    await admin.end();
  }
  return name;
}

/**
 * The copy for this worker's next file, made while the current file runs. Copying took 0.1
 * to 0.7 s a file (more under load: `create database` waits on the server's checkpoints and
 * disk), always on the file's own critical path; made ahead, it overlaps the previous file's
 * tests. What a file gets is unchanged: nothing writes to the template after the global
 * set-up migrated it, so a copy made a few seconds earlier holds the same, and no one
 * connects to it before the file that takes it. A worker's last copy, never taken, is dropped
 * by the global teardown with the run's other leftovers.
 */
let ahead: { adminUrl: string; template: string; name: Promise<string> } | null = null;

function copyAhead(adminUrl: string, template: string): void {
  const name = copyTemplate(adminUrl, template);
  // a copy that failed is made again, in the open, by the file that would have taken it
  name.catch(() => {});
  ahead = { adminUrl, template, name };
}

async function takeCopy(adminUrl: string, template: string): Promise<string> {
  const next = ahead;
  ahead = null;
  let name: string | null = null;
  if (next && next.adminUrl === adminUrl && next.template === template) name = await next.name.catch(() => null);
  name ??= await copyTemplate(adminUrl, template);
  copyAhead(adminUrl, template);
  return name;
}

export async function createTestDatabase(): Promise<{ url: string; handle: DbHandle; drop(): Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const name = await takeCopy(adminUrl, inject("pgTemplate"));
  const url = withDatabase(adminUrl, name);
  const handle = createDb(url, { max: 20 });
  return {
    url,
    handle,
    async drop() {
      await handle.close();
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}

export type TestDb = { url: string } & DbHandle;

function dropInBackground(drop: () => Promise<void>): void {
  drop().catch(() => {
    // the global teardown drops every copy of the run that is left
  });
}

export function useTestDb(): TestDb {
  const box = {} as TestDb;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const created = await createTestDatabase();
    Object.assign(box, { url: created.url }, created.handle);
    drop = created.drop;
  });
  afterAll(async () => {
    // The next file does not wait for this one's database to go: `drop database` forces a
    // checkpoint, 0.2 to 0.6 s on a server that flushes to disk (CI's PostgreSQL 15), once per
    // file. The worker process runs the next files meanwhile (decision
    // 0159-integration-files-share-a-process); a copy still there when the run ends (its
    // worker stopped first, or the drop failed) is dropped by the global teardown.
    if (drop) dropInBackground(drop);
  });
  return box;
}

/**
 * How many lock requests wait on `table` in this test's own database. A test that holds a
 * table locked counts these to know its request is held; the server may be shared with
 * other files' tests (CI's second pass on PostgreSQL 15), whose own waits a count over
 * the whole server would include.
 */
export async function locksWaitingOn(t: Pick<TestDb, "sql">, table: string): Promise<number> {
  const [row] = await t.sql<{ n: number }[]>`select count(*)::int as n from pg_locks
    where not granted and relation = ${table}::regclass
      and database = (select oid from pg_database where datname = current_database())`;
  return row!.n;
}

/**
 * A drizzle handle on `sql` (a test file's own connection) that writes down the text of every
 * statement it sends, in `statements` (empty it between the requests a test counts).
 */
export function countingDb(sql: DbHandle["sql"]): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const db = drizzle(sql, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (query) => void statements.push(query) },
  }) as Database;
  return { db, statements };
}
