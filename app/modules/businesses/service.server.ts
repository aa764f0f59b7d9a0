/**
 * Funded businesses after launch: the schedule of each beneficiary's visits, due visits
 * for a coach's caseload, and recording a visit (the beneficiary's current coach or an
 * admin; once per award and milestone, which the database keeps under concurrency).
 */
import { and, eq, sql } from "drizzle-orm";
import { idIn, runPrepared, type Database, type Executor } from "~db/client";
import { businessFollowUps, grantApplications, grantAwards, grantTranches } from "~db/schema";
import { isUniqueViolation } from "~db/errors";
import type { Actor } from "~/modules/auth/permissions";
import { auditRecord } from "~/modules/audit/service.server";
import { mayFollow } from "~/modules/internships/service.server";
import { moroccoToday } from "~/lib/morocco-time";
import type { FieldErrors } from "~/lib/forms";
import { fail, type Meta, type Result } from "~/lib/result";
import { changedFields, pick, versionOf } from "~/lib/changes";
import {
  followUpProblems,
  followUpSchedule,
  type FollowUpInput,
  type FollowUpMonths,
  type RevenueBand,
  type ScheduledFollowUp,
} from "./rules";

export type FundedBusiness = {
  awardId: string;
  reference: string;
  beneficiaryId: string;
  lastPaidOn: string | null;
  schedule: ScheduledFollowUp[];
  records: VisitRecord[];
};

/** A recorded visit as its form shows it (and corrects it). */
export type VisitRecord = FollowUpInput & { monthsAfter: number; formalised: boolean };

/** What a visit's correction compares and writes; its version is a fingerprint of them. */
const VISIT_FIELDS = [
  "visitedOn",
  "stillRunning",
  "revenueBand",
  "jobsCreated",
  "jobsWomen",
  "jobsMigrants",
  "formalised",
] as const;

/** The version a visit's correction form carries: a correction of a visit changed since is refused. */
export function visitVersion(record: Omit<VisitRecord, "monthsAfter">): string {
  return versionOf(record, VISIT_FIELDS);
}

/**
 * The funded businesses of some beneficiaries, each with its visits' schedule: one
 * statement, the recorded visits gathered per award by the database (issue 19).
 */
export async function fundedBusinesses(
  db: Executor,
  beneficiaryIds: string[],
  today: string,
): Promise<FundedBusiness[]> {
  if (beneficiaryIds.length === 0) return [];
  const awards = await runPrepared(db, "businesses_funded_of", fundedAwardsQuery, { ids: beneficiaryIds });
  return fundedBusinessesFrom(awards, today);
}

/** An award as `fundedAwardFields` reads it (the coach's caseload reads them as a json list too). */
type FundedAward = {
  awardId: string;
  reference: string;
  beneficiaryId: string;
  /** a Date from its own statement, its ISO text from a json list */
  lastPaidAt: Date | string | null;
  records: VisitRecord[];
};

/** The businesses, each with its visits' schedule on `today`, from their awards' rows. */
export function fundedBusinessesFrom(awards: FundedAward[], today: string): FundedBusiness[] {
  return awards.map((a) => {
    const lastPaidOn = a.lastPaidAt ? moroccoToday(new Date(a.lastPaidAt)) : null;
    const schedule = followUpSchedule(
      lastPaidOn,
      a.records.map((v) => v.monthsAfter),
      today,
    );
    return {
      awardId: a.awardId,
      reference: a.reference,
      beneficiaryId: a.beneficiaryId,
      lastPaidOn,
      schedule,
      records: a.records,
    };
  });
}

/**
 * A funded business's award: its reference, its beneficiary, the last tranche's payment
 * once every tranche is paid, the visits recorded. Read from `grant_awards` joined to
 * `grant_applications` (fundedAwardsQuery; the coach's caseload as a json list).
 */
export const fundedAwardFields = {
  awardId: grantAwards.id,
  reference: grantAwards.reference,
  beneficiaryId: grantApplications.applicantId,
  lastPaidAt: sql<Date | string | null>`(select case when count(*) filter (where ${grantTranches.paidAt} is null) = 0
        then max(${grantTranches.paidAt}) end from ${grantTranches} where ${grantTranches.awardId} = ${grantAwards}.id)`,
  records: sql<VisitRecord[]>`coalesce((select json_agg(json_build_object('monthsAfter', f.months_after,
        'visitedOn', f.visited_on, 'stillRunning', f.still_running, 'revenueBand', f.revenue_band,
        'jobsCreated', f.jobs_created, 'jobsWomen', f.jobs_women, 'jobsMigrants', f.jobs_migrants,
        'formalised', f.formalised) order by f.months_after)
        from ${businessFollowUps} f where f.award_id = ${grantAwards}.id), '[]'::json)`,
};

/** Its statement, built once (`runPrepared`). */
const fundedAwardsQuery = (db: Executor) =>
  db
    .select(fundedAwardFields)
    .from(grantAwards)
    .innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
    .where(idIn(grantApplications.applicantId, "ids"));

