import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import {
  trainingAttendance,
  trainingCertificates,
  trainingCohorts,
  trainingRegistrations,
  trainings,
  trainingSessions,
} from "~db/schema";
import { audit, auditMany, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { localizedText } from "~/lib/localized.server";
import { isUuid } from "~/lib/ids";
import { tellPlace } from "./notices.server";
import {
  admissionFor,
  attendanceOpen,
  cancellationOpen,
  formatVerificationCode,
  isCompleted,
  type AttendanceMark,
} from "./rules";
import type { AddSessionInput, CreateCohortInput, CreateTrainingInput } from "./schemas.server";
import { fail, type Meta, type Result } from "~/lib/result";
import { moroccoInstant, moroccoToday } from "~/lib/morocco-time";
import type { ForPerson } from "~/modules/office/types";

type Actor = NonNullable<AuditActor>;

export async function createTraining(db: Database, actor: Actor, input: CreateTrainingInput, meta: Meta) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(trainings).values(input).returning({ id: trainings.id });
    if (!row) throw new Error("no row");
    await audit(tx, { actor, action: "training.create", entityType: "training", entityId: row.id, ip: meta.ip });
    return row;
  });
}

export async function createCohort(
  db: Database,
  actor: Actor,
  trainingId: string,
  input: CreateCohortInput,
  meta: Meta,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingCohorts)
      .values({ trainingId, ...input })
      .returning({ id: trainingCohorts.id });
    if (!row) throw new Error("no row");
    await auditRecord(tx, actor, "training.cohort.create", ["training_cohort", row.id], meta.ip);
    return row;
  });
}

export async function addSession(db: Database, actor: Actor, cohortId: string, input: AddSessionInput, meta: Meta) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        cohortId,
        startsAt: moroccoInstant(input.date, input.time), // typed on Morocco's clock
        durationMinutes: input.durationMinutes,
        placeFr: input.placeFr ?? null,
        placeAr: input.placeAr ?? null,
        placeEn: input.placeEn ?? null,
        onlineLink: input.onlineLink ?? null,
        trainerName: input.trainerName ?? null,
        trainerId: actor.role === "coach" ? actor.id : null,
      })
      .returning({ id: trainingSessions.id });
    if (!row) throw new Error("no row");
    await auditRecord(tx, actor, "training.session.create", ["training_session", row.id], meta.ip);
    return row;
  });
}

export type RegisterResult = Result<{ status: "confirmed" | "waiting"; registrationId: string }>;

/**
 * Register a user in a cohort: a seat if one is free, else the waiting list.
 * The cohort row is locked for the whole decision, so concurrent registrations are
 * decided one after the other; the seat counter's check constraint would refuse an
 * overflow even if that lock were ever forgotten.
 */
export async function register(
  db: Database,
  actor: Actor,
  cohortId: string,
  meta: Meta,
  forPerson?: ForPerson,
): Promise<RegisterResult> {
  // staff registering a person in the office: the person's registration, the staff's audit row
  const userId = forPerson?.personId ?? actor.id;
  return db.transaction(async (tx) => {
    const [cohort] = await tx
      .select({
        id: trainingCohorts.id,
        capacity: trainingCohorts.capacity,
        confirmedCount: trainingCohorts.confirmedCount,
      })
      .from(trainingCohorts)
      .where(eq(trainingCohorts.id, cohortId))
      .for("update");
    if (!cohort) return fail(404, {});
    const [existing] = await tx
      .select({ id: trainingRegistrations.id })
      .from(trainingRegistrations)
      .where(
        and(
          eq(trainingRegistrations.cohortId, cohortId),
          eq(trainingRegistrations.userId, userId),
          sql`${trainingRegistrations.status} <> 'cancelled'`,
        ),
      );
    if (existing) return fail(409, { form: "trainings.errors.alreadyRegistered" });
    const status = admissionFor(cohort.confirmedCount, cohort.capacity);
    if (status === "confirmed") {
      await tx
        .update(trainingCohorts)
        .set({ confirmedCount: sql`${trainingCohorts.confirmedCount} + 1` })
        .where(eq(trainingCohorts.id, cohortId));
    }
    const [row] = await tx
      .insert(trainingRegistrations)
      .values({ cohortId, userId, status, confirmedAt: status === "confirmed" ? new Date() : null })
      .returning({ id: trainingRegistrations.id });
    if (!row) throw new Error("no row");
    await auditRecord(tx, actor, `training.register.${status}`, ["training_registration", row.id], meta.ip);
    await forPerson?.record(tx, row.id);
    await tellPlace(tx, {
      userId,
      cohortId,
      kind: status === "confirmed" ? "notify.trainingSeat" : "notify.trainingWaiting",
    });
    return { ok: true as const, status, registrationId: row.id };
  });
}

