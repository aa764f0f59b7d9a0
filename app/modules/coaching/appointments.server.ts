/**
 * Follow-up appointments: a coach sets a day and a time with a person she follows, may
 * move or cancel it, and the person is told each time (in-app, by SMS unless she turned
 * SMS off, by e-mail) in her language; the day before, she is reminded once. Her home
 * page lists the ones to come.
 */
import { and, asc, eq, gt, inArray, isNull, lte, type Placeholder, type SQL } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { coachingAppointments, users } from "~db/schema";
import type { MessageKey } from "~/i18n/translate";
import { isUuid } from "~/lib/ids";
import { moroccoInstant } from "~/lib/morocco-time";
import { fail, type Meta, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { whenParams } from "~/modules/notifications/rules";
import {
  appointmentChangeProblem,
  appointmentProblem,
  mayChangeAppointment,
  reminderDueAt,
  toldLateEnough,
  type AppointmentChangeProblem,
} from "./rules";
import type { AppointmentInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;

const PROBLEMS: Record<"past" | "tooFar", MessageKey> = {
  past: "coaching.errors.appointmentPast",
  tooFar: "coaching.errors.appointmentTooFar",
};

const CHANGE_PROBLEMS: Record<AppointmentChangeProblem, MessageKey> = {
  cancelled: "coaching.errors.appointmentCancelled",
  over: "coaching.errors.appointmentOver",
};

const ONCE_KEY = "coaching_appointments_once_key";

/** When the reminder is due, and whether the message going out now already serves as one. */
function reminderFields(startsAt: Date, now: Date) {
  return { remindAt: reminderDueAt(startsAt), remindedAt: toldLateEnough(startsAt, now) ? now : null };
}

/**
 * Set an appointment; the caller has checked that the actor follows this person. The same
 * person at the same instant twice (a form sent twice) is one appointment and one message.
 */
export async function scheduleAppointment(
  db: Database,
  actor: Actor,
  beneficiaryId: string,
  input: AppointmentInput,
  meta: Meta,
): Promise<Result<{ id: string | null }>> {
  const now = meta.now ?? new Date();
  const startsAt = moroccoInstant(input.date, input.time);
  const problem = appointmentProblem(startsAt, now);
  if (problem) return fail(400, { date: PROBLEMS[problem] });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingAppointments)
      .values({ beneficiaryId, coachId: actor.id, startsAt, ...reminderFields(startsAt, now) })
      .onConflictDoNothing()
      .returning({ id: coachingAppointments.id });
    if (!row) return { ok: true as const, id: null };
    await auditRecord(tx, actor, "coaching.appointment.schedule", ["coaching_appointment", row.id], meta.ip);
    await notify(tx, {
      userId: beneficiaryId,
      kind: "notify.followUpAppointment",
      params: whenParams(startsAt),
      link: "/home",
      channels: ["sms", "email"],
      actorId: actor.id,
    });
    return { ok: true as const, id: row.id };
  });
}

/** The appointment locked for a change by this actor, or why it may not change. */
async function lockForChange(tx: Executor, actor: Actor, appointmentId: string, now: Date) {
  const [row] = await tx
    .select()
    .from(coachingAppointments)
    .where(eq(coachingAppointments.id, appointmentId))
    .for("update");
  if (!row || !mayChangeAppointment(actor, row)) return fail(404, {});
  const problem = appointmentChangeProblem(row, now);
  if (problem) return fail(409, { form: CHANGE_PROBLEMS[problem] });
  return { ok: true as const, row };
}

/**
 * Move an appointment to a new day and time (typed on Morocco's clock); the person is told
 * the new ones and will be reminded of them. Refused once it is cancelled or its time has
 * come, into the past, or onto another appointment of hers at the same instant. The same
 * time again is no move (nobody is told).
 */
export async function moveAppointment(
  db: Database,
  actor: Actor,
  appointmentId: string,
  input: AppointmentInput,
  meta: Meta,
): Promise<Result<{ moved: boolean }>> {
  if (!isUuid(appointmentId)) return fail(404, {});
  const now = meta.now ?? new Date();
  const startsAt = moroccoInstant(input.date, input.time);
  const problem = appointmentProblem(startsAt, now);
  if (problem) return fail(400, { date: PROBLEMS[problem] });
  // another live appointment of hers at that instant: the whole change rolled back
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const locked = await lockForChange(tx, actor, appointmentId, now);
        if (!locked.ok) return locked;
        if (locked.row.startsAt.getTime() === startsAt.getTime()) return { ok: true as const, moved: false };
        await tx
          .update(coachingAppointments)
          .set({ startsAt, ...reminderFields(startsAt, now) })
          .where(eq(coachingAppointments.id, appointmentId));
        await auditRecord(tx, actor, "coaching.appointment.move", ["coaching_appointment", appointmentId], meta.ip);
        await notify(tx, {
          userId: locked.row.beneficiaryId,
          kind: "notify.followUpMoved",
          params: whenParams(startsAt),
          link: "/home",
          channels: ["sms", "email"],
          actorId: actor.id,
        });
        return { ok: true as const, moved: true };
      }),
    fail(409, { date: "coaching.errors.appointmentTaken" }),
    ONCE_KEY,
  );
}

