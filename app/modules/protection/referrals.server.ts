/** Referrals and transfers of a case to another association. */
import { and, eq, not } from "drizzle-orm";
import type { Database } from "~db/client";
import { beneficiaryCases, caseReferrals, organisations } from "~db/schema";
import { audit } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireOwnCase } from "./case-access.server";
import { currentConsent, isSupervisor, referralConsentHolds, referralNotExpired } from "./queries.server";
import { referralAllowed } from "./rules";
import type { ReferralInput } from "./schemas.server";
import { fail, type Failure, type Meta } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";

/** drizzle wraps the driver's error: the SQLSTATE is on the error or its cause. */

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
    input.overrideReason ? { bySupervisor: supervisor, reason: input.overrideReason } : null,
  );
  if (decision === "refused") {
    await audit(db, {
      actor,
      action: "protection.referral.refused_no_consent",
      entityType: "beneficiary_case",
      entityId: c.id,
      ip: meta.ip,
    });
    if (input.overrideReason && !supervisor)
      return fail(400, { overrideReason: "protection.errors.overrideSupervisorOnly" });
    if (input.overrideReason) return fail(400, { overrideReason: "protection.errors.overrideReason" });
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
          .values({
            caseId: c.id,
            kind: input.kind,
            fromOrganisationId: c.organisationId,
            toOrganisationId: input.toOrganisationId,
            requestedById: actor.id,
            consentOverrideById: decision === "override" ? actor.id : null,
            consentOverrideReason: decision === "override" ? (input.overrideReason ?? null) : null,
          })
          .returning({ id: caseReferrals.id });
        if (!row) throw new Error("referral not created");
        await audit(tx, {
          actor,
          action: `protection.${input.kind}.request`,
          entityType: "beneficiary_case",
          entityId: c.id,
          ip: meta.ip,
        });
        if (decision === "override")
          await audit(tx, {
            actor,
            action: "protection.consent.override",
            entityType: "beneficiary_case",
            entityId: c.id,
            ip: meta.ip,
          });
        return { ok: true as const, referralId: row.id };
      }),
    fail(400, { form: "protection.errors.referralPending" }),
  );
}

/**
 * The receiving association accepts or rejects; a pending request is decided once, before
 * it lapses, and is accepted only while the person's consent to referral still holds.
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
    await audit(tx, {
      actor,
      action: `protection.${row.kind}.${decision}`,
      entityType: "beneficiary_case",
      entityId: row.caseId,
      ip: meta.ip,
    });
    return row;
  });
}
