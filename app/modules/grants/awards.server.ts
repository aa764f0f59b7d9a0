import { and, eq, isNotNull, isNull, sql, TransactionRollbackError } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { grantApplications, grantAssignments, grantAwards, grantCalls, grantTranches } from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { notify } from "~/modules/notifications/service.server";
import { amountText } from "~/modules/notifications/rules";
import type { Actor } from "./common.server";
import { proposalForCall } from "./queries.server";
import { awardReference, awardReviewCheck, mayConfirmTranche } from "./rules";
import { isUniqueViolation } from "~db/errors";
import { fail, type Failure, type Meta } from "~/lib/result";

/**
 * Approve one award. The conditional update on the call row adds the amount only if
 * it still fits the budget (and the call is in deliberation); the row lock it takes
 * makes concurrent approvals queue, each re-checking the budget. A check constraint
 * stands behind it.
 */
export async function approveAward(
  db: Executor,
  actor: Actor,
  input: {
    applicationId: string;
    amountCentimes?: number;
    justification?: string | null;
    reviewOverride?: string | null;
  },
  meta: Meta = {},
) {
  return db
    .transaction(async (tx) => {
      const [app] = await tx
        .select({ app: grantApplications, call: grantCalls })
        .from(grantApplications)
        .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
        .where(eq(grantApplications.id, input.applicationId));
      if (!app) return fail(404, {});
      if (app.app.status !== "eligible") return fail(409, { form: "grants.errors.notAwardable" });
      const [existing] = await tx
        .select({ id: grantAwards.id })
        .from(grantAwards)
        .where(eq(grantAwards.applicationId, app.app.id));
      if (existing) return fail(409, { form: "grants.errors.alreadyAwarded" });
      const reviews = await reviewGate(tx, actor, app.app.id, app.call.reviewersPerApplication, input.reviewOverride);
      if (reviews.failure) return reviews.failure;
      const amount = input.amountCentimes ?? Math.min(app.app.requestedCentimes, app.call.maxGrantCentimes);
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > app.call.maxGrantCentimes)
        return fail(400, { amount: "grants.errors.amountAboveMax" });
      const [updated] = await tx
        .update(grantCalls)
        .set({ awardedCentimes: sql`${grantCalls.awardedCentimes} + ${amount}` })
        .where(
          and(
            eq(grantCalls.id, app.call.id),
            eq(grantCalls.status, "deliberation"),
            sql`${grantCalls.awardedCentimes} + ${amount} <= ${grantCalls.budgetCentimes}`,
          ),
        )
        .returning({ awarded: grantCalls.awardedCentimes });
      if (!updated)
        return fail(409, {
          form: app.call.status === "deliberation" ? "grants.errors.overBudget" : "grants.errors.notDeliberating",
        });
      const [award] = await tx
        .insert(grantAwards)
        .values({
          reference: awardReference(app.call.closesAt.getUTCFullYear(), app.app.number),
          callId: app.call.id,
          applicationId: app.app.id,
          amountCentimes: amount,
          justification: input.justification ?? null,
          reviewOverrideReason: reviews.overrideReason,
          approvedById: actor.id,
        })
        .returning();
      await auditRecord(tx, actor, "grants.award.approve", ["grant_award", award?.id], meta.ip);
      return { ok: true as const, award };
    })
    .catch((error: unknown) => {
      // two approvals of the same application at once: the unique index lets one through
      if (
        isUniqueViolation(error, "grant_awards_application_key") ||
        isUniqueViolation(error, "grant_awards_reference_unique")
      )
        return fail(409, { form: "grants.errors.alreadyAwarded" });
      throw error;
    });
}

/**
 * The submitted reviews of an application, counted with their rows held in share mode: an
 * admin reopening one of them waits for this award to commit, and a reopening that
 * committed first is not counted. Too few, and the award needs an admin's reason.
 */
async function reviewGate(
  tx: Executor,
  actor: Actor,
  applicationId: string,
  required: number,
  overrideReason: string | null | undefined,
): Promise<{ failure: Failure | null; overrideReason: string | null }> {
  const held = await tx
    .select({ id: grantAssignments.id })
    .from(grantAssignments)
    .where(and(eq(grantAssignments.applicationId, applicationId), isNotNull(grantAssignments.submittedAt)))
    .for("share");
  const check = awardReviewCheck({ submitted: held.length, required, overrideReason, byAdmin: actor.role === "admin" });
  if (check === "enough") return { failure: null, overrideReason: null };
  if (check === "override") return { failure: null, overrideReason: overrideReason!.trim() };
  return {
    failure: fail(409, {
      reviewOverride: check === "reasonTooShort" ? "grants.errors.overrideReason" : "grants.errors.fewReviews",
    }),
    overrideReason: null,
  };
}

