/**
 * The application's database role, as an attacker who got SQL into the app's connection
 * would try it: no DDL by any road, no rewriting or erasing of the audit log, no program
 * or file of the server, no other schema, no climbing to another role. Runs on the
 * embedded server and on CI's PostgreSQL 15 alike: the role is made for this file and
 * granted exactly as the portal's start grants it (runMigrations → db/roles.ts).
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPEND_ONLY_TABLES } from "../../db/roles";
import { createAppRole } from "./helpers/app-role";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
let role: string;
let dropRole: () => Promise<void>;
let app: postgres.Sql;

/** The Postgres error code a statement of the app's role fails with, or "ok". */
async function attempt(statement: string): Promise<string> {
  try {
    await app.begin(async (tx) => {
      await tx.unsafe(statement);
      // never keep what a statement that should have failed did
      throw Object.assign(new Error("rolled back"), { code: "ok" });
    });
    return "ok";
  } catch (error) {
    return String((error as { code?: string }).code);
  }
}

beforeAll(async () => {
  const created = await createAppRole(t);
  role = created.role;
  dropRole = created.drop;
  app = postgres(created.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await app?.end({ timeout: 2 });
  await dropRole?.();
});

describe("the application's database role", () => {
  it("reads and writes rows of every table, and owns nothing", async () => {
    const [who] = await app<{ superuser: boolean; owned: number; createrole: boolean; createdb: boolean }[]>`
      select r.rolsuper as superuser, r.rolcreaterole as createrole, r.rolcreatedb as createdb,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = current_user`;
    expect(who).toEqual({ superuser: false, createrole: false, createdb: false, owned: 0 });
    const tables = await t.sql<{ name: string; s: boolean; i: boolean; u: boolean; d: boolean; tr: boolean }[]>`
      select c.relname as name,
        has_table_privilege(${role}, c.oid, 'select') as s, has_table_privilege(${role}, c.oid, 'insert') as i,
        has_table_privilege(${role}, c.oid, 'update') as u, has_table_privilege(${role}, c.oid, 'delete') as d,
        has_table_privilege(${role}, c.oid, 'truncate') or has_table_privilege(${role}, c.oid, 'trigger') as tr
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    expect(tables.length).toBeGreaterThan(30);
    for (const row of tables) {
      const appendOnly = (APPEND_ONLY_TABLES as readonly string[]).includes(row.name);
      expect(row, row.name).toEqual({ name: row.name, s: true, i: true, u: !appendOnly, d: !appendOnly, tr: false });
    }
    // a real write through a sequence: usage of sequences is granted
    await app`insert into audit_log (action, entity_type) values ('test.role', 'probe')`;
    const [row] = await app<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'test.role'`;
    expect(row?.n).toBe(1);
  });

  it("cannot change the schema, by any road", async () => {
    for (const statement of [
      "create table public.evil (x int)",
      "create table evil (x int)",
      "create schema evil",
      "create table evil2 as select * from users",
      "select * into evil3 from users",
      "create view evil_view as select 1",
      "alter table users add column evil text",
      "alter table users disable trigger all",
      "alter table users owner to current_user",
      "drop table outbox",
      "truncate users cascade",
      "truncate audit_log",
      "create index evil_idx on users (id)",
      "create function public.evil() returns int language sql as 'select 1'",
      "create trigger evil after insert on users for each row execute function now()",
      "comment on table users is 'evil'",
      "do $$ begin execute 'create table evil4 (x int)'; end $$",
      "create role evil",
      "alter role current_user superuser",
      "alter role current_user createrole",
      "set role postgres",
      "set session authorization postgres",
    ]) {
      expect([statement, await attempt(statement)]).toEqual([statement, "42501"]);
    }
  });

  it("cannot rewrite or erase the audit log", async () => {
    await app`insert into audit_log (action, entity_type) values ('test.keep', 'probe')`;
    for (const statement of [
      "update audit_log set action = 'forged'",
      "update audit_log set action = 'forged' where action = 'test.keep'",
      "delete from audit_log",
      "delete from audit_log where action = 'test.keep'",
      "with gone as (delete from audit_log returning id) select count(*) from gone",
      "insert into audit_log (id, action, entity_type) select id, 'forged', 'probe' from audit_log on conflict (id) do update set action = 'forged'",
      "merge into audit_log a using (select 1 as x) s on true when matched then delete",
      "truncate audit_log",
      "alter table audit_log rename to audit_log_old",
      "drop table audit_log",
    ]) {
      expect([statement, await attempt(statement)]).toEqual([statement, "42501"]);
    }
    const rows = await t.sql<{ action: string }[]>`select action from audit_log where entity_type = 'probe'`;
    expect(rows.map((r) => r.action).sort()).toEqual(["test.keep", "test.role"]);
  });

  it("cannot run programs or touch the server's files", async () => {
    for (const statement of [
      "copy (select 1) to program 'id'",
      "copy audit_log from program 'echo 1'",
      "copy (select 1) to '/tmp/masar-evil'",
      "copy audit_log from '/etc/passwd'",
      "select pg_read_file('/etc/passwd')",
      "select pg_read_binary_file('postgresql.conf')",
      "select pg_ls_dir('.')",
      "select lo_import('/etc/passwd')",
      "select lo_export(1, '/tmp/masar-evil')",
      "select pg_reload_conf()",
    ]) {
      expect([statement, await attempt(statement)]).toEqual([statement, "42501"]);
    }
  });

  it("cannot change the server's settings", async () => {
    // ALTER SYSTEM refuses to run in a transaction: straight on the connection
    await expect(app.unsafe("alter system set log_min_messages = 'debug5'")).rejects.toMatchObject({ code: "42501" });
  });

  it("cannot read the migrations' schema", async () => {
    expect(await attempt("select * from drizzle.__drizzle_migrations")).toBe("42501");
    expect(await attempt("insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', 0)")).toBe("42501");
    expect(await attempt("create table drizzle.evil (x int)")).toBe("42501");
  });
});
