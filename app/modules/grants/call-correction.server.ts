/**
 * Correcting a call for proposals (issue 15): a draft is corrected whole (rubric
 * included); an opened call only as `openCallRefusals` allows. Each write is a
 * conditional update on the status read, so a correction racing with "open" (or any
 * other step) cannot apply what the new status forbids: the transition locks the row,
 * the update waits, finds the status changed, and changes nothing. The audit row names
 * the fields changed; applicants are told of a date or a text changed.
 * docs/decisions/0109-call-correction.md
 */
import { and, eq, lte, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { grantApplications, grantCalls, grantCriteria, type GrantCall } from "~db/schema";
import { changedFields } from "~/lib/changes";
import { localizedText } from "~/lib/localized.server";
import { endOfMoroccoDay, moroccoToday } from "~/lib/morocco-time";
import { moneyInputValue } from "~/lib/money";
import { fail, type Failure, type Meta } from "~/lib/result";
import { auditRecord } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { whenParams } from "~/modules/notifications/rules";
import type { Actor } from "./common.server";
import { callValues } from "./calls.server";
import { announcedChange, openCallRefusals } from "./correction-rules";
import { weightsSumTo100, withMilestones } from "./rules";
import type { CallInput, OpenCallCorrectionInput } from "./schemas.server";

type Corrected = { ok: true; fields: string[] } | Failure;

const MEANWHILE = { form: "grants.errors.callChangedMeanwhile" } as const;

const rubricKey = (rows: readonly Omit<typeof grantCriteria.$inferInsert, "callId" | "position">[]) =>
  JSON.stringify(
    rows.map((r) => [
      r.labelFr,
      r.labelAr ?? "",
      r.labelEn ?? "",
      r.descriptionFr ?? "",
      r.descriptionAr ?? "",
      r.descriptionEn ?? "",
      r.maxScore,
      r.weight,
    ]),
  );

/** A day typed in the form: the stored instant when it is the same day, else the end of that day. */
function sameDayOr(stored: Date, day: string): Date {
  return moroccoToday(stored) === day ? stored : endOfMoroccoDay(day);
}

/** Everything of a draft call, rubric included; refused (409) if the call opened meanwhile. */
export async function correctDraftCall(
  db: Database,
  actor: Actor,
  callId: string,
  input: CallInput,
  meta: Meta = {},
): Promise<Corrected> {
  if (!weightsSumTo100(input.criteria)) return fail(400, { rubric: "grants.errors.weights" });
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, callId));
    if (!call) return fail(404, {});
    if (call.status !== "draft") return fail(409, MEANWHILE);
    const values = callValues(input);
    const changed = changedFields(
      { ...call, tranches: withMilestones(call.tranches) },
      {
        ...values,
        opensAt: sameDayOr(call.opensAt, moroccoToday(values.opensAt)),
        closesAt: sameDayOr(call.closesAt, input.closesOn),
        reviewDeadline: sameDayOr(call.reviewDeadline, input.reviewDeadlineOn),
      },
    );
    const stored = await tx
      .select()
      .from(grantCriteria)
      .where(eq(grantCriteria.callId, call.id))
      .orderBy(grantCriteria.position);
    const { changes } = changed;
    const fields: string[] = [...changed.fields];
    const rubricChanged = rubricKey(stored) !== rubricKey(input.criteria);
    if (rubricChanged) fields.push("criteria");
    if (fields.length === 0) return { ok: true as const, fields };
    // the condition, not the read above, decides: an "open" committed meanwhile makes it match nothing
    const [row] = await tx
      .update(grantCalls)
      .set({ ...changes, status: "draft" })
      .where(and(eq(grantCalls.id, call.id), eq(grantCalls.status, "draft")))
      .returning({ id: grantCalls.id });
    if (!row) return fail(409, MEANWHILE);
    if (rubricChanged) {
      // a draft has no applications, so no review scores hang on its criteria
      await tx.delete(grantCriteria).where(eq(grantCriteria.callId, call.id));
      await tx.insert(grantCriteria).values(input.criteria.map((r, i) => ({ ...r, callId: call.id, position: i + 1 })));
    }
    await auditRecord(tx, actor, "grants.call.correct", ["grant_call", call.id], meta.ip, fields);
    return { ok: true as const, fields };
  });
}

