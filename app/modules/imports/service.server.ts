/**
 * Importing a list of people into case files: read and check a file into a batch
 * (nothing else written), then confirm it (its rows written in one transaction, once).
 * Decisions: docs/decisions/0126-import.md.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { importBatches, importedRows } from "~db/schema";
import { isUniqueViolation } from "~db/errors";
import { readCsvFile } from "~/lib/csv";
import { readXlsx } from "~/lib/xlsx.server";
import { fail, type Failure, type Meta } from "~/lib/result";
import type { Locale } from "~/i18n/config";
import { audit } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { encryptJson, keyedHash } from "~/modules/protection/crypto.server";
import { findDuplicatesOfEach } from "~/modules/protection/duplicates.server";
import { checkCaseRow } from "./rows.server";
import {
  decodeText,
  fileKindOf,
  mapColumns,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  repeatedRows,
  rowIdentity,
  rowsByField,
  CASE_COLUMNS,
  type CaseField,
  type FileProblem,
  type ImportKind,
} from "./rules";
import { writeCaseRows } from "./write-cases.server";
import type { PreviewRow, StoredRows } from "./types";

/** A field as the help names it: its French header, then its English one. */
const documentedName = (field: CaseField) => `${CASE_COLUMNS[field][1]} (${CASE_COLUMNS[field][0]})`;

/** Only a case worker of an association imports its case lists. */
export function importingOrganisation(actor: Actor): string | null {
  return actor.role === "case_worker" ? actor.organisationId : null;
}

/** A file refused whole: the message, and what fills it in (the missing columns). */
export type FileFailure = Failure & { params?: Record<string, string> };
const refuse = (problem: FileProblem, params?: Record<string, string>, status: 400 | 409 = 400): FileFailure => ({
  ...fail(status, { file: problem }),
  params,
});

/** The file's table, or why it cannot be read. */
function readTable(filename: string, bytes: Uint8Array): string[][] | FileFailure {
  if (bytes.length === 0) return refuse("imports.errors.empty");
  if (bytes.length > MAX_IMPORT_BYTES) return refuse("imports.errors.size");
  const kind = fileKindOf(filename, bytes);
  if (!kind) return refuse("imports.errors.type");
  const table = kind === "csv" ? readCsvFile(decodeText(bytes)) : readXlsx(bytes);
  if (!table) return refuse("imports.errors.malformed");
  if (!table.some((row) => row.some((cell) => cell.trim()))) return refuse("imports.errors.empty");
  return table;
}

/** Each row checked: its key, its person or its problems; repeats within the file and rows already imported marked. */
async function checkRows(db: Executor, organisationId: string, table: string[][], locale: Locale) {
  const mapping = mapColumns(table[0] ?? []);
  if (mapping.missing.length) return { mapping, rows: [] as PreviewRow[] };
  const found = rowsByField(table, mapping);
  const rows: PreviewRow[] = found.map(({ line, cells }) => {
    const { person, problems } = checkCaseRow(cells, locale);
    const label = [cells.firstName, cells.lastName].filter(Boolean).join(" ") || cells.nameArabic || "";
    return { line, key: keyedHash("import_row", rowIdentity(cells)), person, label, problems, duplicates: [] };
  });
  const repeats = repeatedRows(rows.map((r) => ({ line: r.line, identity: r.key })));
  const keys = rows.map((r) => r.key);
  const already = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const done = await db
      .select({ rowKey: importedRows.rowKey })
      .from(importedRows)
      .where(
        and(
          eq(importedRows.organisationId, organisationId),
          eq(importedRows.kind, "cases"),
          inArray(importedRows.rowKey, keys.slice(i, i + 1000)),
        ),
      );
    for (const d of done) already.add(d.rowKey);
  }
  for (const row of rows) {
    const repeatOf = repeats.get(row.line);
    if (repeatOf !== undefined)
      row.problems.push({ field: "row", message: "imports.problems.repeated", line: repeatOf });
    if (already.has(row.key)) row.problems.push({ field: "row", message: "imports.problems.already" });
  }
  return { mapping, rows };
}

/** The likely duplicates of each row still ready, among the cases the actor sees. */
async function markDuplicates(db: Executor, actor: Actor, rows: PreviewRow[]) {
  const ready = rows.filter((r) => r.person && r.problems.length === 0);
  const found = await findDuplicatesOfEach(
    db,
    actor,
    ready.map((r) => r.person!),
  );
  ready.forEach((row, i) => {
    row.duplicates = (found[i] ?? []).map((d) => ({
      id: d.id,
      reference: d.reference,
      name: [d.firstName, d.lastName].filter(Boolean).join(" "),
      reasons: d.reasons,
    }));
  });
}

