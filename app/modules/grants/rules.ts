/**
 * The grant rules, pure: no database, no Remix. Money is integer centimes; scores
 * are on a 0-100 scale after weighting. Each function is unit-tested.
 */
import type { MessageKey } from "~/i18n/translate";
import { ageOn } from "~/lib/age";
import { moroccoToday } from "~/lib/morocco-time";
import { type CallStatus } from "./constants";

/** The only forward moves, one step at a time; each one by an admin, audited. */
const NEXT: Record<CallStatus, Exclude<CallStatus, "draft"> | null> = {
  draft: "open",
  open: "closed",
  closed: "under_review",
  under_review: "deliberation",
  deliberation: "decided",
  decided: null,
};

export type Message = { key: string; params?: Record<string, string | number> };

/**
 * Whether a call may move to `to` now. Dates come from the server clock: a call opens
 * only before its closing date, and closes only once that date has passed.
 */
export function checkTransition(
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  to: CallStatus,
  now: Date,
): { ok: true } | { ok: false; error: MessageKey } {
  if (NEXT[call.status] !== to) return { ok: false, error: "grants.errors.transition" };
  if (to === "open" && now >= call.closesAt) return { ok: false, error: "grants.errors.openAfterClose" };
  if (to === "closed" && now < call.closesAt) return { ok: false, error: "grants.errors.closeBeforeDate" };
  return { ok: true };
}

export function nextStatus(status: CallStatus): Exclude<CallStatus, "draft"> | null {
  return NEXT[status];
}

/** An open call takes applications between its opening and closing dates. */
export function isAcceptingApplications(
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  now: Date,
): boolean {
  return call.status === "open" && now >= call.opensAt && now < call.closesAt;
}

// ---------------------------------------------------------------- rubric

export type RubricCriterion = { id: string; maxScore: number; weight: number };

export function weightsSumTo100(criteria: { weight: number }[]): boolean {
  return criteria.length > 0 && criteria.reduce((s, c) => s + c.weight, 0) === 100;
}

/**
 * One reviewer's weighted total, 0-100: each criterion's score as a fraction of its
 * maximum, times its weight (percent). A missing score counts as 0.
 */
export function weightedTotal(criteria: RubricCriterion[], scores: Record<string, number>): number {
  let total = 0;
  for (const c of criteria) {
    const score = Math.min(Math.max(scores[c.id] ?? 0, 0), c.maxScore);
    total += (score / c.maxScore) * c.weight;
  }
  return total;
}

