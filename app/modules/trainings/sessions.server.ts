/**
 * Moving a cohort's session to another day, time or place, which its participants must
 * hear about: the move page (`/trainings/sessions/:sessionId/move`) calls `moveSession`,
 * and the participants holding a seat are told in the same transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { trainingAttendance, trainingRegistrations, trainingSessions } from "~db/schema";
import { isUuid } from "~/lib/ids";
import { moroccoInstant } from "~/lib/morocco-time";
import { fail, type Meta, type Result } from "~/lib/result";
import type { MessageKey } from "~/i18n/translate";
import { auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { tellSessionMoved } from "./notices.server";
import { mayMoveSession, sessionMoveProblem } from "./rules";
import type { MoveSessionInput } from "./schemas.server";

type Actor = NonNullable<AuditActor>;

const MOVE_ERRORS: Record<"held" | "past", MessageKey> = {
  held: "trainings.errors.sessionHeld",
  past: "trainings.errors.sessionInPast",
};

/** Whether attendance was marked for a session: then it has taken place and stays where it was. */
export async function attendanceMarked(db: Executor, sessionId: string): Promise<boolean> {
  const [marked] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingAttendance)
    .where(eq(trainingAttendance.sessionId, sessionId));
  return (marked?.n ?? 0) > 0;
}

const PLACE_KEYS = ["placeFr", "placeAr", "placeEn", "onlineLink"] as const;

/**
 * Move a session to a new day and time (typed on Morocco's clock) and place. Refused to
 * anyone but its trainer or an admin, once its attendance is marked, or into the past.
 * Each participant holding a seat is told the new date, time and place by SMS (unless
 * turned off) and e-mail, in her language. Says whether anything changed and how many
 * people were told.
 */
export async function moveSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  input: MoveSessionInput,
  meta: Meta,
): Promise<Result<{ moved: boolean; told: number }>> {
  if (!isUuid(sessionId)) return fail(404, {});
  const now = meta.now ?? new Date();
  const to = moroccoInstant(input.date, input.time);
  const place = {
    placeFr: input.placeFr || null,
    placeAr: input.placeAr || null,
    placeEn: input.placeEn || null,
    onlineLink: input.onlineLink || null,
  };
  return db.transaction(async (tx) => {
    const [session] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for("update");
    if (!session) return fail(404, {});
    if (!mayMoveSession(actor, session)) return fail(403, {});
    const problem = sessionMoveProblem({
      attendanceMarked: await attendanceMarked(tx, sessionId),
      from: session.startsAt,
      to,
      samePlace: PLACE_KEYS.every((key) => (session[key] ?? null) === place[key]),
      now,
    });
    if (problem === "unchanged") return { ok: true as const, moved: false, told: 0 };
    if (problem) return fail(409, { date: MOVE_ERRORS[problem] });
    await tx
      .update(trainingSessions)
      .set({ startsAt: to, ...place })
      .where(eq(trainingSessions.id, sessionId));
    await auditRecord(tx, actor, "training.session.move", ["training_session", sessionId], meta.ip);
    const seats = await tx
      .select({ userId: trainingRegistrations.userId })
      .from(trainingRegistrations)
      .where(and(eq(trainingRegistrations.cohortId, session.cohortId), eq(trainingRegistrations.status, "confirmed")));
    const userIds = seats.map((s) => s.userId);
    await tellSessionMoved(tx, { cohortId: session.cohortId, userIds, startsAt: to, place, actorId: actor.id });
    return { ok: true as const, moved: true, told: userIds.length };
  });
}