/** Cancel an appointment still to come; the person is told which one. Cancelled once only. */
export async function cancelAppointment(
  db: Database,
  actor: Actor,
  appointmentId: string,
  meta: Meta,
): Promise<Result<Record<never, never>>> {
  if (!isUuid(appointmentId)) return fail(404, {});
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const locked = await lockForChange(tx, actor, appointmentId, now);
    if (!locked.ok) return locked;
    await tx.update(coachingAppointments).set({ cancelledAt: now }).where(eq(coachingAppointments.id, appointmentId));
    await auditRecord(tx, actor, "coaching.appointment.cancel", ["coaching_appointment", appointmentId], meta.ip);
    await notify(tx, {
      userId: locked.row.beneficiaryId,
      kind: "notify.followUpCancelled",
      params: whenParams(locked.row.startsAt),
      link: "/home",
      channels: ["sms", "email"],
      actorId: actor.id,
    });
    return { ok: true as const };
  });
}

/** Reminders written in one round at most; the next round takes the rest. */
const REMINDER_BATCH = 50;

/**
 * Write the reminders that are due (the outbox worker calls this before each delivery
 * round, on every server). Each appointment is reminded once: the rows are taken with
 * `FOR UPDATE SKIP LOCKED` and marked by a conditional update (`reminded_at is null`) in
 * the transaction that writes the messages, so a second server skips them or finds them
 * marked. An appointment whose time has come is never recalled late; the SMS expires
 * when the appointment starts. Returns how many people were reminded.
 */
export async function queueAppointmentReminders(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: coachingAppointments.id })
      .from(coachingAppointments)
      .where(
        and(
          isNull(coachingAppointments.remindedAt),
          isNull(coachingAppointments.cancelledAt),
          lte(coachingAppointments.remindAt, now),
          gt(coachingAppointments.startsAt, now),
        ),
      )
      .orderBy(asc(coachingAppointments.remindAt))
      .limit(REMINDER_BATCH)
      .for("update", { skipLocked: true });
    const marked = await tx
      .update(coachingAppointments)
      .set({ remindedAt: now })
      .where(and(inArray(coachingAppointments.id, due), isNull(coachingAppointments.remindedAt)))
      .returning({ beneficiaryId: coachingAppointments.beneficiaryId, startsAt: coachingAppointments.startsAt });
    for (const row of marked) {
      await notify(tx, {
        userId: row.beneficiaryId,
        kind: "notify.followUpReminder",
        params: whenParams(row.startsAt),
        link: "/home",
        channels: ["sms", "email"],
        expiresAt: row.startsAt,
      });
    }
    return marked.length;
  });
}

/** How many appointments to come a person's lists show. */
export const UPCOMING_APPOINTMENTS_SHOWN = 10;

/**
 * Which appointments are still to come with a person: not cancelled, after now. The one
 * condition for the coach's page (below) and the applicant's home (applicantLists).
 */
export function upcomingAppointmentsWhere(beneficiaryId: string | Placeholder, now: Date | SQL) {
  return and(
    eq(coachingAppointments.beneficiaryId, beneficiaryId),
    isNull(coachingAppointments.cancelledAt),
    gt(coachingAppointments.startsAt, now),
  );
}

/** The appointments still to come with a person, the soonest first, with the coach's name. */
export async function upcomingAppointments(db: Executor, beneficiaryId: string, now = new Date()) {
  return db
    .select({
      id: coachingAppointments.id,
      startsAt: coachingAppointments.startsAt,
      coachId: coachingAppointments.coachId,
      coachName: users.displayName,
    })
    .from(coachingAppointments)
    .innerJoin(users, eq(users.id, coachingAppointments.coachId))
    .where(upcomingAppointmentsWhere(beneficiaryId, now))
    .orderBy(asc(coachingAppointments.startsAt))
    .limit(UPCOMING_APPOINTMENTS_SHOWN);
}

/** One appointment with the names the page shows; null when there is none. */
export async function getAppointment(db: Executor, appointmentId: string) {
  if (!isUuid(appointmentId)) return null;
  const [row] = await db
    .select({
      id: coachingAppointments.id,
      beneficiaryId: coachingAppointments.beneficiaryId,
      beneficiaryName: users.displayName,
      coachId: coachingAppointments.coachId,
      startsAt: coachingAppointments.startsAt,
      cancelledAt: coachingAppointments.cancelledAt,
    })
    .from(coachingAppointments)
    .innerJoin(users, eq(users.id, coachingAppointments.beneficiaryId))
    .where(eq(coachingAppointments.id, appointmentId));
  return row ?? null;
}
