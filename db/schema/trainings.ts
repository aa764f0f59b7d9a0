import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, stamp, day, ref } from "./columns";
import { TRAINING_CATEGORIES, AUDIENCES, ATTENDANCE_MARKS } from "../../app/modules/trainings/constants";
import { users } from "./auth";
import { languageEnum } from "./codes";

export const trainingCategoryEnum = pgEnum("training_category", TRAINING_CATEGORIES);
export const trainingAudienceEnum = pgEnum("training_audience", AUDIENCES);
export const registrationStatusEnum = pgEnum("registration_status", ["confirmed", "waiting", "cancelled"]);
export const revocationReasonEnum = pgEnum("certificate_revocation_reason", [
  "attendance_corrected",
  "revoked_by_admin",
]);
export const attendanceStatusEnum = pgEnum("attendance_status", ATTENDANCE_MARKS);

/** A training of the catalogue, in three languages, with its completion rule. */
export const trainings = pgTable(
  "trainings",
  {
    id: id(),
    category: trainingCategoryEnum().notNull(),
    titleFr: text().notNull(),
    /** Arabic and English may stay empty: the French text is shown in their place, marked */
    titleAr: text().notNull().default(""),
    titleEn: text().notNull().default(""),
    descriptionFr: text().notNull().default(""),
    descriptionAr: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    audience: trainingAudienceEnum().notNull().default("both"),
    /** the languages it is given in: codes (app/i18n/codes.ts), at least one */
    deliveryLanguages: languageEnum().array().notNull(),
    /** completion rule: share of the cohort's sessions attended, in percent */
    minAttendancePercent: integer().notNull().default(80),
    createdAt: stamp(),
  },
  (t) => [
    check("trainings_min_attendance_check", sql`${t.minAttendancePercent} between 1 and 100`),
    check("trainings_delivery_languages_check", sql`cardinality(${t.deliveryLanguages}) > 0`),
  ],
);

/**
 * One run of a training. `confirmedCount` is the seat counter, kept in the same
 * transaction as the registrations under a row lock; the check constraint is the
 * last guard that capacity is never exceeded.
 */
export const trainingCohorts = pgTable(
  "training_cohorts",
  {
    id: id(),
    trainingId: ref(() => trainings.id).notNull(),
    /** the cohort's name in three languages (French required) */
    nameFr: text().notNull(),
    nameAr: text().notNull().default(""),
    nameEn: text().notNull().default(""),
    capacity: integer().notNull(),
    confirmedCount: integer().notNull().default(0),
    startsOn: day().notNull(),
    endsOn: day().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    check("training_cohorts_capacity_check", sql`${t.capacity} > 0`),
    check("training_cohorts_seats_check", sql`${t.confirmedCount} between 0 and ${t.capacity}`),
    check("training_cohorts_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    index("training_cohorts_training_idx").on(t.trainingId),
  ],
);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: id(),
    cohortId: ref(() => trainingCohorts.id).notNull(),
    startsAt: instant().notNull(),
    durationMinutes: integer().notNull().default(120),
    /** where it happens, in three languages (an empty Arabic or English place shows the French one) */
    placeFr: text(),
    placeAr: text(),
    placeEn: text(),
    onlineLink: text(),
    trainerId: ref(() => users.id),
    trainerName: text(),
  },
  (t) => [
    index("training_sessions_cohort_idx").on(t.cohortId, t.startsAt),
    check("training_sessions_duration_check", sql`${t.durationMinutes} > 0`),
  ],
);

/** A seat or a place on the waiting list; `seq` orders the list (first come, first promoted). */
export const trainingRegistrations = pgTable(
  "training_registrations",
  {
    id: id(),
    seq: bigserial({ mode: "number" }).notNull(),
    cohortId: ref(() => trainingCohorts.id).notNull(),
    userId: ref(() => users.id).notNull(),
    status: registrationStatusEnum().notNull(),
    createdAt: stamp(),
    confirmedAt: instant(),
    promotedAt: instant(),
    cancelledAt: instant(),
  },
  (t) => [
    uniqueIndex("training_registrations_active_key")
      .on(t.cohortId, t.userId)
      .where(sql`${t.status} <> 'cancelled'`),
    index("training_registrations_queue_idx").on(t.cohortId, t.status, t.seq),
    index("training_registrations_user_idx").on(t.userId),
  ],
);

export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: ref(() => trainingSessions.id).notNull(),
    userId: ref(() => users.id).notNull(),
    status: attendanceStatusEnum().notNull(),
    markedById: ref(() => users.id),
    markedAt: stamp(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

/** One certificate per completed registration; the code is what /verify/$code checks. */
export const trainingCertificates = pgTable(
  "training_certificates",
  {
    id: id(),
    registrationId: ref(() => trainingRegistrations.id)
      .notNull()
      .unique(),
    userId: ref(() => users.id).notNull(),
    cohortId: ref(() => trainingCohorts.id).notNull(),
    code: text().notNull().unique(),
    issuedAt: stamp(),
    revokedAt: instant(),
    /** an admin's revocation stands; one by the rule is lifted if completion comes back */
    revokedReason: revocationReasonEnum(),
  },
  (t) => [
    index("training_certificates_user_idx").on(t.userId),
    check("training_certificates_revoked_check", sql`(${t.revokedAt} is null) = (${t.revokedReason} is null)`),
  ],
);

export type Training = typeof trainings.$inferSelect;
export type TrainingCohort = typeof trainingCohorts.$inferSelect;
export type TrainingSession = typeof trainingSessions.$inferSelect;
export type TrainingRegistration = typeof trainingRegistrations.$inferSelect;
export type TrainingCategory = (typeof trainingCategoryEnum.enumValues)[number];
export type AttendanceStatus = (typeof attendanceStatusEnum.enumValues)[number];
