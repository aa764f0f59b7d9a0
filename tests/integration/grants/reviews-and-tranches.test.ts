/**
 * Grant calls without traps (issue 15): an application with fewer reviews than the call
 * asks is flagged and not proposed, and is awarded only with an admin's reason; tranches
 * are paid in order; a call chooses whether its six-month tranche waits for a milestone
 * its coach confirms.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, coachAssignments, grantAwards, grantCalls, grantTranches } from "../../../db/schema";
import {
  approveAward,
  confirmTrancheCondition,
  payTranche,
  setTrancheSchedule,
  transitionCall,
} from "../../../app/modules/grants/service.server";
import { proposalForCall } from "../../../app/modules/grants/queries.server";
import { asActor, makeUser } from "../../factories";
import { makeApplication, makeCall, makeSubmittedReviews, tranchesOf } from "../../factories/grants";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
async function deliberatingApplication(reviews: number) {
  const admin = await makeUser(t.db, { role: "admin", password: null });
  const call = await makeCall(t.db, { status: "deliberation", reviewersPerApplication: 3 });
  const applicant = await makeUser(t.db, { password: null });
  const app = await makeApplication(t.db, { callId: call.id, applicantId: applicant.id });
  await makeSubmittedReviews(t.db, [app.id], reviews);
  return { admin, call, applicant, app };
}

describe("fewer reviews than the call asks", () => {
  it("leaves the application out of the proposal, with a line saying why", async () => {
    const { call, app } = await deliberatingApplication(2);
    const other = await makeApplication(t.db, {
      callId: call.id,
      applicantId: (await makeUser(t.db, { password: null })).id,
    });
    await makeSubmittedReviews(t.db, [other.id], 3);
    const found = await proposalForCall(t.db, call.id);
    expect(found!.ranking.find((r) => r.applicationId === app.id)?.reviewers).toBe(2);
    expect(found!.proposal.awards.map((a) => a.applicationId)).toEqual([other.id]);
    expect(found!.proposal.explanations[0]).toMatchObject({
      key: "grants.proposal.fewReviews",
      // the bare number: the message names it in the reader's language ("N° 12", "رقم 12"), never "#12"
      params: { label: String(app.number), count: 2, required: 3 },
    });
  });

  it("refuses 20 concurrent awards without a reason, and lets one through with an admin's reason", async () => {
    const { admin, call, app } = await deliberatingApplication(2);
    const refused = await Promise.all(
      Array.from({ length: 20 }, () => approveAward(t.db, asActor(admin), { applicationId: app.id })),
    );
    expect(
      refused.every((r) => !r.ok && r.status === 409 && r.errors.reviewOverride === "grants.errors.fewReviews"),
    ).toBe(true);
    const short = await approveAward(t.db, asActor(admin), { applicationId: app.id, reviewOverride: "  urgent " });
    expect(short).toMatchObject({ ok: false, errors: { reviewOverride: "grants.errors.overrideReason" } });
    expect(await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id))).toEqual([]);
    const [before] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, call.id));
    expect(before!.awardedCentimes).toBe(0);

    const reason = "Third reviewer withdrew; the two reviews agree";
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        approveAward(t.db, asActor(admin), { applicationId: app.id, reviewOverride: reason }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [award] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id));
    expect(award!.reviewOverrideReason).toBe(reason);
  });

  it("refuses the override to anyone but an admin, and in the database a reason shorter than 10 characters", async () => {
    const { call, app } = await deliberatingApplication(1);
    const committee = await makeUser(t.db, { role: "committee_member", password: null });
    const r = await approveAward(t.db, asActor(committee), {
      applicationId: app.id,
      reviewOverride: "A reason long enough to pass",
    });
    expect(r).toMatchObject({ ok: false, errors: { reviewOverride: "grants.errors.fewReviews" } });
    await expect(
      t.db.insert(grantAwards).values({
        reference: "MASAR-SHORT-1",
        callId: call.id,
        applicationId: app.id,
        amountCentimes: 100,
        reviewOverrideReason: "short",
      }),
    ).rejects.toThrow();
  });

  it("awards without a reason once the call's reviews are in", async () => {
    const { admin, app } = await deliberatingApplication(3);
    const r = await approveAward(t.db, asActor(admin), { applicationId: app.id });
    expect(r.ok).toBe(true);
    const [award] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id));
    expect(award!.reviewOverrideReason).toBeNull();
  });
});

/** An award on a decided call with the three default tranches, each confirmed. */
async function decidedAward(schedule: { sixMonthsMilestone?: boolean } = {}) {
  const { admin, call, applicant, app } = await deliberatingApplication(3);
  const coach = await makeUser(t.db, { role: "coach", password: null });
  await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: applicant.id });
  const set = await setTrancheSchedule(t.db, asActor(admin), {
    callId: call.id,
    trancheSignature: 50,
    trancheStarted: 30,
    trancheSixMonths: 20,
    ...(schedule.sixMonthsMilestone ? { trancheSixMonthsMilestone: "on" as const } : {}),
  });
  expect(set.ok).toBe(true);
  expect((await approveAward(t.db, asActor(admin), { applicationId: app.id })).ok).toBe(true);
  expect((await transitionCall(t.db, asActor(admin), { callId: call.id, to: "decided" })).ok).toBe(true);
  const [award] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id));
  const tranches = await tranchesOf(t.db, award!.id);
  return { admin, coach, award: award!, tranches };
}

