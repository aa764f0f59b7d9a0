/**
 * The reads that signed-in pages send on every visit are built once per database handle
 * (`runPrepared`, db/client.ts; issue 19): their text is reused for every later call, so
 * a value taken from the first caller instead of a placeholder would answer everyone with
 * the first caller's rows. Each read is called for one person, another, then the first
 * again, through the same handle, and must answer each with their own.
 */
import { describe, expect, it } from "vitest";
import { planComments, profiles, trainingRegistrations } from "~db/schema";
import { applicantHomeRead } from "~/modules/profiles/applicant-home.server";
import { getProfile } from "~/modules/profiles/queries.server";
import { commentCounts, getReadablePlan, listAttachments, listOwnPlans } from "~/modules/business-plans/queries.server";
import { listAssignmentsOfReviewer } from "~/modules/grants/queries.server";
import { asActor, makeUser } from "../factories";
import { completePlanContent, makePlan } from "../factories/business-plans";
import { makeApplication, makeCall, makeSubmittedReviews } from "../factories/grants";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();

/** Two applicants, each with a plan of their own name and a profile. */
async function twoApplicants() {
  const people = [];
  for (const name of ["Atelier Amal", "Coopérative Nour"]) {
    const user = await makeUser(t.db);
    const plan = await makePlan(t.db, user.id, completePlanContent(name));
    await t.db.insert(profiles).values({ userId: user.id, givenName: `${name} owner` });
    people.push({ user, plan, name });
  }
  return people as [(typeof people)[0], (typeof people)[0]];
}

describe("reads built once", () => {
  it("answer each applicant with their own profile, plans and plan", async () => {
    const [a, b] = await twoApplicants();
    for (const person of [a, b, a]) {
      expect((await getProfile(t.db, person.user.id))?.givenName).toBe(`${person.name} owner`);
      expect((await applicantHomeRead(t.db, person.user.id)).plans.plans.map((p) => p.name)).toEqual([person.name]);
      expect((await listOwnPlans(t.db, person.user.id)).map((p) => p.summary.projectName)).toEqual([person.name]);
      const readable = await getReadablePlan(t.db, asActor(person.user), person.plan.id);
      expect(readable?.plan.id).toBe(person.plan.id);
      expect(readable?.ownerName).toBe(person.user.displayName);
    }
    // one applicant never reads the other's plan
    expect(await getReadablePlan(t.db, asActor(a.user), b.plan.id)).toBeNull();
    expect(await getReadablePlan(t.db, asActor(b.user), a.plan.id)).toBeNull();
  });

  it("count each plan's comments and list its files", async () => {
    const [a, b] = await twoApplicants();
    const coach = await makeUser(t.db, { role: "coach" });
    await t.db.insert(planComments).values([
      { planId: a.plan.id, authorId: coach.id, section: "summary", body: "1" },
      { planId: a.plan.id, authorId: coach.id, section: "summary", body: "2" },
      { planId: b.plan.id, authorId: coach.id, section: "market", body: "3" },
    ]);
    for (const [plan, counts] of [
      [a.plan, { summary: 2 }],
      [b.plan, { market: 1 }],
      [a.plan, { summary: 2 }],
    ] as const) {
      expect(await commentCounts(t.db, plan.id)).toEqual(counts);
      expect(await listAttachments(t.db, plan.id)).toEqual([]);
    }
  });

  it("list each committee member's own assignments", async () => {
    const call = await makeCall(t.db);
    const [a, b] = await twoApplicants();
    const first = await makeApplication(t.db, { callId: call.id, applicantId: a.user.id });
    const second = await makeApplication(t.db, { callId: call.id, applicantId: b.user.id });
    const [one] = await makeSubmittedReviews(t.db, [first.id], 1);
    const [other] = await makeSubmittedReviews(t.db, [first.id, second.id], 1);
    for (const [reviewer, numbers] of [
      [one!, [first.number]],
      [other!, [first.number, second.number].sort((x, y) => x - y)],
      [one!, [first.number]],
    ] as const) {
      expect((await listAssignmentsOfReviewer(t.db, reviewer.id)).map((r) => r.number)).toEqual(numbers);
    }
  });

  it("give each applicant her own coming sessions on her home", async () => {
    const [a, b] = await twoApplicants();
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id);
    const now = new Date("2027-01-01T00:00:00Z");
    // one session before "now", two after: only the two to come are listed
    await makeSessions(t.db, cohort.id, 3, "2026-12-30");
    await t.db.insert(trainingRegistrations).values({ cohortId: cohort.id, userId: a.user.id, status: "confirmed" });
    for (const [person, count] of [
      [a, 2],
      [b, 0],
      [a, 2],
    ] as const) {
      const panel = (await applicantHomeRead(t.db, person.user.id, now)).employability;
      expect(panel.sessions).toHaveLength(count);
      expect(panel.sessions.every((x) => x.trainingId === training.id && new Date(x.startsAt) > now)).toBe(true);
    }
    // "now" is a value of each call too: a day later, one session is left
    expect(
      (await applicantHomeRead(t.db, a.user.id, new Date("2027-01-02T12:00:00Z"))).employability.sessions,
    ).toHaveLength(1);
  });
});
