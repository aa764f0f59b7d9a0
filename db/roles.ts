/**
 * The application's database role: it owns nothing and may only read and write rows.
 * The owner role (the one that runs migrations) grants it, after every migration run,
 * select/insert/update/delete on the tables of `public` and usage of their sequences;
 * the audit log is append-only for it. No DDL (no CREATE on any schema), no other
 * schema (the migrations' journal in `drizzle` stays the owner's), no superuser, so no
 * `COPY … PROGRAM` and no server files.
 * Why: docs/decisions/0069-least-privilege-database-roles.md.
 */
import type postgres from "postgres";

/** The embedded server's application role. */
export const APP_ROLE = "masar_app";

/** Tables the application may only add rows to and read (the audit log, the issued reports). */
export const APPEND_ONLY_TABLES = ["audit_log", "report_issues"] as const;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The role a postgres:// URL signs in as (its user name, decoded). */
export function urlRole(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Grant `role` exactly the application's rights on the current database. Idempotent;
 * run by the owner under the migrations' advisory lock (concurrent GRANTs on one object
 * can fail with "tuple concurrently updated").
 */
export async function grantAppRole(sql: postgres.Sql, role: string) {
  const r = quoteIdent(role);
  const [self] = await sql<{ same: boolean }[]>`select current_user = ${role} as same`;
  if (self?.same) return; // one role for both: nothing to grant
  await sql.unsafe(`grant usage on schema public to ${r}`);
  await sql.unsafe(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await sql.unsafe(`grant usage, select on all sequences in schema public to ${r}`);
  for (const table of APPEND_ONLY_TABLES) {
    await sql.unsafe(`revoke update, delete, truncate on table public.${quoteIdent(table)} from ${r}`);
  }
  // rights granted by hand before (or by an older version) that the app must not have
  await sql.unsafe(`revoke truncate, references, trigger on all tables in schema public from ${r}`);
  await sql.unsafe(`revoke create on schema public from ${r}`);
  const [journal] = await sql<{ exists: boolean }[]>`
    select exists (select 1 from pg_namespace where nspname = 'drizzle') as exists`;
  if (journal?.exists) await sql.unsafe(`revoke all on schema drizzle from ${r}`);
}

/** Facts about the role a connection runs as, for a warning at start. */
export async function roleRisks(sql: postgres.Sql): Promise<{ superuser: boolean; ownsTables: boolean }> {
  const [row] = await sql<{ superuser: boolean; owns: boolean }[]>`
    select r.rolsuper as superuser,
      exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owns
    from pg_roles r where r.rolname = current_user`;
  return { superuser: row?.superuser ?? false, ownsTables: row?.owns ?? false };
}
