/**
 * Follow-up appointments: a coach sets a day and a time with a person she follows, and
 * the person is told them (in-app, by SMS unless she turned SMS off, by e-mail) in her
 * language; her home page lists the ones to come.
 */
import { and, asc, eq, gt } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { coachingAppointments, users } from "~db/schema";
import type { MessageKey } from "~/i18n/translate";
import { moroccoInstant } from "~/lib/morocco-time";
import { fail, type Meta, type Result } from "~/lib/result";
import { audit, type AuditActor } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { whenParams } from "~/modules/notifications/rules";
import { appointmentProblem } from "./rules";
import type { AppointmentInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;

const PROBLEMS: Record<"past" | "tooFar", MessageKey> = {
  past: "coaching.errors.appointmentPast",
  tooFar: "coaching.errors.appointmentTooFar",
};

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
  const startsAt = moroccoInstant(input.date, input.time);
  const problem = appointmentProblem(startsAt, meta.now ?? new Date());
  if (problem) return fail(400, { date: PROBLEMS[problem] });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingAppointments)
      .values({ beneficiaryId, coachId: actor.id, startsAt })
      .onConflictDoNothing()
      .returning({ id: coachingAppointments.id });
    if (!row) return { ok: true as const, id: null };
    await audit(tx, {
      actor,
      action: "coaching.appointment.schedule",
      entityType: "coaching_appointment",
      entityId: row.id,
      ip: meta.ip,
    });
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

/** The appointments still to come with a person, the soonest first, with the coach's name. */
export async function upcomingAppointments(db: Executor, beneficiaryId: string, now = new Date()) {
  return db
    .select({ id: coachingAppointments.id, startsAt: coachingAppointments.startsAt, coachName: users.displayName })
    .from(coachingAppointments)
    .innerJoin(users, eq(users.id, coachingAppointments.coachId))
    .where(and(eq(coachingAppointments.beneficiaryId, beneficiaryId), gt(coachingAppointments.startsAt, now)))
    .orderBy(asc(coachingAppointments.startsAt))
    .limit(10);
}
