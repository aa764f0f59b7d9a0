/** The rows of a confirmed case list written as case files, in the confirmation's transaction. */
import { randomUUID } from "node:crypto";
import type { Executor } from "~db/client";
import { beneficiaryCases, caseConsents, importedRows, type ImportBatch } from "~db/schema";
import type { Meta } from "~/lib/result";
import { auditMany } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { consentValues, newReference } from "~/modules/protection/cases.server";
import { decryptJson } from "~/modules/protection/crypto.server";
import { sealIdentity } from "~/modules/protection/identity.server";
import { normaliseDocument, normalisePhone } from "~/modules/protection/rules";
import { rowsToWrite } from "./rules";
import type { PreviewRow, StoredRows } from "./types";

/** Rows a statement takes at once: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

function caseValues(id: string, row: PreviewRow, actor: Actor, organisationId: string, distinct: boolean) {
  const p = row.person!;
  return {
    id,
    organisationId,
    assignedToId: actor.id,
    reference: newReference(),
    ...sealIdentity({
      firstName: p.firstName,
      lastName: p.lastName,
      nameArabic: p.nameArabic ?? null,
      phone: normalisePhone(p.phone),
      documentNumber: normaliseDocument(p.documentNumber),
      householdNotes: null,
    }),
    sex: p.sex,
    dateOfBirth: p.dateOfBirth ?? null,
    estimatedAge: p.dateOfBirth ? null : (p.estimatedAge ?? null),
    nationality: p.nationality ?? null,
    languages: p.languages ?? null,
    city: p.city ?? null,
    householdSize: p.householdSize,
    // ticked as someone else: the first likely duplicate shown is the one set apart
    confirmedDistinctFrom: distinct ? (row.duplicates[0]?.id ?? null) : null,
    createdById: actor.id,
  };
}

/**
 * Each row's key goes in first (a primary key per association and kind): a row already
 * imported, by this batch's twin or another file, is left out; the others become case
 * files with their consent, each audited. Returns how many were written.
 */
export async function writeCaseRows(
  tx: Executor,
  actor: Actor,
  batch: Pick<ImportBatch, "id" | "organisationId">,
  rowsEnc: string,
  distinctLines: ReadonlySet<number>,
  meta: Meta,
): Promise<number> {
  const stored = decryptJson<StoredRows>(rowsEnc);
  const rows = rowsToWrite(stored.rows, distinctLines).filter((r) => r.person);
  let written = 0;
  for (let from = 0; from < rows.length; from += CHUNK) {
    const chunk = rows.slice(from, from + CHUNK).map((row) => ({ row, id: randomUUID() }));
    const fresh = await tx
      .insert(importedRows)
      .values(
        chunk.map(({ row, id }) => ({
          organisationId: batch.organisationId,
          kind: "cases" as const,
          rowKey: row.key,
          batchId: batch.id,
          entityId: id,
        })),
      )
      .onConflictDoNothing()
      .returning({ entityId: importedRows.entityId });
    const kept = new Set(fresh.map((f) => f.entityId));
    const toWrite = chunk.filter(({ id }) => kept.has(id));
    if (!toWrite.length) continue;
    await tx
      .insert(beneficiaryCases)
      .values(
        toWrite.map(({ row, id }) =>
          caseValues(id, row, actor, batch.organisationId, row.duplicates.length > 0 && distinctLines.has(row.line)),
        ),
      );
    await tx.insert(caseConsents).values(
      toWrite.map(({ row, id }) =>
        consentValues(
          id,
          {
            consentServices: true,
            consentReferral: false,
            consentReporting: row.person!.consentReporting,
            consentSms: row.person!.consentSms,
            consentLanguage: row.person!.consentLanguage,
          },
          actor,
        ),
      ),
    );
    await auditMany(
      tx,
      { actor, action: "protection.case.import", entityType: "beneficiary_case", ip: meta.ip },
      toWrite.map(({ id }) => id),
    );
    written += toWrite.length;
  }
  return written;
}
