/**
 * The harness's own promise: each test file's database is a throwaway copy whose commits
 * do not wait for the write-ahead log to reach the disk (tests/helpers/scratch-database.ts), on
 * the embedded server and on an external one (CI's PostgreSQL 15) alike; and it is the file's
 * own: the copy the next file gets (made ahead, while this one runs) is another database,
 * untouched by this one.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, useTestDb } from "./helpers/test-db";

const db = useTestDb();

describe("a test file's database", () => {
  it("commits without waiting for the write-ahead log to reach the disk", async () => {
    const rows = await db.db.execute<{ setting: string }>(sql`select current_setting('synchronous_commit') as setting`);
    expect([...rows].map((r) => r.setting)).toEqual(["off"]);
  });

  it("is its own: the next copy is another database, without this one's writes", async () => {
    const count = (s: typeof db.sql) =>
      s<{ name: string; rows: number }[]>`select current_database() as name, count(*)::int as rows from audit_log`;
    const [before] = await count(db.sql);
    await db.sql`insert into audit_log (action, entity_type) values ('probe', 'test-database')`;
    const next = await createTestDatabase();
    try {
      const [mine] = await count(db.sql);
      const [theirs] = await count(next.handle.sql);
      expect(mine!.rows).toBe(before!.rows + 1);
      expect(theirs!.name).not.toBe(mine!.name);
      expect(theirs!.rows).toBe(before!.rows);
      const synchronous = await next.handle.sql<
        { setting: string }[]
      >`select current_setting('synchronous_commit') as setting`;
      expect(synchronous.map((r) => r.setting)).toEqual(["off"]);
    } finally {
      await next.drop();
    }
  });
});
