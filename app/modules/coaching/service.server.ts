import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "~db/client";
import {
  coachAssignments,
  coachingActions,
  guidanceSessions,
  jobSearchLogs,
  trainingOutcomes,
  users,
} from "~db/schema";
import { isUniqueViolation } from "~db/errors";
import { moroccoToday } from "~/lib/morocco-time";
import { mayFollow } from "~/modules/internships/service.server";
import { employmentChecksOf } from "./queries.server";
import type { CorrectEmploymentCheckInput, EmploymentCheckInput } from "./schemas.server";
import { changedFields, pick, versionOf } from "~/lib/changes";
import { auditMany, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { isUuid } from "~/lib/ids";
import type { GuidanceInput, JobSearchInput } from "./schemas.server";
import { fail, type Meta, type Result } from "~/lib/result";

type Actor = NonNullable<AuditActor>;

/**
 * Give a beneficiary a coach. A current assignment to another coach is ended in the
 * same transaction (history kept); the partial unique index holds "one current coach".
 * Concurrent assignments of one beneficiary are serialised: the last one wins.
 */
export async function assignCoach(
  db: Database,
  actor: Actor,
  input: { beneficiaryId: string; coachId: string; note?: string },
  meta: Meta,
): Promise<Result> {
  return db.transaction(async (tx) => {
    // the beneficiary's row is the lock: with no current assignment there is nothing else
    // to lock, and two concurrent assignments would both try to insert a current one
    const [b] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, input.beneficiaryId))
      .for("no key update");
    if (b?.role !== "applicant") return fail(400, { beneficiaryId: "errors.required" });
    const [c] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.coachId));
    if (c?.role !== "coach") return fail(400, { coachId: "errors.required" });
    const [current] = await tx
      .select()
      .from(coachAssignments)
      .where(and(eq(coachAssignments.beneficiaryId, input.beneficiaryId), isNull(coachAssignments.endedAt)))
      .for("update");
    if (current?.coachId === input.coachId) return { ok: true as const };
    if (current)
      await tx.update(coachAssignments).set({ endedAt: new Date() }).where(eq(coachAssignments.id, current.id));
    const [row] = await tx
      .insert(coachAssignments)
      .values({
        coachId: input.coachId,
        beneficiaryId: input.beneficiaryId,
        assignedById: actor.id,
        note: input.note ?? null,
      })
      .returning({ id: coachAssignments.id });
    await auditRecord(tx, actor, "coaching.assign", ["coach_assignment", row?.id], meta.ip);
    return { ok: true as const };
  });
}

/** End the beneficiary's current assignment; 404 when there is none (ended already). */
export async function endAssignment(db: Database, actor: Actor, beneficiaryId: string, meta: Meta): Promise<Result> {
  if (!isUuid(beneficiaryId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(coachAssignments)
      .set({ endedAt: new Date() })
      .where(and(eq(coachAssignments.beneficiaryId, beneficiaryId), isNull(coachAssignments.endedAt)))
      .returning({ id: coachAssignments.id });
    await auditMany(
      tx,
      { actor, action: "coaching.unassign", entityType: "coach_assignment", ip: meta.ip },
      rows.map((r) => r.id),
    );
    return rows.length ? { ok: true as const } : fail(404, {});
  });
}

export async function recordGuidance(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: GuidanceInput,
  meta: Meta,
) {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(guidanceSessions)
      .values({
        beneficiaryId,
        coachId: actor.id,
        heldOn: input.heldOn,
        goals: input.goals,
        obstacles: input.obstacles,
      })
      .returning({ id: guidanceSessions.id });
    if (!session) throw new Error("no row");
    const steps = ([1, 2, 3] as const).flatMap((i) => {
      const description = input[`step${i}`];
      const dueOn = input[`due${i}`];
      return description && dueOn
        ? [{ beneficiaryId, coachId: actor.id, guidanceSessionId: session.id, description, dueOn }]
        : [];
    });
    if (steps.length) await tx.insert(coachingActions).values(steps);
    await auditRecord(tx, actor, "coaching.guidance.record", ["guidance_session", session.id], meta.ip);
    return session;
  });
}

