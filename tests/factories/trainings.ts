import type { Executor } from "../../db/client";
import {
  trainingCertificates,
  trainingCohorts,
  trainingRegistrations,
  trainings,
  trainingSessions,
  type NewUser,
} from "../../db/schema";
import { uniqueSuffix } from "./index";
import { addDays, moroccoInstant, moroccoToday } from "../../app/lib/morocco-time";

export async function makeTraining(db: Executor, overrides: Partial<typeof trainings.$inferInsert> = {}) {
  const s = uniqueSuffix();
  const [row] = await db
    .insert(trainings)
    .values({
      category: "soft_skills",
      titleFr: `Formation ${s}`,
      titleAr: `تكوين ${s}`,
      titleEn: `Training ${s}`,
      deliveryLanguages: ["fr"],
      minAttendancePercent: 80,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("training not created");
  return row;
}

export async function makeCohort(
  db: Executor,
  trainingId: string,
  overrides: Partial<typeof trainingCohorts.$inferInsert> = {},
) {
  const [row] = await db
    .insert(trainingCohorts)
    .values({
      trainingId,
      nameFr: `Cohorte ${uniqueSuffix()}`,
      capacity: 20,
      // running around today, so that registering and cancelling stay open whenever tests run
      startsOn: addDays(moroccoToday(), -4),
      endsOn: addDays(moroccoToday(), 10),
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("cohort not created");
  return row;
}

export async function makeSessions(db: Executor, cohortId: string, count: number, firstDay = "2026-12-01") {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const d = moroccoInstant(addDays(firstDay, i * 2), "09:00");
    const [row] = await db
      .insert(trainingSessions)
      .values({ cohortId, startsAt: d, placeFr: "Rabat, salle 2", trainerName: "Karim Tazi" })
      .returning();
    if (row) rows.push(row);
  }
  return rows;
}

export type UserLike = Pick<NewUser, "role"> & { id: string; organisationId: string | null };

/**
 * A person trained: a cohort that ended on `endsOn` and her certificate of it (revoked
 * when asked), as a completed training leaves them.
 */
export async function makeCertificate(
  db: Executor,
  userId: string,
  endsOn: string,
  options: { revoked?: boolean } = {},
) {
  const training = await makeTraining(db);
  const cohort = await makeCohort(db, training.id, { startsOn: addDays(endsOn, -30), endsOn });
  const [registration] = await db
    .insert(trainingRegistrations)
    .values({ cohortId: cohort.id, userId, status: "confirmed" })
    .returning();
  const [certificate] = await db
    .insert(trainingCertificates)
    .values({
      registrationId: registration!.id,
      userId,
      cohortId: cohort.id,
      code: `CERT-${uniqueSuffix()}`,
      revokedAt: options.revoked ? new Date() : null,
      revokedReason: options.revoked ? "revoked_by_admin" : null,
    })
    .returning();
  return { cohort, certificate: certificate! };
}
