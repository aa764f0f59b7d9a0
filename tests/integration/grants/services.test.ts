import { and, eq, sql } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { describe, expect, it } from "vitest";
import {
  type GrantApplication,
  grantAssignments,
  grantAwards,
  grantCalls,
  grantScores,
  grantApplications,
} from "../../../db/schema";
import { computeRanking } from "../../../app/modules/grants/rules";
import { rankingForCall, proposalForCall } from "../../../app/modules/grants/queries.server";
import {
  acceptProposal,
  approveAward,
  confirmTrancheCondition,
  declareConflict,
  payTranche,
  runAutoAssignment,
  saveScores,
  submitApplication,
  transitionCall,
} from "../../../app/modules/grants/service.server";
import { asActor, makeUser } from "../../factories";
import {
  makeApplication,
  makeCall,
  makeSubmittedReviews,
  setCallStatus,
  tranchesOf,
  DEMO_PLAN,
} from "../../factories/grants";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
describe("awards within budget", () => {
  it("lets exactly 10 of 50 concurrent approvals through a budget that fits 10", async () => {
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const call = await makeCall(t.db, {
      status: "deliberation",
      budgetCentimes: 10 * 20_000_00,
      maxGrantCentimes: 20_000_00,
    });
    const apps = [];
    for (let i = 0; i < 50; i++) {
      const applicant = await makeUser(t.db, { password: null });
      apps.push(
        await makeApplication(t.db, { callId: call.id, applicantId: applicant.id, requestedCentimes: 20_000_00 }),
      );
    }
    await makeSubmittedReviews(
      t.db,
      apps.map((a) => a.id),
    );
    const results = await Promise.all(apps.map((a) => approveAward(t.db, asActor(admin), { applicationId: a.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.errors.form === "grants.errors.overBudget")).toBe(true);
    const [row] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, call.id));
    expect(row!.awardedCentimes).toBe(row!.budgetCentimes);
    const [sum] = await t.db
      .select({ total: sql<string>`coalesce(sum(amount_centimes), 0)` })
      .from(grantAwards)
      .where(eq(grantAwards.callId, call.id));
    expect(Number(sum!.total)).toBe(row!.budgetCentimes);
  });

  it("never awards the same application twice, even at once", async () => {
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const call = await makeCall(t.db, { status: "deliberation" });
    const applicant = await makeUser(t.db, { password: null });
    const app = await makeApplication(t.db, { callId: call.id, applicantId: applicant.id });
    await makeSubmittedReviews(t.db, [app.id]);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => approveAward(t.db, asActor(admin), { applicationId: app.id })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [row] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, call.id));
    expect(row!.awardedCentimes).toBe(25_000_00);
  });

  it("refuses, in the database itself, an awarded total above the budget", async () => {
    const call = await makeCall(t.db, { status: "deliberation" });
    await expect(
      t.db
        .update(grantCalls)
        .set({ awardedCentimes: call.budgetCentimes + 1 })
        .where(eq(grantCalls.id, call.id)),
    ).rejects.toThrow();
  });
});

