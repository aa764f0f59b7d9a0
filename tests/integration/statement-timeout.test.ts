/**
 * A statement that runs, or waits on a lock, longer than the pool's `statement_timeout` is
 * cancelled by PostgreSQL, and the reader gets the translated "took too long" page (504),
 * not a 500 nor a wait without end (decision 0209).
 */
import { afterAll, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { isStatementTimeout } from "../../db/errors";
import { startTestApp, type TestApp } from "./helpers/app";
import { locksWaitingOn, useTestDb } from "./helpers/test-db";

const t = useTestDb();
const handles: { close(): Promise<void> }[] = [];
const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const handle of handles) await handle.close();
});

function limited(ms: number) {
  const handle = createDb(t.url, { max: 2, statementTimeoutMs: ms });
  handles.push(handle);
  return handle;
}

it("sets the limit on every connection of the pool, and none without it", async () => {
  const handle = limited(1500);
  const [a, b] = await Promise.all([
    handle.sql`select current_setting('statement_timeout') as limit, pg_backend_pid() as pid, pg_sleep(0.05)`,
    handle.sql`select current_setting('statement_timeout') as limit, pg_backend_pid() as pid, pg_sleep(0.05)`,
  ]);
  expect(a![0]!.pid).not.toBe(b![0]!.pid);
  expect([a![0]!.limit, b![0]!.limit]).toEqual(["1500ms", "1500ms"]);
  expect((await t.sql`select current_setting('statement_timeout') as limit`)[0]!.limit).toBe("0");
  const error = await handle.sql`select pg_sleep(3)`.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isStatementTimeout(error)).toBe(true);
});

/**
 * A new applicant on an app whose pool allows 400 ms, reading /home (in `language`) while
 * this test holds `table` locked; then, the lock gone, reading it again.
 */
async function homeWhileLocked(table: "business_plans" | "sessions", language: string) {
  const app = await startTestApp(limited(400).db);
  apps.push(app);
  const { client } = await app.asNewUser({ role: "applicant" });
  const lock = await t.sql.reserve();
  try {
    await lock`begin`;
    await lock.unsafe(`lock table ${table} in access exclusive mode`);
    const held = await client.get("/home", { headers: { "Accept-Language": language } });
    // the cancelled statement left nothing waiting on the lock (on this table of this file's
    // database: the server may be shared with other files' tests, which wait on their own)
    const waiting = await locksWaitingOn(t, table);
    return {
      status: held.status,
      retryAfter: held.headers.get("retry-after"),
      text: await held.text(),
      waiting,
      after: async () => (await client.get("/home")).status,
    };
  } finally {
    await lock`rollback`;
    lock.release();
  }
}

it("answers a page whose statement waits too long with the translated 504, then serves it again", async () => {
  // the applicant's home reads the business plans: held by the lock, its statement waits
  const held = await homeWhileLocked("business_plans", "fr");
  expect([held.status, held.waiting, held.retryAfter]).toEqual([504, 0, "5"]);
  expect(held.text).toContain("La page a mis trop de temps à répondre");
  expect(await held.after()).toBe(200);
});

it("answers the translated 504 when the session check itself waits too long", async () => {
  // the session is checked before any loader runs (the request's context)
  const held = await homeWhileLocked("sessions", "ar");
  expect([held.status, held.waiting, held.retryAfter]).toEqual([504, 0, "5"]);
  expect(held.text).toContain("استغرقت الصفحة وقتا طويلا للرد");
  expect(await held.after()).toBe(200);
});