export type PreviewInput = { kind: ImportKind; filename: string; bytes: Uint8Array; locale: Locale };

/**
 * Read a file and keep what it holds, checked, as a batch to confirm: nothing else is
 * written. A file whose columns cannot be matched, or that holds no row, is refused whole.
 */
export async function previewImport(
  db: Database,
  actor: Actor,
  input: PreviewInput,
  meta: Meta,
): Promise<{ ok: true; importId: string } | FileFailure> {
  const organisationId = importingOrganisation(actor);
  if (!organisationId) return fail(403, {});
  const table = readTable(input.filename, input.bytes);
  if (!Array.isArray(table)) return table;
  if (table.length - 1 > MAX_IMPORT_ROWS * 2) return refuse("imports.errors.tooManyRows");
  const { mapping, rows } = await checkRows(db, organisationId, table, input.locale);
  if (mapping.missing.length)
    return refuse("imports.errors.missingColumns", { columns: mapping.missing.map(documentedName).join(", ") });
  if (!rows.length) return refuse("imports.errors.noRows");
  if (rows.length > MAX_IMPORT_ROWS) return refuse("imports.errors.tooManyRows");
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const [done] = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.organisationId, organisationId),
        eq(importBatches.kind, input.kind),
        eq(importBatches.fileHash, fileHash),
        eq(importBatches.status, "confirmed"),
      ),
    );
  if (done) return refuse("imports.errors.sameFile", undefined, 409);
  await markDuplicates(db, actor, rows);
  const stored: StoredRows = { ignored: mapping.ignored, repeated: mapping.repeated, rows };
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(importBatches)
      .values({
        organisationId,
        kind: input.kind,
        fileHash,
        filename: input.filename.slice(0, 200),
        locale: input.locale,
        rowCount: rows.length,
        rowsEnc: encryptJson(stored),
        createdById: actor.id,
      })
      .returning({ id: importBatches.id });
    if (!batch) throw new Error("import not recorded");
    await audit(tx, { actor, action: "imports.preview", entityType: "import_batch", entityId: batch.id, ip: meta.ip });
    return { ok: true as const, importId: batch.id };
  });
}

/**
 * Write a previewed batch's ready rows (and its ticked likely duplicates), once: the
 * batch turns "confirmed" by a conditional update, the file is confirmed once per
 * association (a unique index), and each row's key goes into imported_rows before its
 * case (a primary key), all in one transaction. A second confirmation, or a race,
 * changes nothing and says so.
 */
export async function confirmImport(
  db: Database,
  actor: Actor,
  input: { importId: string; distinctLines: ReadonlySet<number> },
  meta: Meta,
): Promise<{ ok: true; written: number } | Failure> {
  const organisationId = importingOrganisation(actor);
  if (!organisationId) return fail(403, {});
  try {
    return await db.transaction(async (tx) => {
      // the batch's row, locked: a second confirmation waits here, then finds it confirmed
      const [held] = await tx
        .select({ rowsEnc: importBatches.rowsEnc })
        .from(importBatches)
        .where(and(eq(importBatches.id, input.importId), eq(importBatches.organisationId, organisationId)))
        .for("update");
      if (!held) return fail(404, {});
      const [batch] = await tx
        .update(importBatches)
        .set({ status: "confirmed", confirmedById: actor.id, confirmedAt: new Date(), writtenCount: 0, rowsEnc: null })
        .where(and(eq(importBatches.id, input.importId), eq(importBatches.status, "previewed")))
        .returning({ id: importBatches.id, organisationId: importBatches.organisationId });
      if (!batch || !held.rowsEnc) return fail(409, { form: "imports.errors.alreadyConfirmed" });
      const written = await writeCaseRows(tx, actor, batch, held.rowsEnc, input.distinctLines, meta);
      await tx.update(importBatches).set({ writtenCount: written }).where(eq(importBatches.id, batch.id));
      await audit(tx, {
        actor,
        action: "imports.confirm",
        entityType: "import_batch",
        entityId: batch.id,
        ip: meta.ip,
      });
      return { ok: true as const, written };
    });
  } catch (error) {
    if (isUniqueViolation(error, "import_batches_file_once_idx")) return fail(409, { form: "imports.errors.sameFile" });
    throw error;
  }
}
