import { and, asc, desc, eq, inArray, isNull, lte, gt, ne, sql } from "drizzle-orm";
import { runPrepared, type Database, type Executor } from "~db/client";
import {
  coachAssignments,
  grantApplications,
  grantAssignments,
  grantAwards,
  grantCalls,
  grantConflicts,
  grantCriteria,
  grantScores,
  grantTranches,
  profiles,
  trainingCategoryEnum,
  users,
} from "~db/schema";
import { blindPlanText, namesInPlan } from "./blind-rules";
import { blindPlan, proposeAwards, type Candidate } from "./rules";
import { isUuid } from "~/lib/ids";

/** The training categories a call may require (from the trainings module). */
export const TRAINING_CATEGORIES = trainingCategoryEnum.enumValues;

export async function listCalls(db: Database) {
  return db.select().from(grantCalls).orderBy(desc(grantCalls.createdAt));
}

export async function getCall(db: Executor, callId: string) {
  if (!isUuid(callId)) return null;
  const [call] = await db.select().from(grantCalls).where(eq(grantCalls.id, callId));
  if (!call) return null;
  const criteria = await db
    .select()
    .from(grantCriteria)
    .where(eq(grantCriteria.callId, callId))
    .orderBy(asc(grantCriteria.position));
  return { call, criteria };
}

/** Calls taking applications now, by the server clock. */
export async function listOpenCalls(db: Database, now = new Date()) {
  return db
    .select()
    .from(grantCalls)
    .where(and(eq(grantCalls.status, "open"), lte(grantCalls.opensAt, now), gt(grantCalls.closesAt, now)))
    .orderBy(asc(grantCalls.closesAt));
}

export async function listApplicationsOfApplicant(db: Database, applicantId: string) {
  return db
    .select({
      id: grantApplications.id,
      status: grantApplications.status,
      submittedAt: grantApplications.submittedAt,
      callId: grantCalls.id,
      titleFr: grantCalls.titleFr,
      titleAr: grantCalls.titleAr,
      titleEn: grantCalls.titleEn,
      callStatus: grantCalls.status,
      closesAt: grantCalls.closesAt,
    })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(eq(grantApplications.applicantId, applicantId))
    .orderBy(desc(grantApplications.submittedAt));
}

/**
 * One application as its applicant (or an admin) sees it: the timeline, the eligibility
 * reasons, and once the call is decided, the decision, the comments and the tranches.
 */
export async function getApplicationFor(db: Database, actor: { id: string; role: string }, applicationId: string) {
  const [row] = await db
    .select({
      app: grantApplications,
      call: grantCalls,
      applicantName: users.displayName,
      applicantLocale: users.locale,
    })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .innerJoin(users, eq(users.id, grantApplications.applicantId))
    .where(eq(grantApplications.id, applicationId));
  if (!row) return null;
  if (actor.role !== "admin" && row.app.applicantId !== actor.id) return null;
  const decided = row.call.status === "decided";
  const [award] = decided
    ? await db.select().from(grantAwards).where(eq(grantAwards.applicationId, applicationId))
    : [];
  const tranches = award
    ? await db
        .select()
        .from(grantTranches)
        .where(eq(grantTranches.awardId, award.id))
        .orderBy(asc(grantTranches.position))
    : [];
  return { ...row, decided, award: award ?? null, tranches };
}

// ---------------------------------------------------------------- committee (blind)

/** A committee member's assignments, the nearest deadline first (her list: its statement is built once). */
export async function listAssignmentsOfReviewer(db: Database, reviewerId: string) {
  return runPrepared(db, "assignments_of_reviewer", assignmentsOfReviewer, { reviewerId });
}
const assignmentsOfReviewer = (db: Executor) =>
  db
    .select({
      assignmentId: grantAssignments.id,
      number: grantApplications.number,
      submittedAt: grantAssignments.submittedAt,
      callTitleFr: grantCalls.titleFr,
      callTitleAr: grantCalls.titleAr,
      callTitleEn: grantCalls.titleEn,
      reviewDeadline: grantCalls.reviewDeadline,
      callStatus: grantCalls.status,
    })
    .from(grantAssignments)
    .innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(eq(grantAssignments.reviewerId, sql.placeholder("reviewerId")))
    .orderBy(asc(grantCalls.reviewDeadline), asc(grantApplications.number));

