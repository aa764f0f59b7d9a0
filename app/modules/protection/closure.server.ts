/**
 * Closing a case file and opening it again, each with a reason. The status moves by a
 * conditional update (only from the other status, never on an anonymised file), so two
 * case workers closing at once record one closing; each change keeps its row in
 * case_status_changes and its audit row. A closed file leaves the lists and the rounds;
 * its records, and the reports of the time it was open, stay as they are.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { runPrepared, type Database, type Executor } from "~db/client";
import { beneficiaryCases, caseStatusChanges, users } from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { fail, type Failure, type Meta } from "~/lib/result";
import { requireOwnCase } from "./case-access.server";
import { statusChangeRefusal } from "./rules";
import { type ClosureReason, type ReopenReason } from "./constants";

async function changeStatus(
  db: Database,
  actor: Actor,
  caseId: string,
  change: { to: "closed"; reason: ClosureReason } | { to: "open"; reason: ReopenReason },
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  const c = await requireOwnCase(db, actor, caseId);
  const from = change.to === "closed" ? "open" : "closed";
  const refusal = statusChangeRefusal(c, change.to);
  if (refusal) return fail(409, { reason: `protection.closure.refused.${change.to}` });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(beneficiaryCases)
      .set({ status: change.to, updatedAt: new Date() })
      .where(
        and(eq(beneficiaryCases.id, c.id), eq(beneficiaryCases.status, from), isNull(beneficiaryCases.anonymisedAt)),
      )
      .returning({ id: beneficiaryCases.id });
    if (!row) return fail(409, { reason: `protection.closure.refused.${change.to}` });
    await tx.insert(caseStatusChanges).values({
      caseId: c.id,
      status: change.to,
      reason: change.reason,
      changedById: actor.id,
      changedAt: meta.now ?? new Date(),
    });
    await auditRecord(
      tx,
      actor,
      change.to === "closed" ? "protection.case.close" : "protection.case.reopen",
      ["beneficiary_case", c.id],
      meta.ip,
    );
    return { ok: true as const };
  });
}

export function closeCase(db: Database, actor: Actor, caseId: string, reason: ClosureReason, meta: Meta) {
  return changeStatus(db, actor, caseId, { to: "closed", reason }, meta);
}

export function reopenCase(db: Database, actor: Actor, caseId: string, reason: ReopenReason, meta: Meta) {
  return changeStatus(db, actor, caseId, { to: "open", reason }, meta);
}

/** A case file's closings and reopenings, newest first, with who made them. */
export async function statusHistory(db: Executor, caseId: string) {
  return runPrepared(db, "protection_status_history", statusHistoryQuery, { id: caseId });
}
/** A change of a case's status as the case file lists it (also read within its one statement). */
export const statusChangeFields = {
  id: caseStatusChanges.id,
  status: caseStatusChanges.status,
  reason: caseStatusChanges.reason,
  changedAt: caseStatusChanges.changedAt,
  by: users.displayName,
};
const statusHistoryQuery = (db: Executor) =>
  db
    .select(statusChangeFields)
    .from(caseStatusChanges)
    .innerJoin(users, eq(users.id, caseStatusChanges.changedById))
    .where(eq(caseStatusChanges.caseId, sql.placeholder("id")))
    .orderBy(desc(caseStatusChanges.changedAt));
