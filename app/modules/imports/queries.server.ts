/** Reads of imports, always scoped to the actor's organisation and the kinds they may import. */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "~db/client";
import { importBatches } from "~db/schema";
import type { Meta } from "~/lib/result";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { decryptJson } from "~/modules/protection/crypto.server";
import { importKindsFor } from "./rules";
import type { StoredRows } from "./types";

function scope(actor: Actor) {
  const kinds = importKindsFor(actor);
  return actor.organisationId && kinds.length
    ? and(eq(importBatches.organisationId, actor.organisationId), inArray(importBatches.kind, kinds))
    : null;
}

/** The association's latest imports, previewed or confirmed. */
export async function listImports(db: Executor, actor: Actor) {
  const where = scope(actor);
  if (!where) return [];
  return db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      filename: importBatches.filename,
      status: importBatches.status,
      rowCount: importBatches.rowCount,
      writtenCount: importBatches.writtenCount,
      createdAt: importBatches.createdAt,
    })
    .from(importBatches)
    .where(where)
    .orderBy(desc(importBatches.createdAt))
    .limit(50);
}

/** A batch of the actor's association with its checked rows (none once confirmed); null when not theirs. */
export async function getImport(db: Executor, actor: Actor, importId: string) {
  const where = scope(actor);
  if (!where) return null;
  const [batch] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, importId), where));
  if (!batch) return null;
  const { rowsEnc, ...rest } = batch;
  const stored: StoredRows<unknown> = rowsEnc
    ? decryptJson<StoredRows<unknown>>(rowsEnc)
    : { ignored: [], repeated: [], rows: [] };
  return { batch: rest, ...stored };
}

/** A batch as its preview page shows it: opening one that still holds identities is audited. */
export async function viewImport(db: Executor, actor: Actor, importId: string, meta: Meta) {
  const found = await getImport(db, actor, importId);
  if (found?.rows.length) await auditRecord(db, actor, "imports.view", ["import_batch", importId], meta.ip);
  return found;
}
