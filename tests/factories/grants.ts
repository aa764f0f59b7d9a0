/** Grant factories shared by the demo seed and the tests. */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  coachAssignments,
  grantApplications,
  grantAssignments,
  grantAwards,
  grantCalls,
  grantCriteria,
  grantTranches,
  type GrantCall,
  type NewGrantCall,
} from "../../db/schema";
import { addDays, moroccoInstant, moroccoToday } from "../../app/lib/morocco-time";
import { makeUser } from "./index";

const DAY = 24 * 3600 * 1000;

/** An award's tranches, in their order of payment. */
export function tranchesOf(db: Executor, awardId: string) {
  return db.select().from(grantTranches).where(eq(grantTranches.awardId, awardId)).orderBy(grantTranches.position);
}

export const DEMO_RUBRIC = [
  { labelFr: "Viabilité du marché", labelAr: "قابلية السوق", labelEn: "Market viability", maxScore: 10, weight: 25 },
  {
    labelFr: "Solidité financière",
    labelAr: "المتانة المالية",
    labelEn: "Financial soundness",
    maxScore: 10,
    weight: 20,
  },
  {
    labelFr: "Capacité du promoteur",
    labelAr: "قدرة صاحب المشروع",
    labelEn: "Promoter's capacity",
    maxScore: 10,
    weight: 20,
  },
  { labelFr: "Impact social", labelAr: "الأثر الاجتماعي", labelEn: "Social impact", maxScore: 5, weight: 15 },
  { labelFr: "Innovation", labelAr: "الابتكار", labelEn: "Innovation", maxScore: 5, weight: 10 },
  { labelFr: "Création d'emplois", labelAr: "خلق فرص الشغل", labelEn: "Job creation", maxScore: 5, weight: 10 },
];

/** A call decided and published `publishedDaysAgo` days ago: open from 60 to 30 days ago, reviewed by 10 days ago. */
export function makeDecidedCall(db: Executor, publishedDaysAgo: number) {
  return makeCall(db, {
    status: "decided",
    titleFr: "Appel décidé",
    opensAt: new Date(Date.now() - 60 * DAY),
    closesAt: new Date(Date.now() - 30 * DAY),
    reviewDeadline: new Date(Date.now() - 10 * DAY),
    publishedAt: new Date(Date.now() - publishedDaysAgo * DAY),
  });
}

export async function makeCall(
  db: Executor,
  overrides: Partial<NewGrantCall> = {},
  rubric: { labelFr: string; labelAr: string; labelEn: string; maxScore: number; weight: number }[] = DEMO_RUBRIC,
): Promise<GrantCall & { criteria: (typeof grantCriteria.$inferSelect)[] }> {
  const now = Date.now();
  const [call] = await db
    .insert(grantCalls)
    .values({
      titleFr: "Appel test",
      titleAr: "طلب تجريبي",
      titleEn: "Test call",
      opensAt: new Date(now - 10 * DAY),
      closesAt: new Date(now + 10 * DAY),
      reviewDeadline: new Date(now + 20 * DAY),
      budgetCentimes: 100_000_00,
      maxGrantCentimes: 30_000_00,
      status: "open",
      ...overrides,
    })
    .returning();
  if (!call) throw new Error("call not created");
  const criteria = await db
    .insert(grantCriteria)
    .values(rubric.map((r, i) => ({ ...r, callId: call.id, position: i + 1 })))
    .returning();
  criteria.sort((a, b) => a.position - b.position);
  return { ...call, criteria };
}

/** A snapshot shaped like the business-plans PlanDocument (the parts a reviewer reads first). */
/**
 * The new-call form as an admin posts it (/grants/calls/new): open from tomorrow for 30
 * days, reviewed within 60, a budget of 100,000 MAD and one criterion; stored as a draft.
 */
export function draftCallForm(title: string) {
  return {
    titleFr: title,
    titleAr: "طلب",
    titleEn: title,
    audience: "both",
    opensOn: addDays(moroccoToday(), 1),
    closesOn: addDays(moroccoToday(), 30),
    reviewDeadlineOn: addDays(moroccoToday(), 60),
    budget: "100000",
    maxGrant: "20000",
    "criteria[0].labelFr": "Marché",
    "criteria[0].max": "10",
    "criteria[0].weight": "100",
  };
}

