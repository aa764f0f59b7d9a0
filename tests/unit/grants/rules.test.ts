import { describe, expect, it } from "vitest";
import {
  autoAssign,
  checkEligibility,
  checkTransition,
  computeRanking,
  conflictKey,
  detectConflicts,
  normaliseTotals,
  proposeAwards,
  rank,
  splitTranches,
  summariseTotals,
  weightedTotal,
  weightsSumTo100,
  type Candidate,
} from "../../../app/modules/grants/rules";

const criteria = [
  { id: "market", maxScore: 10, weight: 40, position: 1 },
  { id: "finance", maxScore: 5, weight: 35, position: 2 },
  { id: "impact", maxScore: 20, weight: 25, position: 3 },
];

describe("weighted totals", () => {
  it("scales each criterion by its maximum and weight onto 0-100", () => {
    expect(weightedTotal(criteria, { market: 10, finance: 5, impact: 20 })).toBeCloseTo(100);
    expect(weightedTotal(criteria, { market: 5, finance: 0, impact: 10 })).toBeCloseTo(20 + 0 + 12.5);
    expect(weightedTotal(criteria, {})).toBe(0);
  });
  it("checks that weights sum to exactly 100", () => {
    expect(weightsSumTo100(criteria)).toBe(true);
    expect(weightsSumTo100([{ weight: 40 }, { weight: 59 }])).toBe(false);
    expect(weightsSumTo100([])).toBe(false);
  });
});

describe("spread", () => {
  it("gives mean, population sd and range, and flags disagreement above the threshold", () => {
    const s = summariseTotals([40, 60, 80]);
    expect(s.mean).toBeCloseTo(60);
    expect(s.sd).toBeCloseTo(Math.sqrt(800 / 3));
    expect(s.range).toBe(40);
    expect(s.disagreement).toBe(true);
    expect(summariseTotals([50, 75]).disagreement).toBe(false); // exactly 25 is not "more than"
    expect(summariseTotals([50, 75.5]).disagreement).toBe(true);
  });
});

describe("normalisation", () => {
  it("makes a harsh and a lenient reviewer who agree on the order give the same figures", () => {
    const rows = [
      { reviewerId: "harsh", applicationId: "a", total: 20 },
      { reviewerId: "harsh", applicationId: "b", total: 40 },
      { reviewerId: "lenient", applicationId: "a", total: 60 },
      { reviewerId: "lenient", applicationId: "b", total: 80 },
    ];
    const out = normaliseTotals(rows);
    const get = (r: string, a: string) => out.find((x) => x.reviewerId === r && x.applicationId === a)!.total;
    expect(get("harsh", "a")).toBeCloseTo(get("lenient", "a"));
    expect(get("harsh", "b")).toBeCloseTo(get("lenient", "b"));
    expect(get("harsh", "b")).toBeGreaterThan(get("harsh", "a"));
    for (const r of out) expect(r.total).toBeGreaterThanOrEqual(0);
  });
  it("leaves a reviewer with identical totals at the overall mean", () => {
    const out = normaliseTotals([
      { reviewerId: "x", applicationId: "a", total: 50 },
      { reviewerId: "x", applicationId: "b", total: 50 },
      { reviewerId: "y", applicationId: "a", total: 90 },
    ]);
    expect(out[0]!.total).toBeCloseTo((50 + 50 + 90) / 3);
  });
});

