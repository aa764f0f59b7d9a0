import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "~db/client";
import { grantApplications, grantCalls } from "~db/schema";
import { auditRecord } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { localizedText } from "~/lib/localized.server";
import { phoneConfirmedOrAbsent } from "~/modules/auth/phone.server";
import type { Actor } from "./common.server";
import { checkEligibility, isAcceptingApplications, type ApplicantFacts } from "./rules";
import { fail, type Meta } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import type { ForPerson } from "~/modules/office/types";

/**
 * Apply to an open call with a frozen copy of a complete plan. Eligibility is checked
 * here, at submission; the unique index keeps one live application per applicant and
 * call, even under concurrent submits. With `forPerson`, a member of staff applies for
 * a person at the office (docs/decisions/0104): the application is the person's, the
 * audit row names the staff member, and the on-behalf row is written in the same transaction.
 */
export async function submitApplication(
  db: Database,
  actor: Actor,
  input: {
    callId: string;
    planId: string | null;
    planSnapshot: Record<string, unknown>;
    requestedCentimes: number;
    facts: ApplicantFacts;
  },
  meta: Meta = {},
  forPerson?: ForPerson,
) {
  const now = meta.now ?? new Date();
  const applicantId = forPerson?.personId ?? actor.id;
  // an account with a phone proves it (a code by SMS) before it may apply; at the office, staff see the person
  if (!forPerson && !(await phoneConfirmedOrAbsent(db, actor.id)))
    return fail(403, { form: "errors.grants.phoneUnconfirmed" });
  const [call] = await db.select().from(grantCalls).where(eq(grantCalls.id, input.callId));
  if (!call) return fail(404, {});
  if (!isAcceptingApplications(call, now)) return fail(409, { form: "grants.errors.callNotOpen" });
  if (input.requestedCentimes <= 0) return fail(400, { form: "grants.errors.noAmount" });
  const eligibility = checkEligibility({ ...call, closesAt: call.closesAt }, input.facts);
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [app] = await tx
          .insert(grantApplications)
          .values({
            callId: call.id,
            applicantId,
            planId: input.planId,
            // a deep copy: later edits of the plan can never reach the submitted one
            planSnapshot: JSON.parse(JSON.stringify(input.planSnapshot)) as Record<string, unknown>,
            requestedCentimes: input.requestedCentimes,
            facts: { ...input.facts },
            isWoman: input.facts.sex === "female",
            isMigrant: input.facts.isMigrant === true,
            eligibilityFailures: eligibility.failures,
            status: eligibility.eligible ? "submitted" : "ineligible",
            submittedAt: now,
          })
          .returning();
        if (!app) throw new Error("application not created");
        await auditRecord(tx, actor, "grants.application.submit", ["grant_application", app.id], meta.ip);
        await forPerson?.record(tx, app.id);
        // the SMS is the only proof of applying for people without e-mail
        await notify(tx, {
          userId: applicantId,
          kind: "grants.notify.submitted",
          params: { call: localizedText(call, "title") },
          link: `/grants/applications/${app.id}`,
          channels: ["sms", "email"],
        });
        return { ok: true as const, application: app, eligibility };
      }),
    fail(409, { form: "grants.errors.alreadyApplied" }),
    "grant_applications_one_per_call_key",
  );
}

export async function withdrawApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        app: grantApplications,
        closesAt: grantCalls.closesAt,
        titleFr: grantCalls.titleFr,
        titleAr: grantCalls.titleAr,
        titleEn: grantCalls.titleEn,
      })
      .from(grantApplications)
      .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
      .where(and(eq(grantApplications.id, input.applicationId), eq(grantApplications.applicantId, actor.id)));
    if (!row) return fail(404, {});
    if (now >= row.closesAt || !["submitted", "eligible", "ineligible"].includes(row.app.status))
      return fail(409, { form: "grants.errors.cannotWithdraw" });
    await tx
      .update(grantApplications)
      .set({ status: "withdrawn", withdrawnAt: now })
      .where(eq(grantApplications.id, row.app.id));
    await auditRecord(tx, actor, "grants.application.withdraw", ["grant_application", row.app.id], meta.ip);
    await notify(tx, {
      userId: actor.id,
      kind: "grants.notify.withdrawn",
      params: { call: localizedText(row, "title") },
      link: `/grants/applications/${row.app.id}`,
      channels: ["sms", "email"],
    });
    return { ok: true as const };
  });
}

/** Screening: the admin confirms or overturns the automatic check, with a reason. */
export async function screenApplication(
  db: Database,
  actor: Actor,
  input: { applicationId: string; decision: "eligible" | "ineligible"; reason: string },
  meta: Meta = {},
) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantApplications)
      .set({ status: input.decision, screeningReason: input.reason, screenedAt: meta.now ?? new Date() })
      .where(
        and(
          eq(grantApplications.id, input.applicationId),
          inArray(grantApplications.status, ["submitted", "eligible", "ineligible"]),
        ),
      )
      .returning({ id: grantApplications.id });
    if (!updated) return fail(409, { form: "grants.errors.notScreenable" });
    await auditRecord(tx, actor, `grants.application.${input.decision}`, ["grant_application", updated.id], meta.ip);
    return { ok: true as const };
  });
}
