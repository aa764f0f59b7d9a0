/**
 * Admins cannot grant protection access on their own (docs/decisions:
 * 0090-admins-cannot-grant-protection-access): whenever an admin's act could put a
 * case-worker account in someone's hands — a new account, a role change to case worker, a
 * move to another association, a set-up code the admin sees — the account waits until a
 * supervisor of its association confirms it (app/modules/protection/staff.server.ts).
 * Until then its session carries no association (session.server.ts).
 */
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { beneficiaryCases, caseReferrals, organisations, users } from "~db/schema";
import type { CaseAccessPendingReason } from "./constants";

type CaseAccessColumns = Pick<
  typeof users.$inferInsert,
  | "caseAccessOrganisationId"
  | "caseAccessConfirmedById"
  | "caseAccessConfirmedAt"
  | "caseAccessPendingReason"
  | "caseAccessPendingSince"
>;

/** No protection access, and nothing waiting: an account that is not (or no longer) a case worker. */
export const NO_CASE_ACCESS: CaseAccessColumns = {
  caseAccessOrganisationId: null,
  caseAccessConfirmedById: null,
  caseAccessConfirmedAt: null,
  caseAccessPendingReason: null,
  caseAccessPendingSince: null,
};

/**
 * Has the association anything to protect, or anyone to confirm a newcomer? An association
 * with no case file, no referral sent to it and no confirmed case worker (other than
 * `exceptUserId`) is a new one: its first account is confirmed at once, there being no
 * data to reach and no supervisor to ask. Takes the association's row lock, so two first
 * accounts made at once are judged one after the other.
 */
async function associationIsEmpty(tx: Executor, organisationId: string, exceptUserId: string | null) {
  await tx.execute(sql`select 1 from ${organisations} where ${organisations.id} = ${organisationId} for update`);
  const [row] = await tx.execute<{ busy: boolean }>(sql`select (
      exists (select 1 from ${beneficiaryCases} where ${beneficiaryCases.organisationId} = ${organisationId})
      or exists (select 1 from ${caseReferrals} where ${caseReferrals.toOrganisationId} = ${organisationId})
      or exists (select 1 from ${users} where ${and(
        eq(users.caseAccessOrganisationId, organisationId),
        eq(users.organisationId, organisationId),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      )})
    ) as busy`);
  return !row?.busy;
}

/**
 * The protection-access columns of a case-worker account an admin puts in `organisationId`
 * (in the caller's transaction): waiting for the association's supervisor, or confirmed at
 * once for the first account of an empty association.
 */
export async function caseAccessOnEntry(
  tx: Executor,
  organisationId: string,
  reason: CaseAccessPendingReason,
  userId: string | null = null,
): Promise<CaseAccessColumns> {
  if (await associationIsEmpty(tx, organisationId, userId))
    return { ...NO_CASE_ACCESS, caseAccessOrganisationId: organisationId, caseAccessConfirmedAt: new Date() };
  return { ...NO_CASE_ACCESS, caseAccessPendingReason: reason, caseAccessPendingSince: new Date() };
}

/**
 * An admin issued a set-up code for a case worker (and saw it): whoever sets the password
 * with it may not be the person, so the account waits for its supervisor again. Returns
 * whether it now waits.
 */
export async function suspendCaseAccess(tx: Executor, userId: string): Promise<boolean> {
  const [user] = await tx
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "case_worker"), isNotNull(users.organisationId)));
  if (!user?.organisationId) return false;
  const columns = await caseAccessOnEntry(tx, user.organisationId, "new_code", userId);
  await tx
    .update(users)
    .set({ ...columns, updatedAt: new Date() })
    .where(eq(users.id, userId));
  return columns.caseAccessOrganisationId === null;
}