/** Visits whose day has come and that nobody recorded, per beneficiary. */
export async function dueFollowUps(
  db: Executor,
  beneficiaryIds: string[],
  today: string,
): Promise<Map<string, number>> {
  return dueFollowUpsOf(await fundedBusinesses(db, beneficiaryIds, today));
}

/** The visits due of some businesses, per beneficiary. */
export function dueFollowUpsOf(businesses: FundedBusiness[]): Map<string, number> {
  const due = new Map<string, number>();
  for (const business of businesses) {
    const count = business.schedule.filter((s) => s.state === "due").length;
    if (count) due.set(business.beneficiaryId, (due.get(business.beneficiaryId) ?? 0) + count);
  }
  return due;
}

export type RecordFollowUpInput = FollowUpInput & {
  awardId: string;
  monthsAfter: FollowUpMonths;
  formalised: boolean;
};

/** The visit's problems as the form's field errors, or null when it holds together. */
function problemErrors(input: FollowUpInput, dueOn: string, today: string): FieldErrors | null {
  const problems = followUpProblems(input, dueOn, today);
  if (!Object.keys(problems).length) return null;
  const errors = Object.fromEntries(
    Object.entries(problems).map(([field, key]) => [field, `businesses.errors.${key}`]),
  );
  return errors as FieldErrors;
}

export async function recordFollowUp(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: RecordFollowUpInput,
  meta: Meta,
): Promise<Result> {
  if (!(await mayFollow(db, actor, beneficiaryId))) return fail(404, {});
  const today = moroccoToday(meta.now ?? new Date());
  const [business] = (await fundedBusinesses(db, [beneficiaryId], today)).filter((b) => b.awardId === input.awardId);
  const visit = business?.schedule.find((s) => s.monthsAfter === input.monthsAfter);
  if (!business || !visit) return fail(404, {});
  if (visit.state === "recorded") return fail(409, { form: "businesses.errors.alreadyRecorded" });
  if (visit.state === "later") return fail(409, { form: "businesses.errors.notDue" });
  const problems = problemErrors(input, visit.dueOn, today);
  if (problems) return fail(400, problems);
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(businessFollowUps)
        .values({ ...input, revenueBand: input.stillRunning ? input.revenueBand : null, recordedById: actor.id })
        .returning({ id: businessFollowUps.id });
      await auditRecord(tx, actor, "businesses.follow_up.record", ["business_follow_up", row!.id], meta.ip);
    });
  } catch (error) {
    if (isUniqueViolation(error, "business_follow_ups_award_months_key"))
      return fail(409, { form: "businesses.errors.alreadyRecorded" });
    throw error;
  }
  return { ok: true };
}

/**
 * Correct a recorded visit: the beneficiary's current coach or an admin, with the
 * recording's own rules, from a form showing the visit as it was (a visit corrected
 * since is refused: 409). Only the fields that changed are written, and the audit row
 * names them; nothing changed writes nothing. The reports follow (their version moves
 * with every write to the visits, migration 0043).
 */
export async function correctFollowUp(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: RecordFollowUpInput & { version: string },
  meta: Meta,
): Promise<Result<{ changed: boolean }>> {
  if (!(await mayFollow(db, actor, beneficiaryId))) return fail(404, {});
  const today = moroccoToday(meta.now ?? new Date());
  const [business] = (await fundedBusinesses(db, [beneficiaryId], today)).filter((b) => b.awardId === input.awardId);
  const visit = business?.schedule.find((s) => s.monthsAfter === input.monthsAfter);
  if (!business || visit?.state !== "recorded") return fail(404, {});
  const problems = problemErrors(input, visit.dueOn, today);
  if (problems) return fail(400, problems);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(businessFollowUps)
      .where(and(eq(businessFollowUps.awardId, input.awardId), eq(businessFollowUps.monthsAfter, input.monthsAfter)))
      .for("update");
    if (!row) return fail(404, {});
    const stored = { ...pick(row, VISIT_FIELDS), revenueBand: row.revenueBand as RevenueBand | null };
    if (visitVersion(stored) !== input.version) return fail(409, { form: "businesses.errors.stale" });
    const typed = { ...input, revenueBand: input.stillRunning ? input.revenueBand : null };
    const { fields, changes } = changedFields(stored, pick(typed, VISIT_FIELDS));
    if (!fields.length) return { ok: true as const, changed: false };
    await tx.update(businessFollowUps).set(changes).where(eq(businessFollowUps.id, row.id));
    await auditRecord(tx, actor, "businesses.follow_up.correct", ["business_follow_up", row.id], meta.ip, fields);
    return { ok: true as const, changed: true };
  });
}

function recordOnFile(record: VisitRecord | undefined) {
  return record ? { ...record, version: visitVersion(record) } : null;
}

/** A beneficiary's businesses as their file shows them: each visit with its record, if any. */
export async function businessesOnFile(db: Executor, beneficiaryId: string, today: string) {
  return (await fundedBusinesses(db, [beneficiaryId], today)).map((b) => ({
    awardId: b.awardId,
    reference: b.reference,
    lastPaidOn: b.lastPaidOn,
    visits: b.schedule.map((v) => ({
      ...v,
      record: recordOnFile(b.records.find((r) => r.monthsAfter === v.monthsAfter)),
    })),
  }));
}