export function mean(values: number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Population standard deviation: the reviewers of an application are all its reviewers. */
export function standardDeviation(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

export type Spread = { mean: number; sd: number; range: number; disagreement: boolean };

/** Mean, spread and the flag for discussion when max - min exceeds the threshold. */
export function summariseTotals(totals: number[], threshold = 25): Spread {
  const range = totals.length ? Math.max(...totals) - Math.min(...totals) : 0;
  return { mean: mean(totals), sd: standardDeviation(totals), range, disagreement: range > threshold };
}

export type ReviewerTotal = { reviewerId: string; applicationId: string; total: number };

/**
 * Per-reviewer z-score normalisation, rescaled to 0-100: each total becomes
 * (total - reviewer's mean) / reviewer's sd, then is mapped back onto the scale of
 * all totals (overall mean + z × overall sd), clamped to 0-100. A harsh and a lenient
 * reviewer who rank the same way end up with the same figures. A reviewer with one
 * review, or identical totals, has z = 0 (no information on their severity).
 */
export function normaliseTotals(rows: ReviewerTotal[]): ReviewerTotal[] {
  const byReviewer = new Map<string, number[]>();
  for (const r of rows) {
    const list = byReviewer.get(r.reviewerId) ?? [];
    list.push(r.total);
    byReviewer.set(r.reviewerId, list);
  }
  const stats = new Map<string, { m: number; sd: number }>();
  for (const [id, list] of byReviewer) stats.set(id, { m: mean(list), sd: standardDeviation(list) });
  const all = rows.map((r) => r.total);
  const globalMean = mean(all);
  const globalSd = standardDeviation(all);
  return rows.map((r) => {
    const s = stats.get(r.reviewerId) ?? { m: r.total, sd: 0 };
    const z = s.sd > 0 ? (r.total - s.m) / s.sd : 0;
    return { ...r, total: Math.min(100, Math.max(0, globalMean + z * globalSd)) };
  });
}

export type RankInput = {
  applicationId: string;
  mean: number;
  /** mean score on the rubric's first criterion, as a fraction of its maximum */
  firstCriterion: number;
  submittedAt: Date;
};

/**
 * The documented order: higher mean first; on equal means (to 1e-9), the higher
 * score on the first criterion; then the earlier submission; then the id, so the
 * order never depends on the database.
 */
export function compareRanked(a: RankInput, b: RankInput): number {
  const eps = 1e-9;
  if (Math.abs(a.mean - b.mean) > eps) return b.mean - a.mean;
  if (Math.abs(a.firstCriterion - b.firstCriterion) > eps) return b.firstCriterion - a.firstCriterion;
  const t = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (t !== 0) return t;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

export function rank<T extends RankInput>(items: T[]): (T & { rank: number })[] {
  return [...items].sort(compareRanked).map((item, i) => ({ ...item, rank: i + 1 }));
}

export type ScoreRow = { applicationId: string; reviewerId: string; criterionId: string; score: number };
export type RankedApplication = RankInput & Spread & { rank: number; reviewers: number };

/**
 * The whole ranking from submitted scores: totals per reviewer, optionally
 * normalised, then mean and spread per application, then the order.
 */
export function computeRanking(
  criteria: (RubricCriterion & { position: number })[],
  scores: ScoreRow[],
  submitted: Map<string, Date>,
  options: { normalise?: boolean; threshold?: number } = {},
): RankedApplication[] {
  const ordered = [...criteria].sort((a, b) => a.position - b.position);
  const first = ordered[0];
  const perReview = new Map<string, { applicationId: string; reviewerId: string; scores: Record<string, number> }>();
  for (const s of scores) {
    const key = `${s.applicationId}|${s.reviewerId}`;
    const entry = perReview.get(key) ?? { applicationId: s.applicationId, reviewerId: s.reviewerId, scores: {} };
    entry.scores[s.criterionId] = s.score;
    perReview.set(key, entry);
  }
  let totals: ReviewerTotal[] = [...perReview.values()].map((r) => ({
    applicationId: r.applicationId,
    reviewerId: r.reviewerId,
    total: weightedTotal(ordered, r.scores),
  }));
  if (options.normalise) totals = normaliseTotals(totals);
  const byApp = new Map<string, number[]>();
  for (const t of totals) byApp.set(t.applicationId, [...(byApp.get(t.applicationId) ?? []), t.total]);
  const firstByApp = new Map<string, number[]>();
  for (const r of perReview.values()) {
    const v = first ? (r.scores[first.id] ?? 0) / first.maxScore : 0;
    firstByApp.set(r.applicationId, [...(firstByApp.get(r.applicationId) ?? []), v]);
  }
  const items = [...byApp].map(([applicationId, list]) => ({
    applicationId,
    ...summariseTotals(list, options.threshold ?? 25),
    firstCriterion: mean(firstByApp.get(applicationId) ?? []),
    submittedAt: submitted.get(applicationId) ?? new Date(0),
    reviewers: list.length,
  }));
  return rank(items);
}

// ---------------------------------------------------------------- eligibility

export type Audience = "migrants" | "young_moroccans" | "both";
export type EligibilityRules = {
  audience: Audience;
  minAge: number | null;
  maxAge: number | null;
  regions: string[];
  requiredTrainings: string[];
  closesAt: Date;
};
export type ApplicantFacts = {
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  region: string | null;
  isMigrant: boolean | null;
  sex: "female" | "male" | "other" | null;
  /** ids and categories of the trainings the applicant completed */
  completedTrainings: string[];
  /** for conflict detection only */
  familyName?: string | null;
  city?: string | null;
};

/** Every rule checked, each failure a translated reason (message key and parameters). */
export function checkEligibility(
  rules: EligibilityRules,
  facts: ApplicantFacts,
): { eligible: boolean; failures: Message[] } {
  const failures: Message[] = [];
  if (rules.audience === "migrants" && facts.isMigrant !== true)
    failures.push({ key: "grants.eligibility.migrantsOnly" });
  if (rules.audience === "young_moroccans" && facts.isMigrant !== false)
    failures.push({ key: "grants.eligibility.moroccansOnly" });
  if (rules.minAge !== null || rules.maxAge !== null) {
    if (!facts.dateOfBirth) failures.push({ key: "grants.eligibility.noBirthDate" });
    else {
      // on the call's closing day in Morocco; null: not yet born by then
      const age = ageOn(facts.dateOfBirth, moroccoToday(rules.closesAt));
      if (rules.minAge !== null && (age === null || age < rules.minAge))
        failures.push({ key: "grants.eligibility.tooYoung", params: { min: rules.minAge } });
      if (rules.maxAge !== null && age !== null && age > rules.maxAge)
        failures.push({ key: "grants.eligibility.tooOld", params: { max: rules.maxAge } });
    }
  }
  if (rules.regions.length > 0 && (!facts.region || !rules.regions.includes(facts.region)))
    failures.push({ key: "grants.eligibility.region", params: { regions: rules.regions.join(",") } });
  const done = new Set(facts.completedTrainings);
  for (const required of rules.requiredTrainings) {
    if (!done.has(required)) failures.push({ key: "grants.eligibility.training", params: { training: required } });
  }
  return { eligible: failures.length === 0, failures };
}

// ---------------------------------------------------------------- assignment and conflicts

/**
 * Give every application `perApplication` reviewers. Each seat goes to the least
 * loaded member (ties by id) who is neither already on it nor in conflict, so no
 * member ends more than one above the least loaded (when conflicts allow).
 * Returns the new pairs and the applications left short of reviewers.
 */
export function autoAssign(input: {
  applications: { id: string; reviewers: string[] }[];
  members: string[];
  perApplication: number;
  conflicts: Set<string>;
  load: Map<string, number>;
}): { pairs: { applicationId: string; reviewerId: string }[]; short: string[] } {
  const load = new Map(input.members.map((m) => [m, input.load.get(m) ?? 0]));
  const pairs: { applicationId: string; reviewerId: string }[] = [];
  const short: string[] = [];
  for (const app of input.applications) {
    const on = new Set(app.reviewers);
    while (on.size < input.perApplication) {
      const candidates = input.members
        .filter((m) => !on.has(m) && !input.conflicts.has(conflictKey(app.id, m)))
        .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : 1));
      const pick = candidates[0];
      if (!pick) {
        short.push(app.id);
        break;
      }
      on.add(pick);
      load.set(pick, (load.get(pick) ?? 0) + 1);
      pairs.push({ applicationId: app.id, reviewerId: pick });
    }
  }
  return { pairs, short };
}

export function conflictKey(applicationId: string, reviewerId: string): string {
  return `${applicationId}|${reviewerId}`;
}

function normaliseName(value: string | null | undefined): string {
  return (value ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

export type PersonFacts = { phone: string | null; familyName: string | null; city: string | null };

/**
 * Conflicts the portal can see for itself: the member works in the organisation of the
 * applicant's coach, shares a phone number with the applicant, or shares family name
 * and city. Returns a reason key for each; empty when none.
 */
export function detectConflicts(
  member: PersonFacts & { organisationId: string | null },
  applicant: PersonFacts & { coachOrganisationId: string | null },
): string[] {
  const reasons: string[] = [];
  if (member.organisationId && member.organisationId === applicant.coachOrganisationId)
    reasons.push("grants.conflict.sameOrganisationAsCoach");
  if (member.phone && member.phone === applicant.phone) reasons.push("grants.conflict.samePhone");
  const fam = normaliseName(member.familyName);
  if (
    fam &&
    fam === normaliseName(applicant.familyName) &&
    normaliseName(member.city) &&
    normaliseName(member.city) === normaliseName(applicant.city)
  )
    reasons.push("grants.conflict.sameFamilyAndCity");
  return reasons;
}

// ---------------------------------------------------------------- award proposal

export type Quota = { trait: "woman" | "migrant"; basis: "budget" | "awards"; minPercent: number };
export type Candidate = {
  applicationId: string;
  label: string;
  rank: number;
  requestedCentimes: number;
  woman: boolean;
  migrant: boolean;
  /** submitted reviews; with fewer than the call asks, the application is not proposed */
  reviews?: number;
};
export type ProposalLine = { applicationId: string; label: string; rank: number; amountCentimes: number };
export type Proposal = {
  awards: ProposalLine[];
  explanations: Message[];
  remainingCentimes: number;
  quotasMet: Record<string, boolean>;
};

function hasTrait(c: Candidate, trait: Quota["trait"]): boolean {
  return trait === "woman" ? c.woman : c.migrant;
}

function quotaMet(q: Quota, awards: (ProposalLine & Candidate)[], budget: number): boolean {
  if (q.basis === "budget") {
    const withTrait = awards.filter((a) => hasTrait(a, q.trait)).reduce((s, a) => s + a.amountCentimes, 0);
    return withTrait * 100 >= q.minPercent * budget;
  }
  if (awards.length === 0) return q.minPercent <= 0;
  return awards.filter((a) => hasTrait(a, q.trait)).length * 100 >= q.minPercent * awards.length;
}

export function quotaLabel(q: Quota): string {
  return `${q.trait}:${q.basis}:${q.minPercent}`;
}

/** The candidates with their reviews in, by rank; a line for each one short of reviews (never proposed: an admin awards it with a reason). */
function shortOfReviews(ranked: Candidate[], required: number) {
  const reviewed = (c: Candidate) => (c.reviews ?? required) >= required;
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank);
  const explanations: Message[] = sorted
    .filter((c) => !reviewed(c))
    .map((c) => ({
      key: "grants.proposal.fewReviews",
      params: { label: c.label, rank: c.rank, count: c.reviews ?? 0, required },
    }));
  return { pool: sorted.filter(reviewed), explanations };
}

/**
 * The award proposal. Walk the ranking from the top; each application gets what it
 * asked for, capped at the call's maximum. While a quota is not met, the best-ranked
 * candidate who meets it and still fits comes first (a reorder, explained); a quota
 * is "not met" when awarding the top candidate would leave it below its share. An
 * application that no longer fits the remaining budget is skipped (explained). Every
 * decision is one line the committee reads, in order.
 */
export function proposeAwards(input: {
  budgetCentimes: number;
  maxGrantCentimes: number;
  quotas: Quota[];
  ranked: Candidate[];
  requiredReviews?: number;
}): Proposal {
  const { pool, explanations } = shortOfReviews(input.ranked, input.requiredReviews ?? 0);
  const awards: (ProposalLine & Candidate)[] = [];
  let remaining = input.budgetCentimes;
  const amountOf = (c: Candidate) => Math.min(c.requestedCentimes, input.maxGrantCentimes);
  const hopeless = new Set<string>();

  while (pool.length > 0) {
    const top = pool[0]!;
    let pick: Candidate = top;
    let reason: Quota | null = null;
    // a quota counts as met only if it still holds after awarding the top candidate
    const withTop = [...awards, { ...top, amountCentimes: amountOf(top) }];
    for (const q of input.quotas) {
      if (hasTrait(top, q.trait) || quotaMet(q, withTop, input.budgetCentimes)) continue;
      const holder = pool.find((c) => hasTrait(c, q.trait) && amountOf(c) <= remaining);
      if (holder) {
        pick = holder;
        reason = q;
        break;
      }
      if (!hopeless.has(quotaLabel(q))) {
        hopeless.add(quotaLabel(q));
        explanations.push({ key: "grants.proposal.quotaUnreachable", params: { quota: quotaLabel(q) } });
      }
    }
    const amount = amountOf(pick);
    if (amount > remaining) {
      // only the top can be here: a quota pick always fits
      pool.shift();
      explanations.push({
        key: "grants.proposal.skip",
        params: { label: pick.label, rank: pick.rank, amount, remaining },
      });
      continue;
    }
    pool.splice(pool.indexOf(pick), 1);
    remaining -= amount;
    awards.push({ ...pick, amountCentimes: amount });
    if (reason && pick !== top) {
      explanations.push({
        key: "grants.proposal.reorder",
        params: { label: pick.label, rank: pick.rank, before: top.label, quota: quotaLabel(reason), amount, remaining },
      });
    } else if (amount < pick.requestedCentimes) {
      explanations.push({
        key: "grants.proposal.capped",
        params: { label: pick.label, rank: pick.rank, amount, remaining },
      });
    } else {
      explanations.push({
        key: "grants.proposal.award",
        params: { label: pick.label, rank: pick.rank, amount, remaining },
      });
    }
  }
  const quotasMet: Record<string, boolean> = {};
  for (const q of input.quotas) quotasMet[quotaLabel(q)] = quotaMet(q, awards, input.budgetCentimes);
  return {
    awards: awards.map(({ applicationId, label, rank, amountCentimes }) => ({
      applicationId,
      label,
      rank,
      amountCentimes,
    })),
    explanations,
    remainingCentimes: remaining,
    quotasMet,
  };
}

// ---------------------------------------------------------------- money out

/** Split an award by the tranche percentages; the last tranche takes the rounding remainder. */
export function splitTranches(amountCentimes: number, percents: number[]): number[] {
  const out = percents.map((p) => Math.floor((amountCentimes * p) / 100));
  const sum = out.reduce((s, v) => s + v, 0);
  if (out.length) out[out.length - 1]! += amountCentimes - sum;
  return out;
}

export function tranchePercentsValid(percents: number[]): boolean {
  return (
    percents.length > 0 &&
    percents.every((p) => Number.isInteger(p) && p > 0) &&
    percents.reduce((s, p) => s + p, 0) === 100
  );
}

// ---------------------------------------------------------------- reviews and tranches

/**
 * Whether an application may be awarded: it has as many submitted reviews as the call
 * asks, or an admin overrides with a reason (10 characters at least) that the award keeps.
 */
export function awardReviewCheck(input: {
  submitted: number;
  required: number;
  overrideReason?: string | null;
  byAdmin: boolean;
}): "enough" | "override" | "missing" | "reasonTooShort" {
  if (input.submitted >= input.required) return "enough";
  if (!input.byAdmin) return "missing";
  const reason = input.overrideReason?.trim() ?? "";
  if (!reason) return "missing";
  return reason.length >= 10 ? "override" : "reasonTooShort";
}

type TrancheCondition = "signature" | "business_started" | "six_months";

/**
 * A call's schedule from its form: the three tranches in order, those at 0 % left out. The
 * business having started is always a milestone the coach confirms; the six-month tranche
 * waits for one too when the call says so; the signature's tranche, first, never does.
 */
export function trancheSchedule(input: {
  trancheSignature: number;
  trancheStarted: number;
  trancheSixMonths: number;
  trancheSixMonthsMilestone?: "on";
}): { percent: number; condition: TrancheCondition; coachMilestone: boolean }[] {
  return [
    { percent: input.trancheSignature, condition: "signature" as const, coachMilestone: false },
    { percent: input.trancheStarted, condition: "business_started" as const, coachMilestone: true },
    {
      percent: input.trancheSixMonths,
      condition: "six_months" as const,
      coachMilestone: input.trancheSixMonthsMilestone === "on",
    },
  ].filter((t) => t.percent > 0);
}

/** A stored schedule with every milestone said: calls saved before the choice had the business start as the coach's only. */
export function withMilestones(
  tranches: { percent: number; condition: TrancheCondition; coachMilestone?: boolean }[],
): { percent: number; condition: TrancheCondition; coachMilestone: boolean }[] {
  return tranches.map((t) => ({ ...t, coachMilestone: t.coachMilestone ?? t.condition === "business_started" }));
}

/** Who confirms a tranche's condition: a milestone by the person's current coach (or an admin standing in), the rest by an admin. */
export function mayConfirmTranche(
  tranche: { coachMilestone: boolean },
  who: { isAdmin: boolean; isCurrentCoach: boolean },
): boolean {
  return who.isAdmin || (tranche.coachMilestone && who.isCurrentCoach);
}

// ---------------------------------------------------------------- exports

/** The reference printed on letters: call year, application number, zero-padded. */
export function awardReference(year: number, applicationNumber: number): string {
  return `MASAR-${year}-${String(applicationNumber).padStart(5, "0")}`;
}

// ---------------------------------------------------------------- input helpers and blind view

/** Keys of a plan snapshot that could identify or reach the applicant: never shown to reviewers. */
const PERSONAL_KEY =
  /(given|family|full|owner|promoter|applicant|first|last|user|display)_?name|phone|mobile|e-?mail|contact|address|adresse|birth|naissance|^dob$|nationality|passport|^cin$|whatsapp|protection|vulnerab|legal_?status|case_?notes/i;

/**
 * The plan as a committee member may read it: the same tree without any key that
 * names, reaches or dates the person (a project's or a competitor's `name` is kept).
 * A PlanDocument holds none of these already; this is the second lock, for any
 * snapshot format. Free text goes through `blindPlanText` (decision 0151).
 */
export function blindPlan(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blindPlan);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (PERSONAL_KEY.test(k)) continue;
      out[k] = blindPlan(v);
    }
    return out;
  }
  return value;
}