/** The applicant's display name, for a reading that shows it. */
async function displayNameOf(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.displayName ?? null;
}

/** Every way the account and the profile write the applicant's name: what a blind reading hides. */
async function namesToHide(db: Database, userId: string): Promise<(string | null)[]> {
  const [person] = await db
    .select({
      displayName: users.displayName,
      givenName: profiles.givenName,
      familyName: profiles.familyName,
      givenNameAr: profiles.givenNameAr,
      familyNameAr: profiles.familyNameAr,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  return person ? Object.values(person) : [];
}

/**
 * What a committee member may see of an application assigned to them: its number, the
 * plan without anything that names or reaches the person, the amount asked, the rubric
 * and their own scores. Never the name, contact, birth date or protection data (the
 * name only when the call allows it and this member has submitted). Null when the
 * assignment is not theirs. While the review is blind the plan's free text comes with the
 * applicant's names and every contact replaced by `hiddenMarker` (the reader's
 * "[hidden]"), and `hiddenPassages` says how many (decision 0151).
 */
export async function getBlindAssignment(db: Database, reviewerId: string, assignmentId: string, hiddenMarker: string) {
  const [row] = await db
    .select({
      assignmentId: grantAssignments.id,
      submittedAt: grantAssignments.submittedAt,
      reopenedAt: grantAssignments.reopenedAt,
      reopenReason: grantAssignments.reopenReason,
      applicationId: grantApplications.id,
      number: grantApplications.number,
      planSnapshot: grantApplications.planSnapshot,
      requestedCentimes: grantApplications.requestedCentimes,
      applicantId: grantApplications.applicantId,
      call: grantCalls,
    })
    .from(grantAssignments)
    .innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(and(eq(grantAssignments.id, assignmentId), eq(grantAssignments.reviewerId, reviewerId)));
  if (!row) return null;
  // the name is shown only when the call allows it and this member has scored; otherwise the
  // names are read only to be hidden from the plan's text. The three reads are independent.
  const showsName = row.call.showNamesAfterScoring && row.submittedAt !== null;
  const [criteria, scores, names] = await Promise.all([
    db.select().from(grantCriteria).where(eq(grantCriteria.callId, row.call.id)).orderBy(asc(grantCriteria.position)),
    db.select().from(grantScores).where(eq(grantScores.assignmentId, assignmentId)),
    showsName
      ? displayNameOf(db, row.applicantId).then(async (name) => ({
          shown: name,
          toHide: name ? [] : await namesToHide(db, row.applicantId),
        }))
      : namesToHide(db, row.applicantId).then((toHide) => ({ shown: null, toHide })),
  ]);
  const applicantName = names.shown;
  const plan = blindPlan(row.planSnapshot);
  const blind = applicantName
    ? { plan, hidden: 0 }
    : blindPlanText(
        plan,
        // the plan's own stored names too, read before `blindPlan` dropped the keys naming the person
        { names: [...names.toHide, ...namesInPlan(row.planSnapshot)] },
        hiddenMarker,
      );
  return {
    assignmentId: row.assignmentId,
    submittedAt: row.submittedAt,
    reopenedAt: row.reopenedAt,
    reopenReason: row.reopenReason,
    number: row.number,
    plan: blind.plan,
    hiddenPassages: blind.hidden,
    requestedCentimes: row.requestedCentimes,
    applicantName,
    call: {
      id: row.call.id,
      titleFr: row.call.titleFr,
      titleAr: row.call.titleAr,
      titleEn: row.call.titleEn,
      status: row.call.status,
      reviewDeadline: row.call.reviewDeadline,
    },
    criteria: criteria.map((c) => ({
      id: c.id,
      labelFr: c.labelFr,
      labelAr: c.labelAr,
      labelEn: c.labelEn,
      descriptionFr: c.descriptionFr,
      descriptionAr: c.descriptionAr,
      descriptionEn: c.descriptionEn,
      maxScore: c.maxScore,
      weight: c.weight,
    })),
    scores: Object.fromEntries(scores.map((s) => [s.criterionId, { score: s.score, comment: s.comment }])),
  };
}

// ---------------------------------------------------------------- ranking (SQL)

export type RankingRow = {
  applicationId: string;
  number: number;
  rank: number;
  mean: number;
  sd: number;
  range: number;
  firstCriterion: number;
  reviewers: number;
  disagreement: boolean;
  requestedCentimes: number;
  isWoman: boolean;
  isMigrant: boolean;
  submittedAt: Date;
};

/**
 * The ranking, computed by PostgreSQL from submitted reviews of eligible applications:
 * each reviewer's weighted total (0-100, kept on the assignment by `refreshReviewTotals`), optionally z-normalised per reviewer and
 * rescaled on the scale of all totals; per application the mean, the population sd,
 * the range, the disagreement flag; ordered by mean, then the first criterion, then
 * the earlier submission, then the id. The same rules as `computeRanking` in rules.ts,
 * which a test compares against.
 */
export async function rankingForCall(
  db: Executor,
  callId: string,
  options: { normalise?: boolean } = {},
): Promise<RankingRow[]> {
  const normalise = options.normalise === true;
  const rows = await db.execute<{
    application_id: string;
    number: number;
    rank: number;
    mean: number;
    sd: number;
    range: number;
    first_criterion: number;
    reviewers: number;
    disagreement: boolean;
    requested_centimes: string;
    is_woman: boolean;
    is_migrant: boolean;
    submitted_at: string | Date;
  }>(sql`
    with call as (
      select id, disagreement_threshold from grant_calls where id = ${callId}
    ), reviews as (
      select a.application_id, a.reviewer_id, a.total, a.first_fraction as first
      from grant_assignments a
      join grant_applications ap on ap.id = a.application_id and ap.call_id = ${callId}
        and ap.status in ('eligible', 'awarded', 'rejected')
      where a.submitted_at is not null and a.total is not null
    ), rs as (
      select reviewer_id, avg(total) as m, coalesce(stddev_pop(total), 0) as sd from reviews group by reviewer_id
    ), g as (
      select avg(total) as gm, coalesce(stddev_pop(total), 0) as gsd from reviews
    ), scored as (
      select r.application_id, r.first,
        case when ${normalise}
          then least(100, greatest(0, g.gm + (case when rs.sd > 0 then (r.total - rs.m) / rs.sd else 0 end) * g.gsd))
          else r.total end as total
      from reviews r join rs using (reviewer_id) cross join g
    ), per_app as (
      select application_id, avg(total) as mean,
        coalesce(stddev_pop(total), 0) as sd,
        max(total) - min(total) as range,
        avg(first) as first_criterion,
        count(*)::int as reviewers
      from scored group by application_id
    )
    select p.application_id, ap.number, p.mean, p.sd, p.range, p.first_criterion, p.reviewers,
      p.range > (select disagreement_threshold from call) as disagreement,
      ap.requested_centimes, ap.is_woman, ap.is_migrant, ap.submitted_at,
      row_number() over (order by round(p.mean::numeric, 9) desc, round(p.first_criterion::numeric, 9) desc,
        ap.submitted_at asc, p.application_id asc)::int as rank
    from per_app p join grant_applications ap on ap.id = p.application_id
    order by rank
  `);
  return rows.map((r) => ({
    applicationId: r.application_id,
    number: Number(r.number),
    rank: Number(r.rank),
    mean: Number(r.mean),
    sd: Number(r.sd),
    range: Number(r.range),
    firstCriterion: Number(r.first_criterion),
    reviewers: Number(r.reviewers),
    disagreement: Boolean(r.disagreement),
    requestedCentimes: Number(r.requested_centimes),
    isWoman: Boolean(r.is_woman),
    isMigrant: Boolean(r.is_migrant),
    submittedAt: new Date(r.submitted_at),
  }));
}

/** The award proposal over the raw ranking (not the normalised one), with the call's quotas and budget. */
export async function proposalForCall(db: Executor, callId: string) {
  const found = await getCall(db, callId);
  if (!found) return null;
  const ranking = await rankingForCall(db, callId);
  const candidates: Candidate[] = ranking.map((r) => ({
    applicationId: r.applicationId,
    // the bare number: the proposal's messages name it ("N° 12", "رقم 12")
    label: String(r.number),
    rank: r.rank,
    requestedCentimes: r.requestedCentimes,
    woman: r.isWoman,
    migrant: r.isMigrant,
    reviews: r.reviewers,
  }));
  const proposal = proposeAwards({
    requiredReviews: found.call.reviewersPerApplication,
    budgetCentimes: found.call.budgetCentimes,
    maxGrantCentimes: found.call.maxGrantCentimes,
    quotas: found.call.quotas,
    ranked: candidates,
  });
  return { ...found, ranking, proposal };
}

// ---------------------------------------------------------------- admin views

export async function applicationsOfCall(db: Database, callId: string) {
  return db
    .select({
      id: grantApplications.id,
      number: grantApplications.number,
      status: grantApplications.status,
      applicantName: users.displayName,
      requestedCentimes: grantApplications.requestedCentimes,
      eligibilityFailures: grantApplications.eligibilityFailures,
      screeningReason: grantApplications.screeningReason,
      decisionComment: grantApplications.decisionComment,
      submittedAt: grantApplications.submittedAt,
      isWoman: grantApplications.isWoman,
      isMigrant: grantApplications.isMigrant,
    })
    .from(grantApplications)
    .innerJoin(users, eq(users.id, grantApplications.applicantId))
    .where(and(eq(grantApplications.callId, callId), ne(grantApplications.status, "withdrawn")))
    .orderBy(asc(grantApplications.number));
}

export async function assignmentsOfCall(db: Database, callId: string) {
  return db
    .select({
      id: grantAssignments.id,
      applicationId: grantAssignments.applicationId,
      number: grantApplications.number,
      reviewerId: grantAssignments.reviewerId,
      reviewerName: users.displayName,
      submittedAt: grantAssignments.submittedAt,
    })
    .from(grantAssignments)
    .innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
    .innerJoin(users, eq(users.id, grantAssignments.reviewerId))
    .where(eq(grantApplications.callId, callId))
    .orderBy(asc(grantApplications.number), asc(users.displayName));
}

export async function conflictsOfCall(db: Database, callId: string) {
  return db
    .select({
      id: grantConflicts.id,
      number: grantApplications.number,
      reviewerName: users.displayName,
      source: grantConflicts.source,
      status: grantConflicts.status,
      reason: grantConflicts.reason,
    })
    .from(grantConflicts)
    .innerJoin(grantApplications, eq(grantApplications.id, grantConflicts.applicationId))
    .innerJoin(users, eq(users.id, grantConflicts.reviewerId))
    .where(eq(grantApplications.callId, callId))
    .orderBy(asc(grantApplications.number));
}

export async function committeeMembers(db: Database) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.role, "committee_member"), eq(users.isActive, true)))
    .orderBy(asc(users.displayName));
}

