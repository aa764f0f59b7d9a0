/**
 * A transaction PostgreSQL cancels as a deadlock's victim runs again by itself (db/client.ts
 * `createDb`), so two writers meeting in opposite orders both get their work done instead
 * of one answering a 500. Real deadlocks on a real server: each writer locks one row, waits
 * until the other has locked its own, then asks for the other's (PostgreSQL finds the
 * deadlock after its deadlock_timeout, 1 s by default).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAgainOnConflict, TRANSACTION_ATTEMPTS } from "../../db/client";
import { isRunAgainConflict } from "../../db/errors";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();

beforeAll(async () => {
  await t.db.execute(sql`create table retry_probe (id int primary key, writes int not null default 0)`);
  await t.db.execute(sql`insert into retry_probe (id) values (1), (2)`);
});
afterAll(async () => {
  await t.db.execute(sql`drop table if exists retry_probe`).catch(() => {});
});

/** Resolves once `count` callers have arrived. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === count) open();
    await opened;
  };
}

describe("a transaction cancelled by a deadlock", () => {
  it("runs again: two writers locking two rows in opposite orders both commit, and each row is written twice", async () => {
    const bothHoldOne = barrier(2);
    const runs = { a: 0, b: 0 };
    const writer = (name: "a" | "b", first: number, second: number) =>
      t.db.transaction(async (tx) => {
        runs[name]++;
        await tx.execute(sql`update retry_probe set writes = writes + 1 where id = ${first}`);
        // only the first run waits for the other: a run again goes straight through
        if (runs[name] === 1) await bothHoldOne();
        await tx.execute(sql`update retry_probe set writes = writes + 1 where id = ${second}`);
        return name;
      });
    const results = await Promise.allSettled([writer("a", 1, 2), writer("b", 2, 1)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    // one of the two was PostgreSQL's victim and ran a second time; the other once
    expect([runs.a, runs.b].sort()).toEqual([1, 2]);
    const rows = await t.db.execute<{ id: number; writes: number }>(
      sql`select id, writes from retry_probe order by id`,
    );
    expect(rows.map((r) => [r.id, r.writes])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("a savepoint inside a transaction is not run again on its own: the whole transaction is", async () => {
    await t.db.execute(sql`update retry_probe set writes = 0`);
    const bothHoldOne = barrier(2);
    const runs = { outer: 0, inner: 0, other: 0 };
    const nested = t.db.transaction(async (tx) => {
      runs.outer++;
      await tx.execute(sql`update retry_probe set writes = writes + 1 where id = 1`);
      await tx.transaction(async (sp) => {
        runs.inner++;
        if (runs.inner === 1) await bothHoldOne();
        await sp.execute(sql`update retry_probe set writes = writes + 1 where id = 2`);
      });
    });
    const other = t.db.transaction(async (tx) => {
      runs.other++;
      await tx.execute(sql`update retry_probe set writes = writes + 10 where id = 2`);
      if (runs.other === 1) await bothHoldOne();
      await tx.execute(sql`update retry_probe set writes = writes + 10 where id = 1`);
    });
    const results = await Promise.allSettled([nested, other]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    // whichever lost ran whole again (outer and inner together), never the savepoint alone
    expect(runs.outer).toBe(runs.inner);
    const rows = await t.db.execute<{ writes: number }>(sql`select writes from retry_probe order by id`);
    expect(rows.map((r) => r.writes)).toEqual([11, 11]);
  });
});

describe("runAgainOnConflict", () => {
  const conflict = (code: string) => Object.assign(new Error("conflict"), { code });

  it(`gives up after ${TRANSACTION_ATTEMPTS} runs and hands the last conflict to the caller`, async () => {
    let runs = 0;
    const retried: number[] = [];
    const failing = runAgainOnConflict(
      async () => {
        runs++;
        throw conflict("40P01");
      },
      (_error, attempt) => retried.push(attempt),
    );
    await expect(failing).rejects.toMatchObject({ code: "40P01" });
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
    expect(retried).toEqual([1, 2]);
  });

  it("runs once when the error is the request's own (a unique violation, a check)", async () => {
    for (const code of ["23505", "23514", "22P02"]) {
      let runs = 0;
      await expect(
        runAgainOnConflict(async () => {
          runs++;
          throw conflict(code);
        }),
      ).rejects.toMatchObject({ code });
      expect(runs).toBe(1);
    }
  });

  it("reads a serialization failure as a conflict too, also wrapped by drizzle", () => {
    expect(isRunAgainConflict(conflict("40001"))).toBe(true);
    expect(isRunAgainConflict(new Error("Failed query", { cause: conflict("40P01") }))).toBe(true);
    expect(isRunAgainConflict(new Error("plain"))).toBe(false);
  });
});