/** The chair removes an award during deliberation, with a written justification; the budget is given back. */
export async function removeAward(
  db: Database,
  actor: Actor,
  input: { applicationId: string; justification: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [award] = await tx
      .select({ award: grantAwards, status: grantCalls.status })
      .from(grantAwards)
      .innerJoin(grantCalls, eq(grantCalls.id, grantAwards.callId))
      .where(eq(grantAwards.applicationId, input.applicationId));
    if (!award) return fail(404, {});
    if (award.status !== "deliberation") return fail(409, { form: "grants.errors.notDeliberating" });
    await tx.delete(grantAwards).where(eq(grantAwards.id, award.award.id));
    await tx
      .update(grantCalls)
      .set({ awardedCentimes: sql`${grantCalls.awardedCentimes} - ${award.award.amountCentimes}` })
      .where(eq(grantCalls.id, award.award.callId));
    await auditRecord(tx, actor, "grants.award.remove", ["grant_application", input.applicationId], meta.ip);
    return { ok: true as const };
  });
}

/** The chair changes one line of the proposal (award with an amount, or remove), always with a justification. */
export async function changeAward(
  db: Database,
  actor: Actor,
  input: {
    applicationId: string;
    change: "award" | "remove";
    amountCentimes?: number;
    justification: string;
    reviewOverride?: string;
  },
  meta: Meta = {},
) {
  if (input.change === "remove") return removeAward(db, actor, input, meta);
  let refused: Failure | null = null;
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select().from(grantAwards).where(eq(grantAwards.applicationId, input.applicationId));
      if (existing) {
        await tx.delete(grantAwards).where(eq(grantAwards.id, existing.id));
        await tx
          .update(grantCalls)
          .set({ awardedCentimes: sql`${grantCalls.awardedCentimes} - ${existing.amountCentimes}` })
          .where(eq(grantCalls.id, existing.callId));
      }
      const result = await approveAward(tx, actor, { ...input, justification: input.justification }, meta);
      if (!result.ok) {
        // undo the removal of the old amount too: the change is all or nothing
        refused = result;
        tx.rollback();
      }
      await auditRecord(tx, actor, "grants.award.change", ["grant_application", input.applicationId], meta.ip);
      return result;
    })
    .catch((error: unknown) => {
      if (refused && error instanceof TransactionRollbackError) return refused;
      throw error;
    });
}

/** Accept the proposal as computed now: every line approved in one transaction, or none. */
export async function acceptProposal(db: Database, actor: Actor, input: { callId: string }, meta: Meta = {}) {
  const proposal = await proposalForCall(db, input.callId);
  if (!proposal) return fail(404, {});
  try {
    return await db.transaction(async (tx) => {
      const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, input.callId)).for("update");
      if (!call || call.status !== "deliberation") return fail(409, { form: "grants.errors.notDeliberating" });
      const already = await tx.select({ id: grantAwards.id }).from(grantAwards).where(eq(grantAwards.callId, call.id));
      if (already.length) return fail(409, { form: "grants.errors.proposalAlreadyAccepted" });
      for (const line of proposal.proposal.awards) {
        const r = await approveAward(
          tx,
          actor,
          { applicationId: line.applicationId, amountCentimes: line.amountCentimes },
          meta,
        );
        if (!r.ok) throw new ProposalFailed();
      }
      await auditRecord(tx, actor, "grants.proposal.accept", ["grant_call", call.id], meta.ip);
      return { ok: true as const, awards: proposal.proposal.awards.length };
    });
  } catch (error) {
    if (error instanceof ProposalFailed) return fail(409, { form: "grants.errors.overBudget" });
    throw error;
  }
}
class ProposalFailed extends Error {}

