/**
 * postgres.js keeps each statement prepared on its connection. When the server no longer
 * holds it (`DEALLOCATE ALL`, `DISCARD ALL` from a pooler) or its result type changed (a
 * column's type altered while the portal runs), the driver prepares it again. Unpatched,
 * two or more such statements queued on one connection each took the other's
 * description and the connection waited for ever, with the database idle: no error, no
 * statement timeout. The patch (patches/postgres+*.patch, `retry`) prepares a statement
 * again in one go, with the parameter types it already knows.
 */
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const pools: postgres.Sql[] = [];
afterAll(async () => {
  await Promise.all(pools.map((sql) => sql.end({ timeout: 1 })));
});

/** Settles `work`, or fails after `ms` instead of waiting for ever. */
function within<T>(work: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: the connection hangs`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function setUp(table: string) {
  const admin = postgres(t.url, { max: 1, onnotice: () => {} });
  const sql = postgres(t.url, { max: 1, onnotice: () => {} });
  pools.push(admin, sql);
  await admin.unsafe(`create table ${table} (id int, label text); insert into ${table} values (1, 'x')`);
  const read = (i: number) => sql`select *, ${i}::int as n, ${`s${i}`} as s from ${sql(table)} where label = ${"x"}`;
  // prepared and cached on the one connection
  for (let i = 0; i < 3; i++) await read(i);
  return { admin, sql, read };
}

/** Twenty statements at once on the one connection, each with its own answer. */
async function twentyAtOnce(read: (i: number) => Promise<postgres.Row[]>) {
  const rows = await within(Promise.all(Array.from({ length: 20 }, (_, i) => read(i))));
  rows.forEach((r, i) => expect(r[0]).toMatchObject({ id: 1, label: "x", n: i, s: `s${i}` }));
}

describe("postgres.js statements prepared again", () => {
  it("answers statements queued together after the server dropped them (DEALLOCATE ALL)", async () => {
    const { sql, read } = await setUp("again_dropped");
    await sql.unsafe("deallocate all");
    await twentyAtOnce(read);
  });

  it("answers statements queued together after a column's type changed under them", async () => {
    const { admin, read } = await setUp("again_retyped");
    await admin.unsafe("alter table again_retyped alter column label type varchar(20)");
    await twentyAtOnce(read);
    await admin.unsafe("alter table again_retyped add column note text");
    const rows = await within(Promise.all(Array.from({ length: 20 }, (_, i) => read(i))));
    rows.forEach((r, i) => expect(r[0]).toMatchObject({ id: 1, label: "x", note: null, n: i }));
  });
});
