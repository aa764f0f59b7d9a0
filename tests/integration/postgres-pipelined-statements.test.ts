/**
 * A page's loaders ask for their statements side by side (Promise.all). postgres.js
 * gave each one an idle connection of its own: one write and one read per statement,
 * the largest part of a signed-in page's system CPU (issue 19). With the patch
 * (patches/postgres+*.patch) statements asked for in the same turn of the event loop
 * go on the connection still buffering the first one's, and reach the server in one
 * write; a statement asked for later goes to an idle connection as before, so a slow
 * statement holds up only those asked for with it.
 */
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const pools: postgres.Sql[] = [];
afterAll(async () => {
  await Promise.all(pools.map((sql) => sql.end({ timeout: 1 })));
});

/** A pool of four connections, all open and idle. */
async function openPool() {
  const sql = postgres(t.url, { max: 4, onnotice: () => {} });
  pools.push(sql);
  await Promise.all([1, 2, 3, 4].map(() => sql`select pg_sleep(0.05)`));
  return sql;
}

const backendOf = (sql: postgres.Sql) => sql<{ pid: number }[]>`select pg_backend_pid() as pid`.then((r) => r[0]!.pid);

describe("postgres.js statements asked for together", () => {
  it("share one connection when asked for in the same turn", async () => {
    const sql = await openPool();
    const pids = await Promise.all([1, 2, 3, 4].map(() => backendOf(sql)));
    expect(new Set(pids).size).toBe(1);
  });

  it("go to another connection when asked for in a later turn", async () => {
    const sql = await openPool();
    const first = await backendOf(sql);
    const slow = sql`select pg_sleep(0.5), pg_backend_pid() as pid`.then((r) => ({ which: "slow", pid: r[0]!.pid }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fast = backendOf(sql).then((pid) => ({ which: "fast", pid }));
    // the later statement is answered while the slow one still runs, on its own connection
    const winner = await Promise.race([slow, fast]);
    expect(winner.which).toBe("fast");
    const done = await slow;
    expect(done.pid).not.toBe(winner.pid);
    expect(typeof first).toBe("number");
  });

  it("answer each on its own when one of them fails", async () => {
    const sql = await openPool();
    const [one, broken, two] = await Promise.allSettled([
      sql`select 1 as n`.then((r) => r[0]!.n),
      sql`select 1 / 0 as n`,
      sql`select 2 as n`.then((r) => r[0]!.n),
    ]);
    expect(one).toEqual({ status: "fulfilled", value: 1 });
    expect(broken.status).toBe("rejected");
    expect((broken as PromiseRejectedResult).reason.code).toBe("22012");
    expect(two).toEqual({ status: "fulfilled", value: 2 });
  });
});
