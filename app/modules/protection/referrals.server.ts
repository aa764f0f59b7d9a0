/** Referrals and transfers of a case to another association. */
import { and, eq, isNotNull, not } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { beneficiaryCases, caseReferrals, organisations, users } from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { notify } from "~/modules/notifications/service.server";
import { textInEveryLocale } from "~/i18n/dictionaries.server";
import { forbidden, notFound, requireOwnCase } from "./case-access.server";
import { lockCase } from "./cases.server";
import { isSupervisor } from "./queries.server";
import { currentConsent, referralConsentHolds, referralNotExpired } from "./reach.server";
import { referralAllowed } from "./rules";
import type { ReferralInput } from "./schemas.server";
import { fail, type Failure, type Meta } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";

/**
 * Tell the receiving association's case workers (those whose access is confirmed) that a
 * request waits: its reason and urgency only, never the case or the person.
 */
async function notifyReceivers(
  tx: Executor,
  actor: Actor,
  input: { toOrganisationId: string; reason: ReferralInput["reason"]; urgency: ReferralInput["urgency"] },
) {
  const receivers = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, input.toOrganisationId),
        eq(users.role, "case_worker"),
        eq(users.isActive, true),
        isNotNull(users.caseAccessOrganisationId),
        eq(users.caseAccessOrganisationId, input.toOrganisationId),
      ),
    );
  const params = {
    reason: textInEveryLocale(`protection.referral.reason.${input.reason}`),
    urgency: textInEveryLocale(`protection.referral.urgency.${input.urgency}`),
  };
  for (const r of receivers)
    await notify(tx, {
      userId: r.id,
      kind: "protection.notify.referral",
      params,
      link: "/protection/referrals",
      channels: ["email"],
      actorId: actor.id,
    });
}

/** The request's row: who asks whom, why, how urgent, what it shares (nothing unless ticked). */
function referralRow(actor: Actor, c: { id: string; organisationId: string }, input: ReferralInput, override: boolean) {
  return {
    caseId: c.id,
    kind: input.kind,
    fromOrganisationId: c.organisationId,
    toOrganisationId: input.toOrganisationId,
    requestedById: actor.id,
    consentOverrideById: override ? actor.id : null,
    consentOverrideReason: override ? (input.overrideReason ?? null) : null,
    reason: input.reason,
    urgency: input.urgency,
    requestedServices: [...new Set(input.services)],
    shareIdentity: input.share.includes("identity"),
    shareServices: input.share.includes("services"),
    shareNotes: input.share.includes("notes"),
    shareVulnerability: input.share.includes("vulnerability"),
  };
}

/**
 * Refer a case to another association (shared access) or transfer it (ownership
 * moves on acceptance). Both share the person's data: refused without their consent
 * to referral, unless a supervisor records an override with a reason.
 */
export async function requestReferral(
  db: Database,
  actor: Actor,
  caseId: string,
  input: ReferralInput,
  meta: Meta,
): Promise<{ ok: true; referralId: string } | Failure> {
  const c = await requireOwnCase(db, actor, caseId);
  if (input.toOrganisationId === c.organisationId) return fail(400, { toOrganisationId: "errors.invalid" });
  const [target] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.toOrganisationId), eq(organisations.kind, "partner_association")));
  if (!target) return fail(400, { toOrganisationId: "errors.invalid" });
  const consent = await currentConsent(db, c.id);
  const supervisor = input.overrideReason ? await isSupervisor(db, actor.id) : false;
  const decision = referralAllowed(
    consent,
    input.toOrganisationId,
    input.overrideReason ? { bySupervisor: supervisor, reason: input.overrideReason } : null,
  );
  if (decision === "noConsent" || decision === "partnerNotNamed") {
    await auditRecord(db, actor, "protection.referral.refused_no_consent", ["beneficiary_case", c.id], meta.ip);
    if (input.overrideReason && !supervisor)
      return fail(400, { overrideReason: "protection.errors.overrideSupervisorOnly" });
    if (input.overrideReason) return fail(400, { overrideReason: "protection.errors.overrideReason" });
    if (decision === "partnerNotNamed") return fail(400, { toOrganisationId: "protection.errors.partnerNotNamed" });
    return fail(400, { form: "protection.errors.noReferralConsent" });
  }
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        // a request left undecided past its time lapses (rejected, decided by no one): it no longer blocks a new one
        await tx
          .update(caseReferrals)
          .set({ status: "rejected", decidedAt: new Date() })
          .where(and(eq(caseReferrals.caseId, c.id), eq(caseReferrals.status, "pending"), not(referralNotExpired())));
        const [row] = await tx
          .insert(caseReferrals)
          .values(referralRow(actor, c, input, decision === "override"))
          .returning({ id: caseReferrals.id });
        if (!row) throw new Error("referral not created");
        await auditRecord(tx, actor, `protection.${input.kind}.request`, ["beneficiary_case", c.id], meta.ip);
        await notifyReceivers(tx, actor, input);
        if (decision === "override")
          await auditRecord(tx, actor, "protection.consent.override", ["beneficiary_case", c.id], meta.ip);
        return { ok: true as const, referralId: row.id };
      }),
    fail(400, { form: "protection.errors.referralPending" }),
  );
}

/**
 * The receiving association accepts or rejects; a pending request is decided once, before
 * it lapses, and is accepted only while the person's consent to referral still holds. The
 * decision waits for the case's row (lockCase), so it never slips past a withdrawal.
 */
export async function decideReferral(
  db: Database,
  actor: Actor,
  referralId: string,
  decision: "accept" | "reject",
  meta: Meta,
) {
  if (actor.role !== "case_worker" || !actor.organisationId) forbidden();
  const org = actor.organisationId;
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ caseId: caseReferrals.caseId })
      .from(caseReferrals)
      .where(and(eq(caseReferrals.id, referralId), eq(caseReferrals.toOrganisationId, org)));
    if (!target) notFound();
    await lockCase(tx, target.caseId);
    const [row] = await tx
      .update(caseReferrals)
      .set({ status: decision === "accept" ? "accepted" : "rejected", decidedById: actor.id, decidedAt: new Date() })
      .where(
        and(
          eq(caseReferrals.id, referralId),
          eq(caseReferrals.toOrganisationId, org),
          eq(caseReferrals.status, "pending"),
          referralNotExpired(),
          decision === "accept" ? referralConsentHolds() : undefined,
        ),
      )
      .returning();
    if (!row) notFound();
    if (row.kind === "transfer" && decision === "accept") {
      await tx
        .update(beneficiaryCases)
        .set({ organisationId: org, assignedToId: actor.id, updatedAt: new Date() })
        .where(eq(beneficiaryCases.id, row.caseId));
    }
    await auditRecord(tx, actor, `protection.${row.kind}.${decision}`, ["beneficiary_case", row.caseId], meta.ip);
    return row;
  });
}
