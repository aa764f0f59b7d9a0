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
import { listOf } from "~/i18n/codes";
import { serverT } from "~/i18n/dictionaries.server";
import { audit } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { encryptJson, keyedHash } from "~/modules/protection/crypto.server";
import { findDuplicatesOfEach } from "~/modules/protection/duplicates.server";
import { checkApplicantRow, markApplicantDuplicates, writeApplicantRows } from "./applicants.server";
import { checkAttendanceRows, RegisterRefused, writeAttendanceRows } from "./attendance.server";
import { checkCaseRow } from "./rows.server";
import {
  applicantIdentity,
  COLUMNS_OF,
  decodeText,
  fileKindOf,
  importKindsFor,
  mapColumns,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  repeatedRows,
  rowIdentity,
  rowsByField,
  type FileProblem,
  type ImportField,
  type ImportKind,
} from "./rules";
import { writeCaseRows } from "./write-cases.server";
import type { PreviewRow, StoredRows } from "./types";

/** A field as the help names it: its French header, then its English one. */
const documentedName = (kind: ImportKind, field: ImportField) => {
  const names = COLUMNS_OF[kind][field] ?? [];
  return `${names[1] ?? names[0]} (${names[0]})`;
};

/**
 * The organisation a list of that kind is imported into: the actor's, when they may do
 * that kind's work by hand (decision: imports); null when they may not import it.
 */
export function importingOrganisation(actor: Actor, kind: ImportKind): string | null {
  return importKindsFor(actor).includes(kind) ? actor.organisationId : null;
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

type AnyRow = PreviewRow<unknown>;

/** Each row checked: its key, what it becomes or its problems; repeats within the file and rows already imported marked. */
async function checkRows(db: Executor, organisationId: string, table: string[][], kind: ImportKind, locale: Locale) {
  const mapping = mapColumns(table[0] ?? [], kind);
  if (mapping.missing.length) return { mapping, rows: [] as AnyRow[] };
  const found = rowsByField(table, mapping);
  const name = (cells: (typeof found)[number]["cells"]) =>
    [cells.firstName, cells.lastName].filter(Boolean).join(" ") || cells.nameArabic || "";
  const rows: AnyRow[] =
    kind === "attendance"
      ? await checkAttendanceRows(db, found, new Date())
      : found.map(({ line, cells }) => {
          const { person, problems } =
            kind === "cases" ? checkCaseRow(cells, locale) : checkApplicantRow(cells, locale);
          const identity = kind === "cases" ? rowIdentity(cells) : applicantIdentity(cells);
          return { line, key: keyedHash("import_row", identity), person, label: name(cells), problems, duplicates: [] };
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
          eq(importedRows.kind, kind),
          inArray(importedRows.rowKey, keys.slice(i, i + 1000)),
        ),
      );
    for (const d of done) already.add(d.rowKey);
  }
  for (const row of rows) {
    const repeatOf = repeats.get(row.line);
    if (repeatOf !== undefined && !row.problems.some((p) => p.message === "imports.problems.repeated"))
      row.problems.push({ field: "row", message: "imports.problems.repeated", line: repeatOf });
    if (already.has(row.key)) row.problems.push({ field: "row", message: "imports.problems.already" });
  }
  return { mapping, rows };
}

/** The likely duplicates of each row still ready, among the cases the actor sees. */
async function markCaseDuplicates(db: Executor, actor: Actor, rows: PreviewRow[]) {
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
  const organisationId = importingOrganisation(actor, input.kind);
  if (!organisationId) return fail(403, {});
  const table = readTable(input.filename, input.bytes);
  if (!Array.isArray(table)) return table;
  if (table.length - 1 > MAX_IMPORT_ROWS * 2) return refuse("imports.errors.tooManyRows");
  const { mapping, rows } = await checkRows(db, organisationId, table, input.kind, input.locale);
  if (mapping.missing.length)
    return refuse("imports.errors.missingColumns", {
      columns: listOf(
        serverT(input.locale),
        mapping.missing.map((field) => documentedName(input.kind, field)),
      ),
    });
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
  // casts: each kind's rows hold that kind's person (checkRows made them by kind)
  if (input.kind === "cases") await markCaseDuplicates(db, actor, rows as PreviewRow[]);
  if (input.kind === "applicants") await markApplicantDuplicates(db, organisationId, rows as PreviewRow<never>[]);
  const stored: StoredRows<unknown> = { ignored: mapping.ignored, repeated: mapping.repeated, rows };
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
  const kinds = importKindsFor(actor);
  if (!actor.organisationId || !kinds.length) return fail(403, {});
  const organisationId = actor.organisationId;
  try {
    return await db.transaction(async (tx) => {
      // the batch's row, locked: a second confirmation waits here, then finds it confirmed
      const [held] = await tx
        .select({ rowsEnc: importBatches.rowsEnc, kind: importBatches.kind })
        .from(importBatches)
        .where(
          and(
            eq(importBatches.id, input.importId),
            eq(importBatches.organisationId, organisationId),
            inArray(importBatches.kind, kinds),
          ),
        )
        .for("update");
      if (!held) return fail(404, {});
      const [batch] = await tx
        .update(importBatches)
        .set({ status: "confirmed", confirmedById: actor.id, confirmedAt: new Date(), writtenCount: 0, rowsEnc: null })
        .where(and(eq(importBatches.id, input.importId), eq(importBatches.status, "previewed")))
        .returning({ id: importBatches.id, organisationId: importBatches.organisationId });
      if (!batch || !held.rowsEnc) return fail(409, { form: "imports.errors.alreadyConfirmed" });
      const written =
        held.kind === "cases"
          ? await writeCaseRows(tx, actor, batch, held.rowsEnc, input.distinctLines, meta)
          : held.kind === "applicants"
            ? await writeApplicantRows(tx, actor, batch, held.rowsEnc, input.distinctLines, meta)
            : await writeAttendanceRows(tx, actor, batch, held.rowsEnc, meta);
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
    if (error instanceof RegisterRefused) return error.failure;
    if (isUniqueViolation(error, "import_batches_file_once_idx")) return fail(409, { form: "imports.errors.sameFile" });
    throw error;
  }
}