export async function setDecisionComment(
  db: Database,
  actor: Actor,
  input: { applicationId: string; comment: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(grantApplications)
      .set({ decisionComment: input.comment })
      .where(eq(grantApplications.id, input.applicationId))
      .returning({ id: grantApplications.id });
    if (!row) return fail(404, {});
    await auditRecord(tx, actor, "grants.application.comment", ["grant_application", row.id], meta.ip);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- tranches

/** Why a tranche could not be paid: an earlier one is unpaid, or it is paid or unconfirmed already. */
async function whyNotPayable(tx: Executor, trancheId: string) {
  const [row] = await tx.execute<{ earlier_unpaid: boolean }>(
    sql`select exists (select 1 from grant_tranches earlier join grant_tranches t on t.award_id = earlier.award_id
      where t.id = ${trancheId} and earlier.position < t.position and earlier.paid_at is null) as earlier_unpaid`,
  );
  return row?.earlier_unpaid ? "grants.errors.earlierTrancheUnpaid" : "grants.errors.notPayable";
}

/**
 * Confirm a tranche's condition: signature and six months by an admin (six months only
 * once six months have passed since the award); the business having started by the
 * beneficiary's current coach, or an admin.
 */
export async function confirmTrancheCondition(
  db: Database,
  actor: Actor,
  input: { trancheId: string },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ tranche: grantTranches, award: grantAwards, applicantId: grantApplications.applicantId })
      .from(grantTranches)
      .innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
      .innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
      .where(eq(grantTranches.id, input.trancheId))
      .for("update", { of: grantTranches });
    if (!row) return fail(404, {});
    const isAdmin = actor.role === "admin";
    const isCurrentCoach = actor.role === "coach" && (await isCurrentCoachOf(tx, actor.id, row.applicantId));
    if (!mayConfirmTranche(row.tranche, { isAdmin, isCurrentCoach })) return fail(404, {});
    if (row.tranche.conditionConfirmedAt) return fail(409, { form: "grants.errors.alreadyConfirmed" });
    if (row.tranche.condition === "six_months") {
      const due = new Date(row.award.approvedAt);
      due.setUTCMonth(due.getUTCMonth() + 6);
      if (now < due) return fail(409, { form: "grants.errors.notYetSixMonths" });
    }
    await tx
      .update(grantTranches)
      .set({ conditionConfirmedAt: now, conditionConfirmedById: actor.id })
      .where(eq(grantTranches.id, row.tranche.id));
    await auditRecord(tx, actor, "grants.tranche.confirm", ["grant_tranche", row.tranche.id], meta.ip);
    return { ok: true as const };
  });
}

/**
 * Pay a confirmed tranche, in order: the award's row is locked first, so two payments of
 * one award take turns; the conditional update pays the tranche only if every earlier
 * one is paid, and the award's paid total rises only if it stays within the award (a
 * check constraint behind it).
 */
export async function payTranche(
  db: Database,
  actor: Actor,
  input: { trancheId: string; method: "bank_transfer" | "cash" | "mobile_money"; reference: string },
  meta: Meta = {},
) {
  return db
    .transaction(async (tx) => {
      await tx.execute(
        sql`select 1 from ${grantAwards} where ${grantAwards.id} =
          (select award_id from ${grantTranches} where ${grantTranches.id} = ${input.trancheId}) for update`,
      );
      // read once the award is ours: a payment that waited for an earlier tranche's is later than it
      const now = meta.now ?? new Date();
      const [paid] = await tx
        .update(grantTranches)
        .set({ paidAt: now, paidById: actor.id, method: input.method, paymentReference: input.reference })
        .where(
          and(
            eq(grantTranches.id, input.trancheId),
            isNull(grantTranches.paidAt),
            sql`${grantTranches.conditionConfirmedAt} is not null`,
            sql`not exists (select 1 from grant_tranches earlier where earlier.award_id = ${grantTranches.awardId}
              and earlier.position < ${grantTranches.position} and earlier.paid_at is null)`,
          ),
        )
        .returning();
      if (!paid) return fail(409, { form: await whyNotPayable(tx, input.trancheId) });
      const [award] = await tx
        .update(grantAwards)
        .set({ paidCentimes: sql`${grantAwards.paidCentimes} + ${paid.amountCentimes}` })
        .where(
          and(
            eq(grantAwards.id, paid.awardId),
            sql`${grantAwards.paidCentimes} + ${paid.amountCentimes} <= ${grantAwards.amountCentimes}`,
          ),
        )
        .returning({ applicationId: grantAwards.applicationId });
      if (!award) tx.rollback();
      const [app] = await tx
        .select({ applicantId: grantApplications.applicantId })
        .from(grantApplications)
        .where(eq(grantApplications.id, award!.applicationId));
      if (app)
        await notify(tx, {
          userId: app.applicantId,
          kind: "grants.notify.paid",
          params: { amount: amountText(paid.amountCentimes) },
          link: `/grants/applications/${award!.applicationId}`,
          // by e-mail too: people with no phone would otherwise hear of it only in the portal
          channels: ["sms", "email"],
        });
      await auditRecord(tx, actor, "grants.tranche.pay", ["grant_tranche", paid.id], meta.ip);
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return fail(409, { form: "grants.errors.overpaid" });
      throw error;
    });
}
