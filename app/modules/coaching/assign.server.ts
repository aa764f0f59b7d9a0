import { aliasedTable, and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { coachAssignments, users } from "~db/schema";
import { audit } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";

/**
 * An admin gives an applicant a coach (issue 3 needs it before the coaching module
 * lands; same table). The beneficiary's row is locked so two admins assigning at
 * once end with one current coach, the other kept as history.
 */
export async function assignCoach(db: Executor, actor: Actor, input: { coachId: string; beneficiaryId: string }, meta: { ip?: string | null } = {}) {
  return db.transaction(async (tx) => {
    const [beneficiary] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.beneficiaryId), eq(users.role, "applicant")))
      .for("update");
    const [coach] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.coachId), eq(users.role, "coach"), eq(users.isActive, true)));
    if (!beneficiary || !coach) return false;
    await tx
      .update(coachAssignments)
      .set({ endedAt: sql`now()` })
      .where(and(eq(coachAssignments.beneficiaryId, beneficiary.id), isNull(coachAssignments.endedAt)));
    const [row] = await tx
      .insert(coachAssignments)
      .values({ coachId: coach.id, beneficiaryId: beneficiary.id, assignedById: actor.id })
      .returning({ id: coachAssignments.id });
    await audit(tx, { actor, action: "coach.assign", entityType: "coach_assignment", entityId: row?.id, ip: meta.ip });
    return true;
  });
}

export async function listCurrentAssignments(db: Executor) {
  const coach = aliasedTable(users, "coach");
  return db
    .select({ id: coachAssignments.id, startedAt: coachAssignments.startedAt, coachName: coach.displayName, beneficiaryName: users.displayName })
    .from(coachAssignments)
    .innerJoin(users, eq(users.id, coachAssignments.beneficiaryId))
    .innerJoin(coach, eq(coach.id, coachAssignments.coachId))
    .where(isNull(coachAssignments.endedAt))
    .orderBy(asc(users.displayName))
    .limit(1000);
}

export async function listPeople(db: Executor, role: "coach" | "applicant") {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, role), eq(users.isActive, true)))
    .orderBy(asc(users.displayName))
    .limit(2000);
}
