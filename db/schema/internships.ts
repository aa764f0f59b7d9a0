import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organisations, users } from "./auth";
import { id, stamp, day, instant, ref } from "./columns";
import { cityEnum, languageEnum, sectorEnum } from "./codes";
import {
  AGREEMENT_STATUSES,
  PLACEMENT_STATUSES,
  CONTACT_KINDS,
  CHECKPOINTS,
  EMPLOYMENT_STATUSES,
} from "../../app/modules/internships/constants";

export const hostAgreementStatusEnum = pgEnum("host_agreement_status", AGREEMENT_STATUSES);
export const internshipApplicationStatusEnum = pgEnum("internship_application_status", [
  "submitted",
  "proposed",
  "accepted",
  "declined",
  "withdrawn",
]);
export const placementStatusEnum = pgEnum("placement_status", PLACEMENT_STATUSES);
export const contactKindEnum = pgEnum("placement_contact_kind", CONTACT_KINDS);
export const evaluationStageEnum = pgEnum("evaluation_stage", ["mid_term", "final"]);
export const outcomeCheckpointEnum = pgEnum("outcome_checkpoint", CHECKPOINTS);
export const employmentStatusEnum = pgEnum("employment_status", EMPLOYMENT_STATUSES);

/** What a host organisation (organisations.kind = host_company) needs beyond its name and city. */
export const hostDetails = pgTable("host_details", {
  organisationId: ref(() => organisations.id).primaryKey(),
  sector: sectorEnum().notNull(),
  contactName: text().notNull(),
  contactPhone: text(),
  contactEmail: text(),
  agreementStatus: hostAgreementStatusEnum().notNull().default("none"),
});

export const internshipOffers = pgTable(
  "internship_offers",
  {
    id: id(),
    hostId: ref(() => organisations.id).notNull(),
    /** title and requirements in three languages (French required; empty ones show the French) */
    titleFr: text().notNull(),
    titleAr: text().notNull().default(""),
    titleEn: text().notNull().default(""),
    /** sector, town and languages are codes (app/i18n/codes.ts), shown in the reader's language */
    sector: sectorEnum().notNull(),
    city: cityEnum().notNull(),
    startsOn: day().notNull(),
    durationWeeks: integer().notNull(),
    stipendCentimes: integer().notNull().default(0),
    seats: integer().notNull().default(1),
    requirementsFr: text().notNull().default(""),
    requirementsAr: text().notNull().default(""),
    requirementsEn: text().notNull().default(""),
    languages: languageEnum()
      .array()
      .notNull()
      .default(sql`'{}'`),
    isOpen: boolean().notNull().default(true),
    /** when staff closed it to new applications (null while open, or closed before this column) */
    closedAt: instant(),
    /** applications accepted so far: never above the seats (a conditional update and the check below) */
    acceptedCount: integer().notNull().default(0),
    createdAt: stamp(),
  },
  (t) => [
    check("internship_offers_stipend_check", sql`${t.stipendCentimes} >= 0`),
    check("internship_offers_seats_check", sql`${t.seats} > 0`),
    check("internship_offers_accepted_check", sql`${t.acceptedCount} between 0 and ${t.seats}`),
    check("internship_offers_duration_check", sql`${t.durationWeeks} between 1 and 104`),
  ],
);

/** An applicant applying, or a coach proposing a beneficiary, for an offer. */
export const internshipApplications = pgTable(
  "internship_applications",
  {
    id: id(),
    offerId: ref(() => internshipOffers.id).notNull(),
    beneficiaryId: ref(() => users.id).notNull(),
    proposedById: ref(() => users.id),
    status: internshipApplicationStatusEnum().notNull(),
    motivation: text(),
    /** why the host accepted or declined, typed by staff; the applicant reads it */
    answerReason: text(),
    answeredAt: instant(),
    createdAt: stamp(),
  },
  (t) => [uniqueIndex("internship_applications_once_key").on(t.offerId, t.beneficiaryId)],
);

export const placements = pgTable(
  "placements",
  {
    id: id(),
    beneficiaryId: ref(() => users.id).notNull(),
    hostId: ref(() => organisations.id).notNull(),
    offerId: ref(() => internshipOffers.id),
    coachId: ref(() => users.id).notNull(),
    tutorName: text().notNull(),
    tutorContact: text(),
    startsOn: day().notNull(),
    endsOn: day().notNull(),
    stipendCentimes: integer().notNull().default(0),
    status: placementStatusEnum().notNull().default("proposed"),
    endedReason: text(),
    createdAt: stamp(),
  },
  (t) => [
    check("placements_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    check("placements_stipend_check", sql`${t.stipendCentimes} >= 0`),
    check("placements_ended_reason_check", sql`${t.status} <> 'ended_early' or ${t.endedReason} is not null`),
    index("placements_beneficiary_idx").on(t.beneficiaryId),
    index("placements_coach_idx").on(t.coachId),
  ],
);

export const placementContacts = pgTable(
  "placement_contacts",
  {
    id: id(),
    placementId: ref(() => placements.id).notNull(),
    kind: contactKindEnum().notNull(),
    contactedOn: day().notNull(),
    notes: text().notNull().default(""),
    problem: text(),
    loggedById: ref(() => users.id),
    createdAt: stamp(),
  },
  (t) => [index("placement_contacts_placement_idx").on(t.placementId, t.contactedOn)],
);

const score = (name: string) => smallint(name).notNull();

export const placementEvaluations = pgTable(
  "placement_evaluations",
  {
    id: id(),
    placementId: ref(() => placements.id).notNull(),
    stage: evaluationStageEnum().notNull(),
    punctuality: score("punctuality"),
    teamwork: score("teamwork"),
    communication: score("communication"),
    technicalSkills: score("technical_skills"),
    autonomy: score("autonomy"),
    comments: text().notNull().default(""),
    enteredById: ref(() => users.id),
    createdAt: stamp(),
  },
  (t) => [
    uniqueIndex("placement_evaluations_stage_key").on(t.placementId, t.stage),
    check(
      "placement_evaluations_scale_check",
      sql`${t.punctuality} between 1 and 4 and ${t.teamwork} between 1 and 4 and ${t.communication} between 1 and 4 and ${t.technicalSkills} between 1 and 4 and ${t.autonomy} between 1 and 4`,
    ),
  ],
);

export const placementOutcomes = pgTable(
  "placement_outcomes",
  {
    id: id(),
    placementId: ref(() => placements.id).notNull(),
    checkpoint: outcomeCheckpointEnum().notNull(),
    employmentStatus: employmentStatusEnum().notNull(),
    recordedOn: day().notNull(),
    recordedById: ref(() => users.id),
  },
  (t) => [uniqueIndex("placement_outcomes_checkpoint_key").on(t.placementId, t.checkpoint)],
);

export type Placement = typeof placements.$inferSelect;
export type PlacementStatus = (typeof placementStatusEnum.enumValues)[number];
export type OutcomeCheckpoint = (typeof outcomeCheckpointEnum.enumValues)[number];
