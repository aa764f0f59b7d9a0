import { and, eq, ne } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { grantApplications, grantAwards, grantCalls, grantCriteria, grantTranches, type GrantCall } from "~db/schema";
import { audit, auditRecord } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { localizedText } from "~/lib/localized.server";
import type { Actor } from "./common.server";
import {
  checkTransition,
  splitTranches,
  trancheSchedule,
  tranchePercentsValid,
  weightsSumTo100,
  withMilestones,
} from "./rules";
import { type CallStatus } from "./constants";
import type { CallInput } from "./schemas.server";
import { fail, type Meta } from "~/lib/result";
import { endOfMoroccoDay, startOfMoroccoDay } from "~/lib/morocco-time";

/** A call's columns as the call form gives them (creating a call, or correcting a draft). */
export function callValues(input: CallInput) {
  const quotas = [
    ...(input.quotaWomen
      ? [{ trait: "woman" as const, basis: input.quotaWomenBasis, minPercent: input.quotaWomen }]
      : []),
    ...(input.quotaMigrants
      ? [{ trait: "migrant" as const, basis: input.quotaMigrantsBasis, minPercent: input.quotaMigrants }]
      : []),
  ];
  const tranches = trancheSchedule(input);
  return {
    titleFr: input.titleFr,
    titleAr: input.titleAr,
    titleEn: input.titleEn,
    descriptionFr: input.descriptionFr ?? "",
    descriptionAr: input.descriptionAr ?? "",
    descriptionEn: input.descriptionEn ?? "",
    audience: input.audience,
    minAge: input.minAge ?? null,
    maxAge: input.maxAge ?? null,
    regions: input.regions,
    requiredTrainings: input.requiredTrainings,
    opensAt: startOfMoroccoDay(input.opensOn),
    closesAt: endOfMoroccoDay(input.closesOn),
    reviewDeadline: endOfMoroccoDay(input.reviewDeadlineOn),
    budgetCentimes: input.budget,
    maxGrantCentimes: input.maxGrant,
    reviewersPerApplication: input.reviewersPerApplication,
    disagreementThreshold: input.disagreementThreshold,
    showNamesAfterScoring: input.showNamesAfterScoring === "on",
    quotas,
    tranches,
  };
}

export async function createCall(db: Database, actor: Actor, input: CallInput, meta: Meta = {}) {
  const rows = input.criteria;
  if (!weightsSumTo100(rows)) return fail(400, { rubric: "grants.errors.weights" });
  return db.transaction(async (tx) => {
    const [call] = await tx
      .insert(grantCalls)
      .values({
        ...callValues(input),
        createdById: actor.id,
      })
      .returning();
    if (!call) throw new Error("call not created");
    await tx.insert(grantCriteria).values(rows.map((r, i) => ({ ...r, callId: call.id, position: i + 1 })));
    await audit(tx, { actor, action: "grants.call.create", entityType: "grant_call", entityId: call.id, ip: meta.ip });
    return { ok: true as const, call };
  });
}

/** Edit the tranche schedule of a call; possible until its decisions are published (tranches are made then). */
export async function setTrancheSchedule(
  db: Database,
  actor: Actor,
  input: {
    callId: string;
    trancheSignature: number;
    trancheStarted: number;
    trancheSixMonths: number;
    trancheSixMonthsMilestone?: "on";
  },
  meta: Meta = {},
) {
  const tranches = trancheSchedule(input);
  if (!tranchePercentsValid(tranches.map((t) => t.percent)))
    return fail(400, { trancheSignature: "grants.errors.tranches" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(grantCalls)
      .set({ tranches })
      .where(and(eq(grantCalls.id, input.callId), ne(grantCalls.status, "decided")))
      .returning({ id: grantCalls.id });
    if (!row) return fail(409, { form: "grants.errors.scheduleLocked" });
    await audit(tx, { actor, action: "grants.call.schedule", entityType: "grant_call", entityId: row.id, ip: meta.ip });
    return { ok: true as const };
  });
}

/**
 * Move a call one step on, by the server clock. Deciding publishes: awarded and
 * rejected applications are marked, tranches scheduled, applicants notified.
 */
export async function transitionCall(
  db: Database,
  actor: Actor,
  input: { callId: string; to: CallStatus },
  meta: Meta = {},
) {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, input.callId)).for("update");
    if (!call) return fail(404, {});
    const check = checkTransition(call, input.to, now);
    if (!check.ok) return fail(409, { form: check.error });
    await tx
      .update(grantCalls)
      .set({ status: input.to, ...(input.to === "decided" ? { publishedAt: now } : {}) })
      .where(eq(grantCalls.id, call.id));
    if (input.to === "decided") await publishDecisions(tx, call, now);
    await auditRecord(tx, actor, `grants.call.${input.to}`, ["grant_call", call.id], meta.ip);
    return { ok: true as const };
  });
}

async function publishDecisions(tx: Executor, call: GrantCall, now: Date) {
  const awards = await tx.select().from(grantAwards).where(eq(grantAwards.callId, call.id));
  const awardedIds = awards.map((a) => a.applicationId);
  for (const award of awards) {
    const amounts = splitTranches(
      award.amountCentimes,
      call.tranches.map((t) => t.percent),
    );
    await tx.insert(grantTranches).values(
      withMilestones(call.tranches).map((t, i) => ({
        awardId: award.id,
        position: i + 1,
        percent: t.percent,
        amountCentimes: amounts[i] ?? 0,
        condition: t.condition,
        coachMilestone: t.coachMilestone,
      })),
    );
  }
  const live = await tx
    .select({ id: grantApplications.id, applicantId: grantApplications.applicantId, status: grantApplications.status })
    .from(grantApplications)
    .where(and(eq(grantApplications.callId, call.id), ne(grantApplications.status, "withdrawn")));
  for (const app of live) {
    const won = awardedIds.includes(app.id);
    if (won) await tx.update(grantApplications).set({ status: "awarded" }).where(eq(grantApplications.id, app.id));
    else if (app.status === "eligible" || app.status === "submitted")
      await tx.update(grantApplications).set({ status: "rejected" }).where(eq(grantApplications.id, app.id));
    if (won || app.status === "eligible" || app.status === "submitted") {
      await notify(tx, {
        userId: app.applicantId,
        kind: won ? "grants.notify.awarded" : "grants.notify.rejected",
        params: { call: localizedText(call, "title") },
        link: `/grants/applications/${app.id}`,
        channels: ["sms", "email"],
      });
    }
  }
  void now;
}
