/**
 * Changes to a cohort's sessions that its participants must hear about. No page moves a
 * session yet: the staff's editing of sessions calls `moveSession`, and the participants
 * holding a seat are told in the same transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { trainingAttendance, trainingRegistrations, trainingSessions } from "~db/schema";
import { isUuid } from "~/lib/ids";
import { moroccoInstant } from "~/lib/morocco-time";
import { fail, type Meta, type Result } from "~/lib/result";
import type { MessageKey } from "~/i18n/translate";
import { audit, type AuditActor } from "~/modules/audit/service.server";
import { tellSessionMoved } from "./notices.server";
import { sessionMoveProblem } from "./rules";
import type { MoveSessionInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;

const MOVE_ERRORS: Record<"held" | "past", MessageKey> = {
  held: "trainings.errors.sessionHeld",
  past: "trainings.errors.sessionInPast",
};

/**
 * Move a session to a new day and time (typed on Morocco's clock). Refused once its
 * attendance is marked, or into the past. Each participant holding a seat is told the
 * new date and time by SMS (unless turned off) and e-mail, in her language.
 * Returns how many people were told.
 */
export async function moveSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  input: MoveSessionInput,
  meta: Meta,
): Promise<Result<{ told: number }>> {
  if (!isUuid(sessionId)) return fail(404, {});
  const now = meta.now ?? new Date();
  const to = moroccoInstant(input.date, input.time);
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ cohortId: trainingSessions.cohortId, startsAt: trainingSessions.startsAt })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId))
      .for("update");
    if (!session) return fail(404, {});
    const [marked] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, sessionId));
    const problem = sessionMoveProblem({ attendanceMarked: (marked?.n ?? 0) > 0, from: session.startsAt, to, now });
    if (problem === "unchanged") return { ok: true as const, told: 0 };
    if (problem) return fail(409, { date: MOVE_ERRORS[problem] });
    await tx.update(trainingSessions).set({ startsAt: to }).where(eq(trainingSessions.id, sessionId));
    await audit(tx, {
      actor,
      action: "training.session.move",
      entityType: "training_session",
      entityId: sessionId,
      ip: meta.ip,
    });
    const seats = await tx
      .select({ userId: trainingRegistrations.userId })
      .from(trainingRegistrations)
      .where(and(eq(trainingRegistrations.cohortId, session.cohortId), eq(trainingRegistrations.status, "confirmed")));
    const userIds = seats.map((s) => s.userId);
    await tellSessionMoved(tx, { cohortId: session.cohortId, userIds, startsAt: to, actorId: actor.id });
    return { ok: true as const, told: userIds.length };
  });
}