/**
 * Cancel one's registration. If it held a seat, the first on the waiting list takes
 * it and is told. Under the cohort lock, and with the status checked in the update
 * itself, a registration is cancelled once and a waiting person promoted once. Once
 * the cohort has ended (rules.cancellationOpen, read under the same lock) it is refused.
 */
export async function cancelRegistration(
  db: Database,
  actor: Actor,
  registrationId: string,
  meta: Meta,
): Promise<Result<{ promotedUserId: string | null }>> {
  if (!isUuid(registrationId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ cohortId: trainingRegistrations.cohortId, userId: trainingRegistrations.userId })
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.id, registrationId));
    if (!found || (found.userId !== actor.id && actor.role !== "admin")) return fail(404, {});
    const [cohort] = await tx
      .select({ endsOn: trainingCohorts.endsOn })
      .from(trainingCohorts)
      .where(eq(trainingCohorts.id, found.cohortId))
      .for("update");
    if (!cohort) return fail(404, {});
    if (!cancellationOpen(cohort.endsOn, moroccoToday(meta.now)))
      return fail(409, { form: "trainings.errors.cancelEnded" });
    // read under the cohort lock: every change of status in this cohort holds it too
    const [current] = await tx
      .select({ status: trainingRegistrations.status })
      .from(trainingRegistrations)
      .where(eq(trainingRegistrations.id, registrationId))
      .for("update");
    if (!current || current.status === "cancelled") return fail(404, {});
    await tx
      .update(trainingRegistrations)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(trainingRegistrations.id, registrationId));
    await auditRecord(tx, actor, "training.register.cancel", ["training_registration", registrationId], meta.ip);
    if (current.status !== "confirmed") return { ok: true as const, promotedUserId: null };
    const promoted = await promoteNext(tx, found.cohortId);
    if (!promoted) {
      await tx
        .update(trainingCohorts)
        .set({ confirmedCount: sql`${trainingCohorts.confirmedCount} - 1` })
        .where(eq(trainingCohorts.id, found.cohortId));
      return { ok: true as const, promotedUserId: null };
    }
    await auditRecord(tx, null, "training.register.promoted", ["training_registration", promoted.id], meta.ip);
    return { ok: true as const, promotedUserId: promoted.userId };
  });
}

/** The seat passes to the first waiting person; the caller holds the cohort lock. */
export async function promoteNext(tx: Executor, cohortId: string) {
  const [first] = await tx
    .select({ id: trainingRegistrations.id })
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.cohortId, cohortId), eq(trainingRegistrations.status, "waiting")))
    .orderBy(asc(trainingRegistrations.seq))
    .limit(1);
  if (!first) return null;
  const [promoted] = await tx
    .update(trainingRegistrations)
    .set({ status: "confirmed", confirmedAt: new Date(), promotedAt: new Date() })
    .where(and(eq(trainingRegistrations.id, first.id), eq(trainingRegistrations.status, "waiting")))
    .returning({ id: trainingRegistrations.id, userId: trainingRegistrations.userId });
  if (!promoted) return null;
  await tellPlace(tx, { userId: promoted.userId, cohortId, kind: "notify.trainingPromoted" });
  return promoted;
}

/**
 * Mark a whole session. A mark that changes an earlier one is a correction: it gets
 * its own audit row. Certificates follow: issued when a participant completes,
 * revoked when a correction undoes completion.
 */
export async function markAttendance(
  db: Database,
  actor: Actor,
  sessionId: string,
  marks: Map<string, AttendanceMark>,
  meta: Meta,
): Promise<Result<{ corrections: number }>> {
  if (!isUuid(sessionId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ cohortId: trainingSessions.cohortId, startsAt: trainingSessions.startsAt })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId))
      // a session moved meanwhile waits for this register, or this register for the move
      .for("share");
    if (!session) return fail(404, {});
    if (!attendanceOpen(session.startsAt, meta.now ?? new Date()))
      return fail(409, { form: "trainings.errors.attendanceFuture" });
    const confirmed = await tx
      .select({ userId: trainingRegistrations.userId })
      .from(trainingRegistrations)
      .where(and(eq(trainingRegistrations.cohortId, session.cohortId), eq(trainingRegistrations.status, "confirmed")));
    const allowed = new Set(confirmed.map((r) => r.userId));
    // a mark for someone without a seat: the sheet changed since it was opened
    for (const userId of marks.keys())
      if (!allowed.has(userId)) return fail(400, { form: "trainings.errors.attendanceInvalid" });
    const previous = await tx
      .select({ userId: trainingAttendance.userId, status: trainingAttendance.status })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, sessionId));
    const before = new Map(previous.map((p) => [p.userId, p.status]));
    const corrected: string[] = [];
    for (const [userId, status] of marks) {
      const old = before.get(userId);
      if (old === status) continue;
      await tx
        .insert(trainingAttendance)
        .values({ sessionId, userId, status, markedById: actor.id })
        .onConflictDoUpdate({
          target: [trainingAttendance.sessionId, trainingAttendance.userId],
          set: { status, markedById: actor.id, markedAt: new Date() },
        });
      if (old) corrected.push(`${sessionId}:${userId}`);
    }
    await auditMany(
      tx,
      { actor, action: "training.attendance.correct", entityType: "training_attendance", ip: meta.ip },
      corrected,
    );
    await auditRecord(tx, actor, "training.attendance.mark", ["training_session", sessionId], meta.ip);
    await settleCertificates(tx, session.cohortId, [...marks.keys()], meta);
    return { ok: true as const, corrections: corrected.length };
  });
}

