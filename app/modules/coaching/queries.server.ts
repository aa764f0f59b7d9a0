import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "~db/client";
import { coachAssignments } from "~db/schema";

/** Is this coach the current coach of this beneficiary? The one check every module uses. */
export async function isCurrentCoachOf(db: Executor, coachId: string, beneficiaryId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: coachAssignments.id })
    .from(coachAssignments)
    .where(
      and(eq(coachAssignments.coachId, coachId), eq(coachAssignments.beneficiaryId, beneficiaryId), isNull(coachAssignments.endedAt)),
    )
    .limit(1);
  return Boolean(row);
}

export async function currentCoachOf(db: Executor, beneficiaryId: string): Promise<string | null> {
  const [row] = await db
    .select({ coachId: coachAssignments.coachId })
    .from(coachAssignments)
    .where(and(eq(coachAssignments.beneficiaryId, beneficiaryId), isNull(coachAssignments.endedAt)))
    .limit(1);
  return row?.coachId ?? null;
}
