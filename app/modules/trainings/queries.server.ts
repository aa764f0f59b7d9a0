import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { runPrepared, type Executor } from "~db/client";
import { isUuid } from "~/lib/ids";
import {
  trainingAttendance,
  trainingCertificates,
  trainingCohorts,
  trainingRegistrations,
  trainings,
  trainingSessions,
  profiles,
  users,
  type TrainingCategory,
} from "~db/schema";

/**
 * For the grants module (eligibility of a call that requires a training): the
 * trainings this user has completed, i.e. holds a certificate for that is not revoked.
 * One row per training, with its category.
 */
export async function completedTrainings(
  db: Executor,
  userId: string,
): Promise<{ trainingId: string; category: TrainingCategory; completedAt: Date }[]> {
  return db
    .select({
      trainingId: trainingCohorts.trainingId,
      category: trainings.category,
      completedAt: sql<Date>`min(${trainingCertificates.issuedAt})`.mapWith((v) => new Date(v)),
    })
    .from(trainingCertificates)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingCertificates.cohortId))
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(and(eq(trainingCertificates.userId, userId), isNull(trainingCertificates.revokedAt)))
    .groupBy(trainingCohorts.trainingId, trainings.category);
}

/** Has this user completed a training of this category? (the grants module's usual question) */
export async function hasCompletedCategory(db: Executor, userId: string, category: TrainingCategory): Promise<boolean> {
  return (await completedTrainings(db, userId)).some((t) => t.category === category);
}

export async function listTrainings(db: Executor) {
  return db
    .select({
      id: trainings.id,
      category: trainings.category,
      titleFr: trainings.titleFr,
      titleAr: trainings.titleAr,
      titleEn: trainings.titleEn,
      audience: trainings.audience,
      deliveryLanguages: trainings.deliveryLanguages,
      // qualified by hand: without joins drizzle writes ${trainings.id} bare, which is c.id here
      cohorts: sql<number>`(select count(*)::int from ${trainingCohorts} c where c.training_id = ${trainings}.id)`,
    })
    .from(trainings)
    .orderBy(asc(trainings.category), asc(trainings.titleFr));
}

export async function getTraining(db: Executor, trainingId: string) {
  if (!isUuid(trainingId)) return null;
  const [training] = await db.select().from(trainings).where(eq(trainings.id, trainingId));
  if (!training) return null;
  const cohorts = await db
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.trainingId, trainingId))
    .orderBy(asc(trainingCohorts.startsOn));
  return { training, cohorts };
}

/** The sessions of these cohorts, in order: when, how long and where, as an applicant reads them. */
export async function sessionsOfCohorts(db: Executor, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return db
    .select({
      id: trainingSessions.id,
      cohortId: trainingSessions.cohortId,
      startsAt: trainingSessions.startsAt,
      durationMinutes: trainingSessions.durationMinutes,
      placeFr: trainingSessions.placeFr,
      placeAr: trainingSessions.placeAr,
      placeEn: trainingSessions.placeEn,
      onlineLink: trainingSessions.onlineLink,
    })
    .from(trainingSessions)
    .where(inArray(trainingSessions.cohortId, cohortIds))
    .orderBy(asc(trainingSessions.startsAt));
}

/** A user's active registrations in these cohorts, with their place on the waiting list. */
export async function registrationsOf(db: Executor, userId: string, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return db
    .select({
      id: trainingRegistrations.id,
      cohortId: trainingRegistrations.cohortId,
      status: trainingRegistrations.status,
      position: sql<number | null>`case when ${trainingRegistrations.status} = 'waiting' then (
        select count(*)::int from ${trainingRegistrations} w
        where w.cohort_id = ${trainingRegistrations.cohortId} and w.status = 'waiting' and w.seq <= ${trainingRegistrations.seq}) end`,
    })
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.userId, userId),
        inArray(trainingRegistrations.cohortId, cohortIds),
        sql`${trainingRegistrations.status} <> 'cancelled'`,
      ),
    );
}

export async function getCohort(db: Executor, cohortId: string) {
  if (!isUuid(cohortId)) return null;
  const [row] = await db
    .select({ cohort: trainingCohorts, training: trainings })
    .from(trainingCohorts)
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingCohorts.id, cohortId));
  if (!row) return null;
  const sessions = await db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, cohortId))
    .orderBy(asc(trainingSessions.startsAt));
  const participants = await db
    .select({
      registrationId: trainingRegistrations.id,
      userId: users.id,
      displayName: users.displayName,
      status: trainingRegistrations.status,
      seq: trainingRegistrations.seq,
      present: sql<number>`(select count(*)::int from ${trainingAttendance} a join ${trainingSessions} s on s.id = a.session_id
        where s.cohort_id = ${cohortId} and a.user_id = ${users.id} and a.status = 'present')`,
      certificateId: sql<
        string | null
      >`(select c.id from ${trainingCertificates} c where c.registration_id = ${trainingRegistrations.id} and c.revoked_at is null)`,
    })
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.userId))
    .where(and(eq(trainingRegistrations.cohortId, cohortId), sql`${trainingRegistrations.status} <> 'cancelled'`))
    .orderBy(asc(trainingRegistrations.seq));
  return { ...row, sessions, participants };
}