describe("one application per applicant per call", () => {
  it("keeps one of 10 concurrent submits", async () => {
    const applicant = await makeUser(t.db, { password: null });
    const call = await makeCall(t.db);
    const facts = {
      dateOfBirth: "1995-01-01",
      region: null,
      isMigrant: true,
      sex: "female" as const,
      completedTrainings: [],
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        submitApplication(t.db, asActor(applicant), {
          callId: call.id,
          planId: null,
          planSnapshot: DEMO_PLAN,
          requestedCentimes: 100,
          facts,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.errors.form === "grants.errors.alreadyApplied")).toBe(
      true,
    );
  });

  it("checks eligibility at submission, with a reason per failed rule, and freezes the plan", async () => {
    const applicant = await makeUser(t.db, { password: null });
    const call = await makeCall(t.db, { audience: "migrants", minAge: 18, maxAge: 35 });
    const plan = { ...DEMO_PLAN, pitch: "before" };
    const r = await submitApplication(t.db, asActor(applicant), {
      callId: call.id,
      planId: null,
      planSnapshot: plan,
      requestedCentimes: 100,
      facts: { dateOfBirth: "1970-01-01", region: null, isMigrant: false, sex: null, completedTrainings: [] },
    });
    plan.pitch = "edited later";
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.application.status).toBe("ineligible");
    expect(r.application.eligibilityFailures.map((f) => f.key)).toEqual([
      "grants.eligibility.migrantsOnly",
      "grants.eligibility.tooOld",
    ]);
    const [stored] = await t.db.select().from(grantApplications).where(eq(grantApplications.id, r.application.id));
    expect(stored!.planSnapshot.pitch).toBe("before");
    // the applicant's proof of applying: an SMS (or e-mail) in the outbox, in the same transaction
    const sent = await t.db.select().from(outbox).where(eq(outbox.userId, applicant.id));
    expect(sent.map((m) => m.kind)).toContain("grants.notify.submitted");
  });

  it("refuses an application after the closing date, by the server clock", async () => {
    const applicant = await makeUser(t.db, { password: null });
    const call = await makeCall(t.db, {
      closesAt: new Date(Date.now() - 1000),
      opensAt: new Date(Date.now() - 86400000),
    });
    const r = await submitApplication(t.db, asActor(applicant), {
      callId: call.id,
      planId: null,
      planSnapshot: DEMO_PLAN,
      requestedCentimes: 100,
      facts: { dateOfBirth: null, region: null, isMigrant: null, sex: null, completedTrainings: [] },
    });
    expect(r).toMatchObject({ ok: false, status: 409 });
  });
});