const sixMonthsOn = (award: { approvedAt: Date }) => {
  const due = new Date(award.approvedAt);
  due.setUTCMonth(due.getUTCMonth() + 6);
  return new Date(due.getTime() + 1000);
};

/** Every tranche's condition confirmed by `adminId` (written directly), so only the order can refuse a payment. */
async function confirmEveryCondition(adminId: string, tranches: { id: string }[]) {
  for (const tr of tranches)
    await t.db
      .update(grantTranches)
      .set({ conditionConfirmedAt: new Date(), conditionConfirmedById: adminId })
      .where(eq(grantTranches.id, tr.id));
}

describe("tranches in order", () => {
  it("refuses a later tranche while an earlier one is unpaid, with a translated reason", async () => {
    const { admin, award, tranches } = await decidedAward();
    await confirmEveryCondition(admin.id, tranches);
    const third = await payTranche(t.db, asActor(admin), {
      trancheId: tranches[2]!.id,
      method: "cash",
      reference: "R-3",
    });
    expect(third).toMatchObject({ ok: false, status: 409, errors: { form: "grants.errors.earlierTrancheUnpaid" } });
    const [row] = await t.db.select().from(grantAwards).where(eq(grantAwards.id, award.id));
    expect(row!.paidCentimes).toBe(0);
  });

  it("pays only a prefix of the schedule when every tranche is paid at once, 20 requests", async () => {
    const { admin, award, tranches } = await decidedAward();
    await confirmEveryCondition(admin.id, tranches);
    // the last tranches first in the list, so they reach the database first
    const order = Array.from({ length: 20 }, (_, i) => tranches[2 - (i % 3)]!);
    await Promise.all(
      order.map((tr, i) => payTranche(t.db, asActor(admin), { trancheId: tr.id, method: "cash", reference: `R-${i}` })),
    );
    const after = await tranchesOf(t.db, award.id);
    const paid = after.map((tr) => tr.paidAt !== null);
    // paid positions form a prefix: never a later tranche before an earlier one
    expect(paid.indexOf(false) === -1 || !paid.slice(paid.indexOf(false)).includes(true)).toBe(true);
    expect(paid[0]).toBe(true);
    for (let i = 1; i < after.length; i++)
      if (after[i]!.paidAt) expect(after[i]!.paidAt!.getTime()).toBeGreaterThanOrEqual(after[i - 1]!.paidAt!.getTime());
    const [row] = await t.db.select().from(grantAwards).where(eq(grantAwards.id, award.id));
    expect(row!.paidCentimes).toBe(after.filter((tr) => tr.paidAt).reduce((s, tr) => s + tr.amountCentimes, 0));
  });
});

describe("milestones the coach confirms", () => {
  it("by default: the business start is the coach's, six months the admin's", async () => {
    const { coach, award, tranches } = await decidedAward();
    expect(tranches.map((tr) => [tr.condition, tr.coachMilestone])).toEqual([
      ["signature", false],
      ["business_started", true],
      ["six_months", false],
    ]);
    const later = sixMonthsOn(award);
    expect(
      await confirmTrancheCondition(t.db, asActor(coach), { trancheId: tranches[2]!.id }, { now: later }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("when the call chooses it: the six-month tranche waits for the coach, not before six months", async () => {
    const { admin, coach, award, tranches } = await decidedAward({ sixMonthsMilestone: true });
    expect(tranches.map((tr) => tr.coachMilestone)).toEqual([false, true, true]);
    const other = await makeUser(t.db, { role: "coach", password: null });
    const sixMonths = tranches[2]!;
    expect(await confirmTrancheCondition(t.db, asActor(coach), { trancheId: sixMonths.id })).toMatchObject({
      ok: false,
      errors: { form: "grants.errors.notYetSixMonths" },
    });
    const later = sixMonthsOn(award);
    expect(
      await confirmTrancheCondition(t.db, asActor(other), { trancheId: sixMonths.id }, { now: later }),
    ).toMatchObject({ ok: false, status: 404 });
    expect((await confirmTrancheCondition(t.db, asActor(coach), { trancheId: sixMonths.id }, { now: later })).ok).toBe(
      true,
    );
    const [row] = await t.db.select().from(grantTranches).where(eq(grantTranches.id, sixMonths.id));
    expect(row!.conditionConfirmedById).toBe(coach.id);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "grants.tranche.confirm"), eq(auditLog.entityId, sixMonths.id)));
    expect(audits.map((a) => a.actorId)).toEqual([coach.id]);
    expect(admin.role).toBe("admin");
  });
});
