/**
 * The harness's own promise: each test file's database is a throwaway copy whose commits
 * do not wait for the disk (tests/helpers/scratch-database.ts), on the embedded server and
 * on an external one (CI's PostgreSQL 15) alike.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDb } from "./helpers/test-db";

const db = useTestDb();

describe("a test file's database", () => {
  it("commits without waiting for the write-ahead log to reach the disk", async () => {
    const rows = await db.db.execute<{ setting: string }>(sql`select current_setting('synchronous_commit') as setting`);
    expect([...rows].map((r) => r.setting)).toEqual(["off"]);
  });
});