export async function awardsOfCall(db: Executor, callId: string) {
  const awards = await db
    .select({ award: grantAwards, number: grantApplications.number, applicantName: users.displayName })
    .from(grantAwards)
    .innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
    .innerJoin(users, eq(users.id, grantApplications.applicantId))
    .where(eq(grantAwards.callId, callId))
    .orderBy(asc(grantApplications.number));
  const ids = awards.map((a) => a.award.id);
  const tranches = ids.length
    ? await db
        .select()
        .from(grantTranches)
        .where(inArray(grantTranches.awardId, ids))
        .orderBy(asc(grantTranches.position))
    : [];
  return awards.map((a) => ({ ...a, tranches: tranches.filter((t) => t.awardId === a.award.id) }));
}

/** Milestone tranches a coach may confirm (the business started, or a later one the call chose): those of the beneficiaries they currently follow. */
export async function tranchesForCoach(db: Database, coachId: string) {
  return db
    .select({
      trancheId: grantTranches.id,
      condition: grantTranches.condition,
      position: grantTranches.position,
      amountCentimes: grantTranches.amountCentimes,
      reference: grantAwards.reference,
      beneficiaryName: users.displayName,
    })
    .from(grantTranches)
    .innerJoin(grantAwards, eq(grantAwards.id, grantTranches.awardId))
    .innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
    .innerJoin(users, eq(users.id, grantApplications.applicantId))
    .innerJoin(
      coachAssignments,
      and(eq(coachAssignments.beneficiaryId, grantApplications.applicantId), isNull(coachAssignments.endedAt)),
    )
    .where(
      and(
        eq(coachAssignments.coachId, coachId),
        eq(grantTranches.coachMilestone, true),
        isNull(grantTranches.conditionConfirmedAt),
      ),
    );
}