describe("reviewing and ranking", () => {
  it("assigns, scores, refuses after the deadline and ranks in SQL as the pure rules do", async () => {
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await makeUser(t.db, { role: "committee_member", password: null }));
    const call = await makeCall(t.db, { status: "closed", reviewersPerApplication: 3 });
    const apps: GrantApplication[] = [];
    for (let i = 0; i < 5; i++) {
      const applicant = await makeUser(t.db, { password: null });
      apps.push(
        await makeApplication(t.db, {
          callId: call.id,
          applicantId: applicant.id,
          submittedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        }),
      );
    }
    const assigned = await runAutoAssignment(t.db, asActor(admin), { callId: call.id });
    expect(assigned).toMatchObject({ ok: true, assigned: 15, short: 0 });
    // other tests' members exist too: count only this test's members
    const rows = await t.db.select().from(grantAssignments);
    const mine = rows.filter((r) => apps.some((a) => a.id === r.applicationId));
    const loads = members.map((m) => mine.filter((r) => r.reviewerId === m.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    await setCallStatus(t.db, call.id, "under_review");
    // a member declares a conflict: their seat moves to someone else
    const first = mine[0]!;
    const declared = await declareConflict(t.db, asActor(members.find((m) => m.id === first.reviewerId)!), {
      assignmentId: first.id,
      reason: "Je connais la famille",
    });
    expect(declared.ok).toBe(true);
    const after = (
      await t.db.select().from(grantAssignments).where(eq(grantAssignments.applicationId, first.applicationId))
    ).map((a) => a.reviewerId);
    expect(after).toHaveLength(3);
    expect(after).not.toContain(first.reviewerId);

    const current = (await t.db.select().from(grantAssignments)).filter((r) =>
      apps.some((a) => a.id === r.applicationId),
    );
    let seed = 7;
    const rnd = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
    // out of range: 400, nothing changed (before submitting: a submitted review is final)
    const bad = await saveScores(t.db, asActor(members.find((m) => m.id === current[0]!.reviewerId)!), {
      assignmentId: current[0]!.id,
      intent: "draft",
      fields: { [`score_${call.criteria[0]!.id}`]: "11" },
    });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    for (const a of current) {
      const member = members.find((m) => m.id === a.reviewerId)!;
      const fields: Record<string, string> = {};
      for (const c of call.criteria) fields[`score_${c.id}`] = String(Math.round(rnd() * c.maxScore));
      const r = await saveScores(t.db, asActor(member), { assignmentId: a.id, intent: "submit", fields });
      expect(r.ok).toBe(true);
    }
    // not theirs: 404, whatever the form says
    const stranger = await makeUser(t.db, { role: "committee_member", password: null });
    const notMine = await saveScores(t.db, asActor(stranger), {
      assignmentId: current[0]!.id,
      intent: "submit",
      fields: {},
    });
    expect(notMine).toMatchObject({ ok: false, status: 404 });
    const a0 = current[0]!;
    const m0 = members.find((m) => m.id === a0.reviewerId)!;
    // after the deadline: 409, and the stored score stays
    const [before] = await t.db.select().from(grantScores).where(eq(grantScores.assignmentId, a0.id)).limit(1);
    const late = await saveScores(
      t.db,
      asActor(m0),
      { assignmentId: a0.id, intent: "submit", fields: { [`score_${before!.criterionId}`]: "0" } },
      { now: new Date(call.reviewDeadline.getTime() + 1000) },
    );
    expect(late).toMatchObject({ ok: false, status: 409 });
    const [still] = await t.db
      .select()
      .from(grantScores)
      .where(sql`${grantScores.assignmentId} = ${a0.id} and ${grantScores.criterionId} = ${before!.criterionId}`);
    expect(still!.score).toBe(before!.score);

    // SQL ranking = pure ranking, raw and normalised
    const scores = await t.db
      .select({
        applicationId: grantAssignments.applicationId,
        reviewerId: grantAssignments.reviewerId,
        criterionId: grantScores.criterionId,
        score: grantScores.score,
      })
      .from(grantScores)
      .innerJoin(grantAssignments, eq(grantAssignments.id, grantScores.assignmentId));
    const mineScores = scores.filter((s) => apps.some((a) => a.id === s.applicationId));
    const submitted = new Map(apps.map((a) => [a.id, a.submittedAt]));
    for (const normalise of [false, true]) {
      const pure = computeRanking(call.criteria, mineScores, submitted, { normalise });
      const fromSql = await rankingForCall(t.db, call.id, { normalise });
      expect(fromSql.map((r) => r.applicationId)).toEqual(pure.map((r) => r.applicationId));
      fromSql.forEach((r, i) => {
        expect(r.mean).toBeCloseTo(pure[i]!.mean, 6);
        expect(r.sd).toBeCloseTo(pure[i]!.sd, 6);
        expect(r.range).toBeCloseTo(pure[i]!.range, 6);
        expect(r.disagreement).toBe(pure[i]!.disagreement);
      });
    }

    // deliberation: accept the proposal, publish, tranches, pay the first
    await setCallStatus(t.db, call.id, "deliberation");
    const proposal = await proposalForCall(t.db, call.id);
    expect(proposal!.proposal.awards.length).toBeGreaterThan(0);
    const accepted = await acceptProposal(t.db, asActor(admin), { callId: call.id });
    expect(accepted).toMatchObject({ ok: true, awards: proposal!.proposal.awards.length });
    const again = await acceptProposal(t.db, asActor(admin), { callId: call.id });
    expect(again.ok).toBe(false);
    const published = await transitionCall(t.db, asActor(admin), { callId: call.id, to: "decided" });
    expect(published.ok).toBe(true);
    const [award] = await t.db.select().from(grantAwards).where(eq(grantAwards.callId, call.id)).limit(1);
    const tranches = await tranchesOf(t.db, award!.id);
    expect(tranches.map((x) => x.percent)).toEqual([50, 30, 20]);
    expect(tranches.reduce((s, x) => s + x.amountCentimes, 0)).toBe(award!.amountCentimes);
    const unconfirmed = await payTranche(t.db, asActor(admin), {
      trancheId: tranches[0]!.id,
      method: "cash",
      reference: "R1",
    });
    expect(unconfirmed).toMatchObject({ ok: false, status: 409 });
    expect((await confirmTrancheCondition(t.db, asActor(admin), { trancheId: tranches[0]!.id })).ok).toBe(true);
    const paid = await Promise.all(
      [1, 2, 3].map(() =>
        payTranche(t.db, asActor(admin), { trancheId: tranches[0]!.id, method: "bank_transfer", reference: "VIR-1" }),
      ),
    );
    expect(paid.filter((p) => p.ok)).toHaveLength(1);
    const [after2] = await t.db.select().from(grantAwards).where(eq(grantAwards.id, award!.id));
    expect(after2!.paidCentimes).toBe(tranches[0]!.amountCentimes);
    // the person is told once, on each channel she has (this one has an e-mail and no phone)
    const [winner] = await t.db
      .select({ applicantId: grantApplications.applicantId })
      .from(grantApplications)
      .where(eq(grantApplications.id, award!.applicationId));
    const told = await t.db
      .select({ channel: outbox.channel, body: outbox.body })
      .from(outbox)
      .where(and(eq(outbox.userId, winner!.applicantId), eq(outbox.kind, "grants.notify.paid")));
    expect(told).toEqual([{ channel: "email", body: expect.stringContaining("MAD") }]);
    // the database refuses paying more than the award
    await expect(
      t.db
        .update(grantAwards)
        .set({ paidCentimes: award!.amountCentimes + 1 })
        .where(eq(grantAwards.id, award!.id)),
    ).rejects.toThrow();
  });
});

describe("detected conflicts", () => {
  it("finds the coach's organisation and a shared phone, leaves them pending, and keeps those members off the application", async () => {
    const { coachAssignments, grantConflicts } = await import("../../../db/schema");
    const { detectCallConflicts, decideConflict } = await import("../../../app/modules/grants/service.server");
    const { makeOrganisation } = await import("../../factories");
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const org = await makeOrganisation(t.db);
    const coach = await makeUser(t.db, { role: "coach", organisationId: org.id, password: null });
    const sameOrg = await makeUser(t.db, { role: "committee_member", organisationId: org.id, password: null });
    const samePhone = await makeUser(t.db, { role: "committee_member", phone: "+212677000111", password: null });
    // phones are unique per account: the shared number sits in the applicant's facts
    const realApplicant = await makeUser(t.db, { password: null });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: realApplicant.id });
    const call = await makeCall(t.db, { status: "closed", reviewersPerApplication: 1 });
    const app = await makeApplication(t.db, {
      callId: call.id,
      applicantId: realApplicant.id,
      facts: { phone: "+212677000111" },
    });
    const found = await detectCallConflicts(t.db, asActor(admin), { callId: call.id });
    expect(found.ok).toBe(true);
    const rows = await t.db.select().from(grantConflicts).where(eq(grantConflicts.applicationId, app.id));
    const byReviewer = new Map(rows.map((r) => [r.reviewerId, r]));
    expect(byReviewer.get(sameOrg.id)?.reason).toBe("grants.conflict.sameOrganisationAsCoach");
    expect(byReviewer.get(samePhone.id)?.reason).toBe("grants.conflict.samePhone");
    expect(rows.every((r) => r.source === "detected" && r.status === "pending")).toBe(true);
    // a pending or confirmed conflict keeps the member off; a dismissed one does not
    await decideConflict(t.db, asActor(admin), { conflictId: byReviewer.get(sameOrg.id)!.id, decision: "confirmed" });
    await runAutoAssignment(t.db, asActor(admin), { callId: call.id });
    const assigned = await t.db.select().from(grantAssignments).where(eq(grantAssignments.applicationId, app.id));
    expect(assigned).toHaveLength(1);
    expect([sameOrg.id, samePhone.id]).not.toContain(assigned[0]!.reviewerId);
  });
});

