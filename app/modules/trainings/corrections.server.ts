/**
 * Correcting what staff typed about a training and its cohorts (issue 15). Each change
 * writes one audit row naming the fields changed (`changedFields`), never their values;
 * a correction that changes nothing writes nothing. Sessions are moved on their own page
 * (sessions.server.ts), their participants told.
 */
import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "~db/client";
import { trainingCohorts, trainings } from "~db/schema";
import { changedFields } from "~/lib/changes";
import { isUuid } from "~/lib/ids";
import { fail, type Meta, type Result } from "~/lib/result";
import { auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { capacityProblem, seatsFreed } from "./rules";
import type { CreateCohortInput, CreateTrainingInput } from "./schemas.server";
import { promoteNext } from "./service.server";

type Actor = NonNullable<AuditActor>;

/** The training's titles, description, category, audience, languages and attendance rule, as corrected. */
export async function correctTraining(
  db: Database,
  actor: Actor,
  trainingId: string,
  input: CreateTrainingInput,
  meta: Meta,
): Promise<Result<{ fields: string[] }>> {
  if (!isUuid(trainingId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [stored] = await tx.select().from(trainings).where(eq(trainings.id, trainingId)).for("update");
    if (!stored) return fail(404, {});
    const { fields, changes } = changedFields(stored, input);
    if (fields.length === 0) return { ok: true as const, fields };
    await tx.update(trainings).set(changes).where(eq(trainings.id, trainingId));
    await auditRecord(tx, actor, "training.correct", ["training", trainingId], meta.ip, fields);
    return { ok: true as const, fields };
  });
}

/**
 * A cohort's names, capacity and dates, as corrected. The capacity never drops below the
 * seats already given: the update itself says `confirmed_count <= capacity`, under the
 * cohort's row lock that registrations also take, so a registration and a reduction
 * arriving together are decided one after the other (and the seats' check constraint
 * stays the last guard). A larger capacity lets the first waiting people in, each told.
 */
export async function correctCohort(
  db: Database,
  actor: Actor,
  cohortId: string,
  input: CreateCohortInput,
  meta: Meta,
): Promise<Result<{ fields: string[]; promoted: number }>> {
  if (!isUuid(cohortId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [stored] = await tx.select().from(trainingCohorts).where(eq(trainingCohorts.id, cohortId)).for("update");
    if (!stored) return fail(404, {});
    if (capacityProblem(input.capacity, stored.confirmedCount))
      return fail(409, { capacity: "trainings.errors.capacityBelowSeats" });
    const { fields, changes } = changedFields(stored, input);
    if (fields.length === 0) return { ok: true as const, fields, promoted: 0 };
    const [updated] = await tx
      .update(trainingCohorts)
      .set(changes)
      .where(and(eq(trainingCohorts.id, cohortId), lte(trainingCohorts.confirmedCount, input.capacity)))
      .returning({ id: trainingCohorts.id });
    if (!updated) return fail(409, { capacity: "trainings.errors.capacityBelowSeats" });
    await auditRecord(tx, actor, "training.cohort.correct", ["training_cohort", cohortId], meta.ip, fields);
    let promoted = 0;
    for (let free = seatsFreed(input.capacity, stored.confirmedCount); free > 0; free--) {
      const next = await promoteNext(tx, cohortId);
      if (!next) break;
      promoted++;
      await tx
        .update(trainingCohorts)
        .set({ confirmedCount: sql`${trainingCohorts.confirmedCount} + 1` })
        .where(eq(trainingCohorts.id, cohortId));
      await auditRecord(tx, actor, "training.register.promoted", ["training_registration", next.id], meta.ip);
    }
    return { ok: true as const, fields, promoted };
  });
}