describe("tie-breaks", () => {
  const d = (s: string) => new Date(s);
  it("orders by mean, then first criterion, then earlier submission", () => {
    const ranked = rank([
      { applicationId: "late", mean: 70, firstCriterion: 0.8, submittedAt: d("2026-03-02") },
      { applicationId: "early", mean: 70, firstCriterion: 0.8, submittedAt: d("2026-03-01") },
      { applicationId: "firstHigher", mean: 70, firstCriterion: 0.9, submittedAt: d("2026-03-05") },
      { applicationId: "best", mean: 71, firstCriterion: 0.1, submittedAt: d("2026-03-09") },
    ]);
    expect(ranked.map((r) => r.applicationId)).toEqual(["best", "firstHigher", "early", "late"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });
  it("ranks from raw scores, with the first criterion breaking an equal mean", () => {
    const scores = [
      // app x: market 10, finance 0 -> 40; app y: market 0, finance 5 -> 35 + impact 1/20*25
      { applicationId: "x", reviewerId: "r", criterionId: "market", score: 10 },
      { applicationId: "x", reviewerId: "r", criterionId: "finance", score: 0 },
      { applicationId: "x", reviewerId: "r", criterionId: "impact", score: 0 },
      { applicationId: "y", reviewerId: "r", criterionId: "market", score: 0 },
      { applicationId: "y", reviewerId: "r", criterionId: "finance", score: 5 },
      { applicationId: "y", reviewerId: "r", criterionId: "impact", score: 4 }, // 35 + 5 = 40
    ];
    const submitted = new Map([
      ["x", new Date("2026-03-02")],
      ["y", new Date("2026-03-01")],
    ]);
    const out = computeRanking(criteria, scores, submitted);
    expect(out[0]!.mean).toBeCloseTo(out[1]!.mean);
    expect(out.map((r) => r.applicationId)).toEqual(["x", "y"]);
  });
});

describe("eligibility", () => {
  const rules = {
    audience: "migrants" as const,
    minAge: 18,
    maxAge: 35,
    regions: ["Rabat-Salé-Kénitra"],
    requiredTrainings: ["entrepreneurship-orientation"],
    closesAt: new Date("2026-06-30T22:59:59.999Z"), // the end of 30 June in Morocco (UTC+1)
  };
  const ok = {
    dateOfBirth: "1995-07-01",
    region: "Rabat-Salé-Kénitra",
    isMigrant: true,
    sex: "female" as const,
    completedTrainings: ["entrepreneurship-orientation"],
  };
  it("accepts an applicant who meets every rule", () => {
    expect(checkEligibility(rules, ok)).toEqual({ eligible: true, failures: [] });
  });
  it("gives one reason per failed rule", () => {
    const r = checkEligibility(rules, {
      dateOfBirth: "1980-01-01",
      region: "Oriental",
      isMigrant: false,
      sex: null,
      completedTrainings: [],
    });
    expect(r.eligible).toBe(false);
    expect(r.failures.map((f) => f.key)).toEqual([
      "grants.eligibility.migrantsOnly",
      "grants.eligibility.tooOld",
      "grants.eligibility.region",
      "grants.eligibility.training",
    ]);
  });
  it("counts age on the closing day as Morocco reads it, not the UTC date", () => {
    // 23:30Z on 30 June is 00:30 on 1 July in Morocco: born 1 July 2008, 18 by then
    const late = { ...rules, minAge: 18, maxAge: null, closesAt: new Date("2026-06-30T23:30:00Z") };
    expect(checkEligibility(late, { ...ok, dateOfBirth: "2008-07-01" }).failures).toEqual([]);
    // not yet born on the closing day: too young, not an error
    const unborn = checkEligibility({ ...rules, maxAge: null }, { ...ok, dateOfBirth: "2027-01-01" });
    expect(unborn.failures.map((f) => f.key)).toEqual(["grants.eligibility.tooYoung"]);
  });
  it("turns away someone one day short of the minimum age", () => {
    const r = checkEligibility({ ...rules, minAge: 18, maxAge: null }, { ...ok, dateOfBirth: "2008-07-01" });
    expect(r.failures.map((f) => f.key)).toEqual(["grants.eligibility.tooYoung"]);
  });
});

describe("transitions", () => {
  const call = { status: "draft" as const, opensAt: new Date("2026-01-01"), closesAt: new Date("2026-02-01") };
  it("moves one step at a time and respects the closing date", () => {
    expect(checkTransition(call, "open", new Date("2026-01-15")).ok).toBe(true);
    expect(checkTransition(call, "closed", new Date("2026-01-15")).ok).toBe(false);
    expect(checkTransition(call, "open", new Date("2026-02-02")).ok).toBe(false);
    expect(checkTransition({ ...call, status: "open" }, "closed", new Date("2026-01-15")).ok).toBe(false);
    expect(checkTransition({ ...call, status: "open" }, "closed", new Date("2026-02-01")).ok).toBe(true);
  });
});

describe("assignment", () => {
  it("gives every application N reviewers with loads within one, avoiding conflicts", () => {
    const members = ["m1", "m2", "m3", "m4", "m5"];
    const applications = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, reviewers: [] as string[] }));
    const conflicts = new Set([conflictKey("a0", "m1"), conflictKey("a3", "m1")]);
    const { pairs, short } = autoAssign({ applications, members, perApplication: 3, conflicts, load: new Map() });
    expect(short).toEqual([]);
    expect(pairs).toHaveLength(21);
    for (const a of applications)
      expect(new Set(pairs.filter((p) => p.applicationId === a.id).map((p) => p.reviewerId)).size).toBe(3);
    expect(pairs.some((p) => conflicts.has(conflictKey(p.applicationId, p.reviewerId)))).toBe(false);
    const loads = members.map((m) => pairs.filter((p) => p.reviewerId === m).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });
  it("reports an application it cannot staff", () => {
    const r = autoAssign({
      applications: [{ id: "a", reviewers: [] }],
      members: ["m1"],
      perApplication: 2,
      conflicts: new Set(),
      load: new Map(),
    });
    expect(r.short).toEqual(["a"]);
  });
});