describe("milestone tranches", () => {
  it("lets only the beneficiary's current coach (or an admin) confirm the business start, and refuses six months early", async () => {
    const { coachAssignments } = await import("../../../db/schema");
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const coach = await makeUser(t.db, { role: "coach", password: null });
    const otherCoach = await makeUser(t.db, { role: "coach", password: null });
    const applicant = await makeUser(t.db, { password: null });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: applicant.id });
    const call = await makeCall(t.db, { status: "deliberation" });
    const app = await makeApplication(t.db, { callId: call.id, applicantId: applicant.id });
    await makeSubmittedReviews(t.db, [app.id]);
    expect((await approveAward(t.db, asActor(admin), { applicationId: app.id })).ok).toBe(true);
    expect((await transitionCall(t.db, asActor(admin), { callId: call.id, to: "decided" })).ok).toBe(true);
    const [award] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id));
    const tranches = await tranchesOf(t.db, award!.id);
    const started = tranches.find((x) => x.condition === "business_started")!;
    const sixMonths = tranches.find((x) => x.condition === "six_months")!;
    expect(await confirmTrancheCondition(t.db, asActor(otherCoach), { trancheId: started.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect((await confirmTrancheCondition(t.db, asActor(coach), { trancheId: started.id })).ok).toBe(true);
    expect(await confirmTrancheCondition(t.db, asActor(coach), { trancheId: sixMonths.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await confirmTrancheCondition(t.db, asActor(admin), { trancheId: sixMonths.id })).toMatchObject({
      ok: false,
      status: 409,
    });
    const later = new Date(Date.now() + 200 * 86400000);
    expect((await confirmTrancheCondition(t.db, asActor(admin), { trancheId: sixMonths.id }, { now: later })).ok).toBe(
      true,
    );
    // after publication the decision is final: no change to the awards
    const { changeAward } = await import("../../../app/modules/grants/service.server");
    const change = await changeAward(t.db, asActor(admin), {
      applicationId: app.id,
      change: "remove",
      justification: "x",
    });
    expect(change).toMatchObject({ ok: false, status: 409 });
  });
});

describe("the chair's changes and screening", () => {
  it("changes an amount with a justification, and keeps the old award when the new amount is refused", async () => {
    const { changeAward, screenApplication } = await import("../../../app/modules/grants/service.server");
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const call = await makeCall(t.db, {
      status: "deliberation",
      budgetCentimes: 50_000_00,
      maxGrantCentimes: 30_000_00,
    });
    const applicant = await makeUser(t.db, { password: null });
    const app = await makeApplication(t.db, {
      callId: call.id,
      applicantId: applicant.id,
      requestedCentimes: 25_000_00,
    });
    await makeSubmittedReviews(t.db, [app.id]);
    expect((await approveAward(t.db, asActor(admin), { applicationId: app.id })).ok).toBe(true);
    const tooMuch = await changeAward(t.db, asActor(admin), {
      applicationId: app.id,
      change: "award",
      amountCentimes: 40_000_00,
      justification: "plus",
    });
    expect(tooMuch).toMatchObject({ ok: false, status: 400, errors: { amount: "grants.errors.amountAboveMax" } });
    const [kept] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id));
    expect(kept!.amountCentimes).toBe(25_000_00);
    const lower = await changeAward(t.db, asActor(admin), {
      applicationId: app.id,
      change: "award",
      amountCentimes: 20_000_00,
      justification: "Devis révisé",
    });
    expect(lower.ok).toBe(true);
    const [after] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, call.id));
    expect(after!.awardedCentimes).toBe(20_000_00);
    // screening overturns the automatic check, with a reason
    const other = await makeApplication(t.db, {
      callId: call.id,
      applicantId: (await makeUser(t.db, { password: null })).id,
      status: "ineligible",
    });
    expect(
      (
        await screenApplication(t.db, asActor(admin), {
          applicationId: other.id,
          decision: "eligible",
          reason: "Date de naissance corrigée",
        })
      ).ok,
    ).toBe(true);
    const [screened] = await t.db.select().from(grantApplications).where(eq(grantApplications.id, other.id));
    expect(screened!.status).toBe("eligible");
    expect(screened!.screeningReason).toBe("Date de naissance corrigée");
  });

  it("shows the applicant's name to a reviewer only when the call allows it and they have submitted", async () => {
    const { getBlindAssignment } = await import("../../../app/modules/grants/queries.server");
    const member = await makeUser(t.db, { role: "committee_member", password: null });
    const applicant = await makeUser(t.db, { displayName: "Nom Visible Après", password: null });
    const call = await makeCall(t.db, { status: "under_review", showNamesAfterScoring: true });
    const app = await makeApplication(t.db, {
      callId: call.id,
      applicantId: applicant.id,
      planSnapshot: { ...DEMO_PLAN, promoters: { team: "Moi, Visible, et ma sœur." } },
    });
    const [a] = await t.db
      .insert(grantAssignments)
      .values({ applicationId: app.id, reviewerId: member.id })
      .returning();
    const blind = (await getBlindAssignment(t.db, member.id, a!.id, "[masqué]"))!;
    expect(blind.applicantName).toBeNull();
    // while blind, the name the applicant wrote is hidden too (decision 0151)
    // and the team written as text, withheld whole (decision 0175-blind-team-text)
    expect(blind.plan).toMatchObject({ promoters: { team: "[masqué]" } });
    expect(blind.hiddenPassages).toBe(1);
    const fields: Record<string, string> = {};
    for (const c of call.criteria) fields[`score_${c.id}`] = "1";
    expect((await saveScores(t.db, asActor(member), { assignmentId: a!.id, intent: "submit", fields })).ok).toBe(true);
    const named = (await getBlindAssignment(t.db, member.id, a!.id, "[masqué]"))!;
    expect(named.applicantName).toBe("Nom Visible Après");
    expect(named.plan).toMatchObject({ promoters: { team: "Moi, Visible, et ma sœur." } });
    expect(named.hiddenPassages).toBe(0);
  });
});

