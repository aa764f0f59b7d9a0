/**
 * The batch jobs of encryption at rest, run by the owner role (they may alter tables):
 * - `encryptClearBacklog`: the clear values a migration set aside (migration 0035) are
 *   encrypted into their new columns, then the backlog table goes. Run by every
 *   migration run (db/migrate.ts); idempotent.
 * - `rotateKeys`: every encrypted value not under the current key is re-encrypted under
 *   it, with its keyed hashes, in batches of one transaction each; stopping midway loses
 *   nothing and a second run carries on (`npm run keys:rotate`, docs/operations.md).
 */
import { and, asc, eq, gt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import * as schema from "~db/schema";
import { beneficiaryCases, caseNotes, caseServices, vulnerabilityAssessments, type CaseIdentity } from "~db/schema";
import { currentKeyId, decrypt, encrypt } from "./crypto.server";
import { openCase, SEALED_VALUES, sealIdentity, sealServiceFields } from "./identity.server";

const BACKLOG = "protection_clear_backlog";

function database(client: postgres.Sql) {
  return drizzle(client, { schema, casing: "snake_case" });
}

type BacklogRow = { table_name: string; row_id: string; clear: Record<string, string | number | null> };

/** Encrypt what migration 0035 set aside, then drop its table. Returns how many rows were sealed. */
export async function encryptClearBacklog(client: postgres.Sql, batch = 500): Promise<number> {
  const [found] = await client<{ present: boolean }[]>`select to_regclass(${BACKLOG}) is not null as present`;
  if (!found?.present) return 0;
  const db = database(client);
  let sealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.execute<BacklogRow>(
        sql`select table_name, row_id, clear from ${sql.identifier(BACKLOG)} order by table_name, row_id limit ${batch} for update`,
      );
      for (const row of rows) {
        if (row.table_name === "beneficiary_cases") {
          const c = row.clear;
          const text = (key: keyof CaseIdentity) =>
            typeof c[key] === "string" && c[key] !== "" ? String(c[key]) : null;
          await tx
            .update(beneficiaryCases)
            .set(
              sealIdentity({
                firstName: text("firstName") ?? "",
                lastName: text("lastName") ?? "",
                nameArabic: text("nameArabic"),
                phone: text("phone"),
                documentNumber: text("documentNumber"),
                householdNotes: text("householdNotes"),
              }),
            )
            .where(eq(beneficiaryCases.id, row.row_id));
        } else if (row.table_name === "case_services") {
          const [service] = await tx
            .select({ details: caseServices.details })
            .from(caseServices)
            .where(eq(caseServices.id, row.row_id));
          // the free text leaves the clear details for the sealed column
          const { details } = sealServiceFields(service?.details ?? {});
          await tx
            .update(caseServices)
            .set({ details, detailsEnc: sealServiceFields(row.clear).detailsEnc })
            .where(eq(caseServices.id, row.row_id));
        }
        await tx.execute(
          sql`delete from ${sql.identifier(BACKLOG)} where table_name = ${row.table_name} and row_id = ${row.row_id}`,
        );
      }
      return rows.length;
    });
    sealed += done;
    if (done < batch) break;
  }
  await client.unsafe(`drop table if exists ${BACKLOG}`);
  return sealed;
}

/** "This encrypted column holds a value under another key than `keyId`." */
function underOtherKey(column: AnyColumn, keyId: number): SQL {
  return sql`(${column} is not null and ${column} not like ${`v${keyId}:%`})`;
}

const reseal = (value: string | null) => (value ? encrypt(decrypt(value)) : null);

type Progress = { table: string; rows: number };
type Db = ReturnType<typeof database>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Rewrite, one transaction per batch, the rows `take` returns after the id `after`
 * (in id order), until a batch comes back short.
 */
async function sweep(
  db: Db,
  batch: number,
  take: (tx: Tx, after: string | null) => Promise<{ id: string }[]>,
  onBatch: (rows: number) => void,
): Promise<void> {
  for (let after: string | null = null; ;) {
    const done = await db.transaction(async (tx) => (await take(tx, after)).map((r) => r.id));
    if (done.length) onBatch(done.length);
    if (done.length < batch) return;
    after = done.at(-1)!;
  }
}