export const DEMO_PLAN = {
  version: 1,
  summary: {
    projectName: "Atelier de couture solidaire",
    sector: "textile",
    city: "Rabat",
    pitch: "Un atelier qui coud des uniformes scolaires pour les écoles du quartier.",
  },
  product: {
    description: "Uniformes scolaires sur mesure",
    difference: "Livraison en une semaine, retouches gratuites",
  },
  market: { customers: "Écoles privées et associations de parents", priceCentimes: 18_000 },
  financial: { totals: { startupCostCentimes: 4_200_000, grantRequestedCentimes: 2_500_000 } },
};

export async function makeApplication(
  db: Executor,
  input: { callId: string; applicantId: string } & Partial<typeof grantApplications.$inferInsert>,
) {
  const [row] = await db
    .insert(grantApplications)
    .values({
      planSnapshot: DEMO_PLAN,
      requestedCentimes: 25_000_00,
      facts: {},
      status: "eligible",
      ...input,
    })
    .returning();
  if (!row) throw new Error("application not created");
  return row;
}

/**
 * `count` committee members' submitted reviews on each application (no scores): what an
 * award needs when the test is about something else than the review itself. The members
 * are inactive, so automatic assignment never picks them.
 */
export async function makeSubmittedReviews(db: Executor, applicationIds: string[], count = 3) {
  const reviewers: { id: string }[] = [];
  for (let i = 0; i < count; i++)
    reviewers.push(await makeUser(db, { role: "committee_member", password: null, isActive: false }));
  if (!applicationIds.length || !count) return reviewers;
  await db.insert(grantAssignments).values(
    applicationIds.flatMap((applicationId) =>
      reviewers.map((r) => ({
        applicationId,
        reviewerId: r.id,
        submittedAt: new Date(),
        total: 50,
        firstFraction: 0.5,
      })),
    ),
  );
  return reviewers;
}

export async function setCallStatus(db: Executor, callId: string, status: GrantCall["status"]) {
  await db.update(grantCalls).set({ status }).where(eq(grantCalls.id, callId));
}

/**
 * An award to `applicantId` on a decided call, paid in two tranches: the first 300 days
 * ago, the last `lastPaidDaysAgo` days ago (null: the last one not paid yet).
 */
export async function makeFundedBusiness(db: Executor, applicantId: string, lastPaidDaysAgo: number | null) {
  const call = await makeCall(db, { status: "decided" });
  const application = await makeApplication(db, { callId: call.id, applicantId, status: "awarded" });
  const [award] = await db
    .insert(grantAwards)
    .values({
      reference: `MASAR-T-${randomBytes(4).toString("hex")}`,
      callId: call.id,
      applicationId: application.id,
      amountCentimes: 2_000_000,
    })
    .returning();
  if (!award) throw new Error("award not created");
  const paidAt = (days: number) => moroccoInstant(addDays(moroccoToday(), -days), "10:00");
  const paid = (days: number) => ({
    conditionConfirmedAt: paidAt(days),
    method: "cash" as const,
    paidAt: paidAt(days),
  });
  await db.insert(grantTranches).values([
    { awardId: award.id, position: 1, percent: 60, amountCentimes: 1_200_000, condition: "signature", ...paid(300) },
    {
      awardId: award.id,
      position: 2,
      percent: 40,
      amountCentimes: 800_000,
      condition: "business_started",
      ...(lastPaidDaysAgo === null ? {} : paid(lastPaidDaysAgo)),
    },
  ]);
  return award;
}

/** A coach and the beneficiary they follow, whose business was funded (`makeFundedBusiness`). */
export async function makeCoachedBusiness(
  db: Executor,
  lastPaidDaysAgo: number | null,
  displayName = "Khadija Entreprise",
) {
  const coach = await makeUser(db, { role: "coach" });
  const person = await makeUser(db, { displayName });
  await db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: person.id });
  const award = await makeFundedBusiness(db, person.id, lastPaidDaysAgo);
  return { coach, person, award };
}

/** A 3-month visit's form as the coach posts it, dated today: running, 2 jobs (1 woman), formalised. */
export function visitForm(awardId: string, changes: Record<string, string> = {}) {
  return {
    intent: "followup",
    awardId,
    monthsAfter: "3",
    visitedOn: moroccoToday(),
    stillRunning: "yes",
    revenueBand: "2000_5000",
    jobsCreated: "2",
    jobsWomen: "1",
    jobsMigrants: "0",
    formalised: "on",
    ...changes,
  };
}
