/**
 * A statement that runs, or waits on a lock, longer than the pool's `statement_timeout` is
 * cancelled by PostgreSQL, and the reader gets the translated "took too long" page (504),
 * not a 500 nor a wait without end (decision 0209).
 */
import { afterAll, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { isStatementTimeout } from "../../db/errors";
import { startTestApp, type TestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

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

it("answers a page whose statement waits too long with the translated 504, then serves it again", async () => {
  const app = await startTestApp(limited(400).db);
  apps.push(app);
  const { client } = await app.asNewUser({ role: "applicant" });
  const lock = await t.sql.reserve();
  try {
    // the applicant's home reads the business plans: held by this lock, its statement waits
    await lock`begin`;
    await lock`lock table business_plans in access exclusive mode`;
    const fr = await client.get("/home");
    expect(fr.status).toBe(504);
    expect(await fr.text()).toContain("La page a mis trop de temps à répondre");
    // the cancelled statement left nothing waiting on the lock
    expect((await t.sql`select count(*)::int as n from pg_locks where not granted`)[0]!.n).toBe(0);
  } finally {
    await lock`rollback`;
    lock.release();
  }
  const again = await client.get("/home");
  expect(again.status).toBe(200);
});

it("answers the translated 504 when the session check itself waits too long", async () => {
  const app = await startTestApp(limited(400).db);
  apps.push(app);
  const { client } = await app.asNewUser({ role: "applicant" });
  const lock = await t.sql.reserve();
  try {
    // the session is checked before any loader runs (the request's context)
    await lock`begin`;
    await lock`lock table sessions in access exclusive mode`;
    const ar = await client.get("/home", { headers: { "Accept-Language": "ar" } });
    expect(ar.status).toBe(504);
    expect(await ar.text()).toContain("استغرقت الصفحة وقتا طويلا للرد");
  } finally {
    await lock`rollback`;
    lock.release();
  }
  expect((await client.get("/home")).status).toBe(200);
});