/** The attendance sheet of a session: every confirmed participant and their current mark. */
export async function getAttendanceSheet(db: Executor, sessionId: string) {
  if (!isUuid(sessionId)) return null;
  const [session] = await db
    .select({ session: trainingSessions, cohort: trainingCohorts, training: trainings })
    .from(trainingSessions)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingSessions.cohortId))
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingSessions.id, sessionId));
  if (!session) return null;
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      status: trainingAttendance.status,
    })
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.userId))
    .leftJoin(
      trainingAttendance,
      and(eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.userId, trainingRegistrations.userId)),
    )
    .where(and(eq(trainingRegistrations.cohortId, session.cohort.id), eq(trainingRegistrations.status, "confirmed")))
    .orderBy(asc(users.displayName));
  return { ...session, rows };
}

/** Public verification: only what the page may show. */
export async function verifyCertificate(db: Executor, code: string) {
  const [row] = await db
    .select({
      displayName: users.displayName,
      titleFr: trainings.titleFr,
      titleAr: trainings.titleAr,
      titleEn: trainings.titleEn,
      startsOn: trainingCohorts.startsOn,
      endsOn: trainingCohorts.endsOn,
      issuedAt: trainingCertificates.issuedAt,
      revokedAt: trainingCertificates.revokedAt,
    })
    .from(trainingCertificates)
    .innerJoin(users, eq(users.id, trainingCertificates.userId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingCertificates.cohortId))
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingCertificates.code, code.trim().toUpperCase()));
  return row ?? null;
}

export async function getCertificate(db: Executor, certificateId: string) {
  if (!isUuid(certificateId)) return null;
  const [row] = await db
    .select({
      id: trainingCertificates.id,
      code: trainingCertificates.code,
      userId: trainingCertificates.userId,
      issuedAt: trainingCertificates.issuedAt,
      revokedAt: trainingCertificates.revokedAt,
      displayName: users.displayName,
      locale: users.locale,
      training: trainings,
      cohort: trainingCohorts,
    })
    .from(trainingCertificates)
    .innerJoin(users, eq(users.id, trainingCertificates.userId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingCertificates.cohortId))
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(eq(trainingCertificates.id, certificateId));
  return row ?? null;
}

/** For the applicant's home: their registrations and certificates. */
export async function myTrainings(db: Executor, userId: string) {
  return runPrepared(db, "trainings_of_person", trainingsOf, { userId });
}

/**
 * A person's registrations as `myTrainings` lists them (the applicant's home also reads
 * them as a json list, applicant-home.server.ts: the same fields, joins and order).
 */
export const personTrainingFields = {
  registrationId: trainingRegistrations.id,
  status: trainingRegistrations.status,
  trainingId: trainings.id,
  titleFr: trainings.titleFr,
  titleAr: trainings.titleAr,
  titleEn: trainings.titleEn,
  cohortNameFr: trainingCohorts.nameFr,
  cohortNameAr: trainingCohorts.nameAr,
  cohortNameEn: trainingCohorts.nameEn,
  startsOn: trainingCohorts.startsOn,
  endsOn: trainingCohorts.endsOn,
  certificateId: trainingCertificates.id,
  certificateCode: trainingCertificates.code,
};

// the applicant's home reads it on every visit: built once (`runPrepared`)
const trainingsOf = (db: Executor) =>
  db
    .select(personTrainingFields)
    .from(trainingRegistrations)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingRegistrations.cohortId))
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .leftJoin(
      trainingCertificates,
      and(eq(trainingCertificates.registrationId, trainingRegistrations.id), isNull(trainingCertificates.revokedAt)),
    )
    .where(
      and(
        eq(trainingRegistrations.userId, sql.placeholder("userId")),
        sql`${trainingRegistrations.status} <> 'cancelled'`,
      ),
    )
    // the registration's id orders cohorts that start the same day, the same way every time
    .orderBy(asc(trainingCohorts.startsOn), asc(trainingRegistrations.id));

/**
 * The group an applicant belongs to, for a training's audience, from their profile
 * (issue 3): null when the profile does not say.
 */
export async function audienceGroupOf(db: Executor, userId: string): Promise<"migrant" | "young_moroccan" | null> {
  const [row] = await db.select({ status: profiles.residentStatus }).from(profiles).where(eq(profiles.userId, userId));
  if (row?.status === "migrant") return "migrant";
  if (row?.status === "moroccan") return "young_moroccan";
  return null;
}

/** Cohorts that have not ended, with their training's title: the office's choice of a training for a person. */
export async function upcomingCohorts(db: Executor, today: string) {
  return db
    .select({
      id: trainingCohorts.id,
      titleFr: trainings.titleFr,
      titleAr: trainings.titleAr,
      titleEn: trainings.titleEn,
      nameFr: trainingCohorts.nameFr,
      nameAr: trainingCohorts.nameAr,
      nameEn: trainingCohorts.nameEn,
      startsOn: trainingCohorts.startsOn,
      free: sql<number>`${trainingCohorts.capacity} - ${trainingCohorts.confirmedCount}`,
    })
    .from(trainingCohorts)
    .innerJoin(trainings, eq(trainings.id, trainingCohorts.trainingId))
    .where(sql`${trainingCohorts.endsOn} >= ${today}`)
    .orderBy(asc(trainingCohorts.startsOn), asc(trainings.titleFr))
    .limit(100);
}