describe("tranche schedule", () => {
  it("is edited per call until publication, must total 100, and shapes the tranches made at publication", async () => {
    const { setTrancheSchedule } = await import("../../../app/modules/grants/service.server");
    const admin = await makeUser(t.db, { role: "admin", password: null });
    const call = await makeCall(t.db, { status: "deliberation" });
    const bad = await setTrancheSchedule(t.db, asActor(admin), {
      callId: call.id,
      trancheSignature: 60,
      trancheStarted: 30,
      trancheSixMonths: 20,
    });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(
      (
        await setTrancheSchedule(t.db, asActor(admin), {
          callId: call.id,
          trancheSignature: 70,
          trancheStarted: 30,
          trancheSixMonths: 0,
        })
      ).ok,
    ).toBe(true);
    const applicant = await makeUser(t.db, { password: null });
    const app = await makeApplication(t.db, {
      callId: call.id,
      applicantId: applicant.id,
      requestedCentimes: 10_000_01,
    });
    await makeSubmittedReviews(t.db, [app.id]);
    expect((await approveAward(t.db, asActor(admin), { applicationId: app.id })).ok).toBe(true);
    expect((await transitionCall(t.db, asActor(admin), { callId: call.id, to: "decided" })).ok).toBe(true);
    const [award] = await t.db.select().from(grantAwards).where(eq(grantAwards.applicationId, app.id));
    const tranches = await tranchesOf(t.db, award!.id);
    expect(tranches.map((x) => [x.condition, x.percent, x.amountCentimes])).toEqual([
      ["signature", 70, 7_000_00],
      ["business_started", 30, 3_000_01],
    ]);
    const late = await setTrancheSchedule(t.db, asActor(admin), {
      callId: call.id,
      trancheSignature: 50,
      trancheStarted: 50,
      trancheSixMonths: 0,
    });
    expect(late).toMatchObject({ ok: false, status: 409 });
  });
});