/** The texts, later dates, a higher budget of an opened call; applicants told of dates and texts. */
export async function correctOpenCall(
  db: Database,
  actor: Actor,
  callId: string,
  input: OpenCallCorrectionInput,
  meta: Meta = {},
): Promise<Corrected> {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(grantCalls).where(eq(grantCalls.id, callId));
    if (!call) return fail(404, {});
    const next = {
      titleFr: input.titleFr,
      titleAr: input.titleAr,
      titleEn: input.titleEn,
      descriptionFr: input.descriptionFr,
      descriptionAr: input.descriptionAr,
      descriptionEn: input.descriptionEn,
      closesAt: sameDayOr(call.closesAt, input.closesOn),
      reviewDeadline: sameDayOr(call.reviewDeadline, input.reviewDeadlineOn),
      budgetCentimes: input.budget,
    };
    const refusals = openCallRefusals(call, next, now);
    if (Object.keys(refusals).length) return fail(refusals.form ? 409 : 400, refusals);
    const { fields, changes } = changedFields(call, next);
    if (fields.length === 0) return { ok: true as const, fields };
    // the limits again, in the update itself: same status as read, dates and budget only up
    const [row] = await tx
      .update(grantCalls)
      .set(changes)
      .where(
        and(
          eq(grantCalls.id, call.id),
          eq(grantCalls.status, call.status),
          lte(grantCalls.closesAt, next.closesAt),
          lte(grantCalls.reviewDeadline, next.reviewDeadline),
          lte(grantCalls.budgetCentimes, next.budgetCentimes),
          ...(fields.includes("closesAt")
            ? [eq(grantCalls.status, "open"), sql`${next.closesAt.toISOString()}::timestamptz > now()`]
            : []),
        ),
      )
      .returning();
    if (!row) return fail(409, MEANWHILE);
    await auditRecord(tx, actor, "grants.call.correct", ["grant_call", call.id], meta.ip, fields);
    await tellApplicants(tx, row, announcedChange(fields), actor.id);
    return { ok: true as const, fields };
  });
}

/** Everyone with a live application to the call: a date moved (SMS and e-mail), a text changed (e-mail). */
async function tellApplicants(tx: Executor, call: GrantCall, change: "dates" | "texts" | null, actorId: string) {
  if (!change) return;
  const applicants = await tx
    .selectDistinct({ id: grantApplications.applicantId })
    .from(grantApplications)
    .where(and(eq(grantApplications.callId, call.id), ne(grantApplications.status, "withdrawn")));
  const closes = whenParams(call.closesAt);
  for (const a of applicants) {
    await notify(tx, {
      userId: a.id,
      kind: change === "dates" ? "grants.notify.callDates" : "grants.notify.callTexts",
      params: { call: localizedText(call, "title"), date: closes.date, time: closes.time },
      link: "/grants",
      channels: change === "dates" ? ["sms", "email"] : ["email"],
      actorId,
    });
  }
}

/** A stored call as the call form's values (the form shown filled in for a correction). */
export function callFormValues(
  call: GrantCall,
  criteria: readonly (typeof grantCriteria.$inferSelect)[],
): Record<string, string> {
  const quota = (trait: "woman" | "migrant") => call.quotas.find((q) => q.trait === trait);
  const tranche = (condition: string) => String(call.tranches.find((t) => t.condition === condition)?.percent ?? 0);
  const values: Record<string, string> = {
    titleFr: call.titleFr,
    titleAr: call.titleAr,
    titleEn: call.titleEn,
    descriptionFr: call.descriptionFr,
    descriptionAr: call.descriptionAr,
    descriptionEn: call.descriptionEn,
    audience: call.audience,
    minAge: call.minAge?.toString() ?? "",
    maxAge: call.maxAge?.toString() ?? "",
    opensOn: moroccoToday(call.opensAt),
    closesOn: moroccoToday(call.closesAt),
    reviewDeadlineOn: moroccoToday(call.reviewDeadline),
    budget: moneyInputValue(call.budgetCentimes),
    maxGrant: moneyInputValue(call.maxGrantCentimes),
    reviewersPerApplication: String(call.reviewersPerApplication),
    disagreementThreshold: String(call.disagreementThreshold),
    quotaWomen: quota("woman")?.minPercent.toString() ?? "",
    quotaWomenBasis: quota("woman")?.basis ?? "awards",
    quotaMigrants: quota("migrant")?.minPercent.toString() ?? "",
    quotaMigrantsBasis: quota("migrant")?.basis ?? "awards",
    trancheSignature: tranche("signature"),
    trancheStarted: tranche("business_started"),
    trancheSixMonths: tranche("six_months"),
  };
  if (call.showNamesAfterScoring) values.showNamesAfterScoring = "on";
  if (call.tranches.some((t) => t.condition === "six_months" && t.coachMilestone))
    values.trancheSixMonthsMilestone = "on";
  if (call.regions.length) {
    values.regions = call.regions[0]!;
    values["regions[]"] = call.regions.join("\n");
  }
  criteria.forEach((c, i) => {
    const row = `criteria[${i}]`;
    Object.assign(values, {
      [`${row}.labelFr`]: c.labelFr,
      [`${row}.labelAr`]: c.labelAr,
      [`${row}.labelEn`]: c.labelEn,
      [`${row}.descriptionFr`]: c.descriptionFr,
      [`${row}.descriptionAr`]: c.descriptionAr,
      [`${row}.descriptionEn`]: c.descriptionEn,
      [`${row}.max`]: String(c.maxScore),
      [`${row}.weight`]: String(c.weight),
    });
  });
  return values;
}
