/**
 * A login role of this test file's own, granted exactly the application's rights on the
 * file's database (as the portal's start grants them: runMigrations → db/roles.ts), on
 * the embedded server and on CI's PostgreSQL alike. `url` signs in as it.
 */
import { randomBytes } from "node:crypto";
import { runMigrations } from "../../../db/migrate";
import { quoteIdent } from "../../../db/roles";
import type { TestDb } from "./test-db";

export async function createAppRole(t: TestDb): Promise<{ role: string; url: string; drop(): Promise<void> }> {
  const role = `masar_app_test_${randomBytes(6).toString("hex")}`;
  const password = randomBytes(18).toString("base64url");
  await t.sql.unsafe(`create role ${quoteIdent(role)} login password '${password}'`);
  await runMigrations(t.url, undefined, { appRole: role });
  const u = new URL(t.url);
  u.username = role;
  u.password = password;
  return {
    role,
    url: u.toString(),
    async drop() {
      // the role's grants live in this file's database only: drop them, then the role
      await t.sql.unsafe(`drop owned by ${quoteIdent(role)}`);
      await t.sql.unsafe(`drop role ${quoteIdent(role)}`);
    },
  };
}
