import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { localeEnum, organisations, users } from "./auth";
import { id, instant, stamp, ref } from "./columns";
import { IMPORT_KINDS } from "../../app/modules/imports/rules";

/**
 * Lists uploaded by an association (docs/modules/imports.md): a file is read and checked
 * into a batch ("previewed"), nothing else written; confirming it writes its rows and
 * marks it "confirmed". The same file is confirmed once per association and kind, and
 * a row already imported (by its key) is never written again, whatever file brings it.
 */
export const importKindEnum = pgEnum("import_kind", IMPORT_KINDS);
export const importStatusEnum = pgEnum("import_status", ["previewed", "confirmed"]);

export const importBatches = pgTable(
  "import_batches",
  {
    id: id(),
    organisationId: ref(() => organisations.id).notNull(),
    kind: importKindEnum().notNull(),
    /** SHA-256 of the file's bytes, hex */
    fileHash: text().notNull(),
    filename: text().notNull(),
    /** the language the preview was made in: consents without a language column are recorded in it */
    locale: localeEnum().notNull(),
    rowCount: integer().notNull(),
    status: importStatusEnum().notNull().default("previewed"),
    /** the rows as read and checked, sealed (they hold identities); cleared once confirmed */
    rowsEnc: text(),
    writtenCount: integer(),
    createdById: ref(() => users.id).notNull(),
    createdAt: stamp(),
    confirmedById: ref(() => users.id),
    confirmedAt: instant(),
  },
  (t) => [
    index("import_batches_org_idx").on(t.organisationId, t.createdAt),
    // the same file is confirmed once: a second confirmation (or a race) fails here
    uniqueIndex("import_batches_file_once_idx")
      .on(t.organisationId, t.kind, t.fileHash)
      .where(sql`${t.status} = 'confirmed'`),
    check("import_batches_hash_check", sql`${t.fileHash} ~ '^[0-9a-f]{64}$'`),
    check("import_batches_rows_check", sql`${t.rowsEnc} is null or ${t.rowsEnc} ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'`),
    check(
      "import_batches_confirmed_check",
      sql`(${t.status} = 'confirmed') = (${t.confirmedAt} is not null and ${t.writtenCount} is not null)`,
    ),
  ],
);

/**
 * Each row an import wrote, by its key (its source's id, or a keyed hash of the person
 * it describes): a row comes in once per association and kind, whatever file brings it.
 */
export const importedRows = pgTable(
  "imported_rows",
  {
    organisationId: ref(() => organisations.id).notNull(),
    kind: importKindEnum().notNull(),
    rowKey: text().notNull(),
    batchId: ref(() => importBatches.id, { onDelete: "cascade" }).notNull(),
    /** what the row became (a case file) */
    entityId: uuid().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kind, t.rowKey] }),
    index("imported_rows_batch_idx").on(t.batchId),
  ],
);

export type ImportBatch = typeof importBatches.$inferSelect;