/** The identities under another key: re-encrypted, and their keyed hashes renewed, under the current one. */
function rotateCases(keyId: number, batch: number) {
  const stale = or(...SEALED_VALUES.map((column) => underOtherKey(beneficiaryCases[column], keyId)))!;
  return async (tx: Tx, after: string | null) => {
    const rows = await tx
      .select()
      .from(beneficiaryCases)
      .where(and(stale, after ? gt(beneficiaryCases.id, after) : undefined))
      .orderBy(asc(beneficiaryCases.id))
      .limit(batch)
      .for("update");
    for (const row of rows) {
      const sealed = sealIdentity(openCase(row));
      await tx
        .update(beneficiaryCases)
        // a name that was never stored stays absent
        .set({
          ...sealed,
          firstNameEnc: row.firstNameEnc ? sealed.firstNameEnc : null,
          lastNameEnc: row.lastNameEnc ? sealed.lastNameEnc : null,
        })
        .where(eq(beneficiaryCases.id, row.id));
    }
    return rows;
  };
}

/** The other tables: one or two encrypted columns each, no hash. */
const OTHERS = [
  { name: "case_notes", table: caseNotes, id: caseNotes.id, columns: { bodyEnc: caseNotes.bodyEnc } },
  {
    name: "vulnerability_assessments",
    table: vulnerabilityAssessments,
    id: vulnerabilityAssessments.id,
    columns: { dataEnc: vulnerabilityAssessments.dataEnc },
  },
  {
    name: "case_services",
    table: caseServices,
    id: caseServices.id,
    columns: { notesEnc: caseServices.notesEnc, detailsEnc: caseServices.detailsEnc },
  },
] as const;

function rotateColumns(other: (typeof OTHERS)[number], keyId: number, batch: number) {
  const columns: Record<string, AnyColumn> = other.columns;
  const stale = or(...Object.values(columns).map((c) => underOtherKey(c, keyId)))!;
  return async (tx: Tx, after: string | null) => {
    const rows = await tx
      .select({ id: other.id, ...columns })
      .from(other.table)
      .where(and(stale, after ? gt(other.id, after) : undefined))
      .orderBy(asc(other.id))
      .limit(batch)
      .for("update");
    for (const row of rows) {
      const read: Record<string, unknown> = row;
      const values: Record<string, string | null> = {};
      for (const key of Object.keys(columns)) values[key] = reseal(read[key] as string | null);
      await tx.update(other.table).set(values).where(eq(other.id, row.id));
    }
    return rows;
  };
}

/**
 * Re-encrypt, in batches, every value not under the current key (and renew the keyed
 * hashes of the identities). Each batch is one transaction that locks its rows, so the
 * app may keep writing meanwhile; rows are taken in id order from where the last batch
 * stopped, and a run that stops is simply run again. Returns the rows rewritten per table.
 */
export async function rotateKeys(
  client: postgres.Sql,
  options: { batch?: number; onBatch?: (progress: Progress) => void } = {},
): Promise<Record<string, number>> {
  const db = database(client);
  const batch = options.batch ?? 200;
  const keyId = currentKeyId();
  const counts: Record<string, number> = {};
  const tally = (table: string) => (rows: number) => {
    counts[table] = (counts[table] ?? 0) + rows;
    options.onBatch?.({ table, rows: counts[table] });
  };
  await sweep(db, batch, rotateCases(keyId, batch), tally("beneficiary_cases"));
  for (const other of OTHERS) await sweep(db, batch, rotateColumns(other, keyId, batch), tally(other.name));
  return counts;
}

/** How many values are still under each key, table by table: what `keys:rotate` reports before and after. */
export async function valuesPerKey(client: postgres.Sql): Promise<Record<string, number>> {
  const rows = await client<{ key_id: string; n: number }[]>`
    select substring(v from '^v([0-9]+):') as key_id, count(*)::int as n from (
      select unnest(array[first_name_enc, last_name_enc, name_arabic_enc, phone_enc, document_number_enc, household_notes_enc]) as v from beneficiary_cases
      union all select body_enc from case_notes
      union all select data_enc from vulnerability_assessments
      union all select unnest(array[notes_enc, details_enc]) from case_services
    ) values_ where v is not null group by 1 order by 1`;
  return Object.fromEntries(rows.map((r) => [r.key_id, r.n]));
}