describe("conflict detection", () => {
  const applicant = { phone: "+212600000001", familyName: "Diallo", city: "Rabat", coachOrganisationId: "org-1" };
  it("sees the coach's organisation, a shared phone, and family name with city", () => {
    expect(detectConflicts({ phone: null, familyName: null, city: null, organisationId: "org-1" }, applicant)).toEqual([
      "grants.conflict.sameOrganisationAsCoach",
    ]);
    expect(
      detectConflicts({ phone: "+212600000001", familyName: null, city: null, organisationId: null }, applicant),
    ).toEqual(["grants.conflict.samePhone"]);
    expect(
      detectConflicts({ phone: null, familyName: "DIALLO", city: "rabat", organisationId: null }, applicant),
    ).toEqual(["grants.conflict.sameFamilyAndCity"]);
    expect(
      detectConflicts({ phone: null, familyName: "Diallo", city: "Fès", organisationId: "org-2" }, applicant),
    ).toEqual([]);
  });
});

describe("award proposal", () => {
  const c = (rank: number, requested: number, traits: Partial<Candidate> = {}): Candidate => ({
    applicationId: `a${rank}`,
    label: `#${rank}`,
    rank,
    requestedCentimes: requested,
    woman: false,
    migrant: false,
    ...traits,
  });
  it("uses a budget that runs out exactly", () => {
    const p = proposeAwards({
      budgetCentimes: 300,
      maxGrantCentimes: 1000,
      quotas: [],
      ranked: [c(1, 100), c(2, 200), c(3, 1)],
    });
    expect(p.awards.map((a) => a.applicationId)).toEqual(["a1", "a2"]);
    expect(p.remainingCentimes).toBe(0);
    expect(p.explanations.map((e) => e.key)).toEqual([
      "grants.proposal.award",
      "grants.proposal.award",
      "grants.proposal.skip",
    ]);
  });
  it("skips the one a centime short and goes on down the ranking", () => {
    const p = proposeAwards({
      budgetCentimes: 299,
      maxGrantCentimes: 1000,
      quotas: [],
      ranked: [c(1, 100), c(2, 200), c(3, 199)],
    });
    expect(p.awards.map((a) => a.applicationId)).toEqual(["a1", "a3"]);
    expect(p.remainingCentimes).toBe(0);
    expect(p.explanations[1]).toEqual({
      key: "grants.proposal.skip",
      params: { label: "#2", rank: 2, amount: 200, remaining: 199 },
    });
  });
  it("caps at the call's maximum", () => {
    const p = proposeAwards({ budgetCentimes: 1000, maxGrantCentimes: 150, quotas: [], ranked: [c(1, 400)] });
    expect(p.awards[0]!.amountCentimes).toBe(150);
    expect(p.explanations[0]!.key).toBe("grants.proposal.capped");
  });
  it("brings forward the best-ranked woman while the quota is unmet, and says so", () => {
    const p = proposeAwards({
      budgetCentimes: 300,
      maxGrantCentimes: 1000,
      quotas: [{ trait: "woman", basis: "awards", minPercent: 50 }],
      ranked: [c(1, 100), c(2, 100), c(3, 100, { woman: true }), c(4, 100, { woman: true })],
    });
    expect(p.awards.map((a) => a.applicationId)).toEqual(["a3", "a1", "a4"]);
    expect(p.explanations[0]!.key).toBe("grants.proposal.reorder");
    expect(p.quotasMet["woman:awards:50"]).toBe(true);
  });
  it("meets a share of the budget", () => {
    const p = proposeAwards({
      budgetCentimes: 400,
      maxGrantCentimes: 1000,
      quotas: [{ trait: "migrant", basis: "budget", minPercent: 40 }],
      ranked: [c(1, 100), c(2, 100), c(3, 100), c(4, 100, { migrant: true }), c(5, 100, { migrant: true })],
    });
    expect(p.awards.map((a) => a.applicationId)).toEqual(["a4", "a5", "a1", "a2"]);
  });
  it("says when a quota cannot be reached", () => {
    const p = proposeAwards({
      budgetCentimes: 200,
      maxGrantCentimes: 1000,
      quotas: [{ trait: "woman", basis: "awards", minPercent: 50 }],
      ranked: [c(1, 100), c(2, 100)],
    });
    expect(p.awards).toHaveLength(2);
    expect(p.explanations[0]!.key).toBe("grants.proposal.quotaUnreachable");
    expect(p.quotasMet["woman:awards:50"]).toBe(false);
  });
});

