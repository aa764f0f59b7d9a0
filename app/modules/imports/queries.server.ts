/** Reads of imports, always scoped to the actor's association. */
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "~db/client";
import { importBatches } from "~db/schema";
import type { Meta } from "~/lib/result";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { decryptJson } from "~/modules/protection/crypto.server";
import { importingOrganisation } from "./service.server";
import type { StoredRows } from "./types";

/** The association's latest imports, previewed or confirmed. */
export async function listImports(db: Executor, actor: Actor) {
  const organisationId = importingOrganisation(actor);
  if (!organisationId) return [];
  return db
    .select({
      id: importBatches.id,
      filename: importBatches.filename,
      status: importBatches.status,
      rowCount: importBatches.rowCount,
      writtenCount: importBatches.writtenCount,
      createdAt: importBatches.createdAt,
    })
    .from(importBatches)
    .where(eq(importBatches.organisationId, organisationId))
    .orderBy(desc(importBatches.createdAt))
    .limit(50);
}

/** A batch of the actor's association with its checked rows (none once confirmed); null when not theirs. */
export async function getImport(db: Executor, actor: Actor, importId: string) {
  const organisationId = importingOrganisation(actor);
  if (!organisationId) return null;
  const [batch] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, importId), eq(importBatches.organisationId, organisationId)));
  if (!batch) return null;
  const { rowsEnc, ...rest } = batch;
  const stored: StoredRows = rowsEnc ? decryptJson<StoredRows>(rowsEnc) : { ignored: [], repeated: [], rows: [] };
  return { batch: rest, ...stored };
}

/** A batch as its preview page shows it: opening one that still holds identities is audited. */
export async function viewImport(db: Executor, actor: Actor, importId: string, meta: Meta) {
  const found = await getImport(db, actor, importId);
  if (found?.rows.length) await auditRecord(db, actor, "imports.view", ["import_batch", importId], meta.ip);
  return found;
}