async function settleCertificates(tx: Executor, cohortId: string, userIds: string[], meta: Meta) {
  if (userIds.length === 0) return;
  const [info] = await tx
    .select({
      min: trainings.minAttendancePercent,
      titleFr: trainings.titleFr,
      titleAr: trainings.titleAr,
      titleEn: trainings.titleEn,
    })
    .from(trainingCohorts)
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingCohorts.id, cohortId));
  const sessions = await tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, cohortId));
  if (!info || sessions.length === 0) return;
  const marks = await tx
    .select({ userId: trainingAttendance.userId, status: trainingAttendance.status })
    .from(trainingAttendance)
    .where(
      and(
        inArray(
          trainingAttendance.sessionId,
          sessions.map((s) => s.id),
        ),
        inArray(trainingAttendance.userId, userIds),
      ),
    );
  const regs = await tx
    .select({ id: trainingRegistrations.id, userId: trainingRegistrations.userId })
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.cohortId, cohortId),
        eq(trainingRegistrations.status, "confirmed"),
        inArray(trainingRegistrations.userId, userIds),
      ),
    );
  for (const reg of regs) {
    const done = isCompleted({
      sessionCount: sessions.length,
      marks: marks.filter((m) => m.userId === reg.userId).map((m) => m.status),
      minAttendancePercent: info.min,
    });
    if (done) await issueCertificate(tx, { ...reg, cohortId }, info, meta);
    else await withdrawCertificate(tx, reg.id, meta);
  }
}

/**
 * A participant who now meets the attendance rule gets her certificate, or gets back the one
 * an attendance correction had withdrawn; one an administrator revoked stays revoked.
 */
async function issueCertificate(
  tx: Executor,
  reg: { id: string; userId: string; cohortId: string },
  training: { titleFr: string; titleAr: string; titleEn: string },
  meta: Meta,
) {
  const [issued] = await tx
    .insert(trainingCertificates)
    .values({
      registrationId: reg.id,
      userId: reg.userId,
      cohortId: reg.cohortId,
      code: formatVerificationCode(randomBytes(12)),
    })
    .onConflictDoUpdate({
      target: trainingCertificates.registrationId,
      set: { revokedAt: null, revokedReason: null },
      setWhere: sql`${trainingCertificates.revokedReason} = 'attendance_corrected'`,
    })
    .returning({ id: trainingCertificates.id });
  if (!issued) return;
  await auditRecord(tx, null, "training.certificate.issue", ["training_certificate", issued.id], meta.ip);
  await notify(tx, {
    userId: reg.userId,
    kind: "notify.trainingCertificate",
    params: { training: localizedText(training, "title") },
    link: `/trainings/certificates/${issued.id}.pdf`,
    channels: ["sms", "email"],
  });
}

/** A participant whose corrected attendance no longer meets the rule loses her valid certificate. */
async function withdrawCertificate(tx: Executor, registrationId: string, meta: Meta) {
  const revoked = await tx
    .update(trainingCertificates)
    .set({ revokedAt: new Date(), revokedReason: "attendance_corrected" })
    .where(and(eq(trainingCertificates.registrationId, registrationId), sql`${trainingCertificates.revokedAt} is null`))
    .returning({ id: trainingCertificates.id });
  await auditMany(
    tx,
    { actor: null, action: "training.certificate.revoke", entityType: "training_certificate", ip: meta.ip },
    revoked.map((r) => r.id),
  );
}

export async function revokeCertificate(
  db: Database,
  actor: Actor,
  certificateId: string,
  meta: Meta,
): Promise<Result> {
  if (!isUuid(certificateId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(trainingCertificates)
      .set({ revokedAt: new Date(), revokedReason: "revoked_by_admin" })
      .where(and(eq(trainingCertificates.id, certificateId), sql`${trainingCertificates.revokedAt} is null`))
      .returning({ id: trainingCertificates.id });
    if (rows.length)
      await auditRecord(tx, actor, "training.certificate.revoke", ["training_certificate", certificateId], meta.ip);
    // revoked already: no certificate left to revoke
    return rows.length ? { ok: true as const } : fail(404, {});
  });
}