describe("money out and exports", () => {
  it("splits tranches to the centime", () => {
    expect(splitTranches(1001, [50, 30, 20])).toEqual([500, 300, 201]);
    expect(splitTranches(1001, [50, 30, 20]).reduce((s, v) => s + v, 0)).toBe(1001);
  });
});

describe("blind plan and money input", () => {
  it("drops keys that name, reach or date the person, and keeps the project", async () => {
    const { blindPlan } = await import("../../../app/modules/grants/rules");
    const out = blindPlan({
      summary: { projectName: "Atelier", city: "Rabat" },
      promoterName: "X",
      owner_name: "X",
      contact: { phone: "+212" },
      phone: "+212",
      email: "a@b",
      dateOfBirth: "1990-01-01",
      legal: { form: "auto_entrepreneur" },
      legalStatus: "irregular",
      protectionNotes: "x",
      market: { competitors: [{ name: "Concurrent", priceCentimes: 100 }] },
    });
    expect(out).toEqual({
      summary: { projectName: "Atelier", city: "Rabat" },
      legal: { form: "auto_entrepreneur" },
      market: { competitors: [{ name: "Concurrent", priceCentimes: 100 }] },
    });
  });
  it("reads a call's amounts as plans do, currency written or not, and refuses a day no calendar has", async () => {
    const { CallSchema } = await import("../../../app/modules/grants/schemas.server");
    const form = {
      titleFr: "Appel",
      titleAr: "طلب",
      titleEn: "Call",
      audience: "both",
      opensOn: "2026-12-01",
      closesOn: "2026-12-31",
      reviewDeadlineOn: "2027-01-31",
      budget: "25000",
      maxGrant: "1 234,50",
    };
    const read = (budget: string) => {
      const parsed = CallSchema.safeParse({ ...form, budget });
      return parsed.success ? [parsed.data.budget, parsed.data.maxGrant] : null;
    };
    expect(read("12 500,50 MAD")).toEqual([1250050, 123450]);
    expect(read("25000")).toEqual([2500000, 123450]);
    for (const bad of ["12.345", "-5", "abc", "0"]) expect(read(bad)).toBeNull();
    expect(CallSchema.safeParse({ ...form, opensOn: "2026-02-30" }).success).toBe(false);
  });
});

describe("awardReviewCheck", () => {
  it("lets the call's reviews through, and otherwise only an admin's reason of 10 characters", async () => {
    const { awardReviewCheck } = await import("../../../app/modules/grants/rules");
    expect(awardReviewCheck({ submitted: 3, required: 3, byAdmin: false })).toBe("enough");
    expect(awardReviewCheck({ submitted: 2, required: 3, byAdmin: true })).toBe("missing");
    expect(
      awardReviewCheck({ submitted: 2, required: 3, byAdmin: false, overrideReason: "a long enough reason" }),
    ).toBe("missing");
    expect(awardReviewCheck({ submitted: 2, required: 3, byAdmin: true, overrideReason: "  too short " })).toBe(
      "reasonTooShort",
    );
    expect(awardReviewCheck({ submitted: 0, required: 3, byAdmin: true, overrideReason: "reviewer withdrew" })).toBe(
      "override",
    );
  });
});