/** Mark a step done; 404 when it is not this beneficiary's, or done already. */
export async function completeAction(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  actionId: string,
  meta: Meta,
): Promise<Result> {
  if (!isUuid(actionId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(coachingActions)
      .set({ doneAt: new Date() })
      .where(
        and(
          eq(coachingActions.id, actionId),
          eq(coachingActions.beneficiaryId, beneficiaryId),
          isNull(coachingActions.doneAt),
        ),
      )
      .returning({ id: coachingActions.id });
    if (rows.length) await auditRecord(tx, actor, "coaching.action.done", ["coaching_action", actionId], meta.ip);
    return rows.length ? { ok: true as const } : fail(404, {});
  });
}

export async function logJobSearch(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: JobSearchInput,
  meta: Meta,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(jobSearchLogs)
      .values({ beneficiaryId, coachId: actor.id, ...input })
      .returning({ id: jobSearchLogs.id });
    await auditRecord(tx, actor, "coaching.jobsearch.log", ["job_search_log", row?.id], meta.ip);
    return row;
  });
}

/**
 * Record whether a person trained by the programme works, 3 or 6 months after the end of
 * her training: her current coach or an admin, once the check's day has come, once per
 * person and milestone (the unique index holds it when sent twice at once: 409).
 */
export async function recordEmploymentCheck(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: EmploymentCheckInput,
  meta: Meta,
): Promise<Result> {
  if (!(await mayFollow(db, actor, beneficiaryId))) return fail(404, {});
  const today = moroccoToday(meta.now ?? new Date());
  const check = (await employmentChecksOf(db, [beneficiaryId], today))
    .get(beneficiaryId)
    ?.schedule.find((c) => c.monthsAfter === input.monthsAfter);
  if (!check) return fail(409, { form: "coaching.employmentCheck.errors.notTrained" });
  if (check.state === "recorded") return fail(409, { form: "coaching.employmentCheck.errors.alreadyRecorded" });
  if (check.state === "later") return fail(409, { form: "coaching.employmentCheck.errors.notDue" });
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(trainingOutcomes)
        .values({ userId: beneficiaryId, ...input, recordedOn: today, recordedById: actor.id })
        .returning({ id: trainingOutcomes.id });
      await auditRecord(
        tx,
        actor,
        `coaching.employment_check.${input.monthsAfter}`,
        ["training_outcome", row?.id],
        meta.ip,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, "training_outcomes_user_months_key"))
      return fail(409, { form: "coaching.employmentCheck.errors.alreadyRecorded" });
    throw error;
  }
  return { ok: true as const };
}

/** What a check's correction compares and writes; its version is a fingerprint of them. */
const CHECK_FIELDS = ["employmentStatus"] as const;

/** The version a check's correction form carries: a correction of a check changed since is refused. */
export function checkVersion(record: { employmentStatus: string }): string {
  return versionOf(record, CHECK_FIELDS);
}

/** Who may correct a recorded check: the coach who recorded it (while she follows the person), or an admin. */
export function mayCorrectCheck(actor: Pick<Actor, "id" | "role">, record: { recordedById: string }): boolean {
  return actor.role === "admin" || record.recordedById === actor.id;
}

/**
 * Correct a recorded employment check (decision: correcting an employment check): the
 * coach who recorded it, while she is still the person's coach, or an admin; from a form
 * showing the check as it was (a check corrected since is refused: 409). The day it was
 * recorded stays; only the status changes, audited with the field named; nothing changed
 * writes nothing. The reports follow (their version moves with every write, migration 0052).
 */
export async function correctEmploymentCheck(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: CorrectEmploymentCheckInput,
  meta: Meta,
): Promise<Result<{ changed: boolean }>> {
  if (!(await mayFollow(db, actor, beneficiaryId))) return fail(404, {});
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(trainingOutcomes)
      .where(and(eq(trainingOutcomes.userId, beneficiaryId), eq(trainingOutcomes.monthsAfter, input.monthsAfter)))
      .for("update");
    if (!row) return fail(404, {});
    if (!mayCorrectCheck(actor, row)) return fail(403, { form: "coaching.employmentCheck.errors.notRecorder" });
    if (checkVersion(row) !== input.version) return fail(409, { form: "coaching.employmentCheck.errors.stale" });
    const { fields, changes } = changedFields(pick(row, CHECK_FIELDS), pick(input, CHECK_FIELDS));
    if (!fields.length) return { ok: true as const, changed: false };
    await tx.update(trainingOutcomes).set(changes).where(eq(trainingOutcomes.id, row.id));
    await auditRecord(tx, actor, "coaching.employment_check.correct", ["training_outcome", row.id], meta.ip, fields);
    return { ok: true as const, changed: true };
  });
}
