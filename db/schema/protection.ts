import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { localeEnum, organisations, users } from "./auth";
import { outbox } from "./notifications";

/**
 * Protection case files of partner associations. Free-text notes and the
 * vulnerability assessment are stored encrypted by the application (columns `*_enc`,
 * AES-256-GCM, see app/modules/protection/crypto.server.ts): a dump shows ciphertext.
 */
import { sexEnum } from "./common";
export const caseStatusEnum = pgEnum("case_status", ["open", "closed"]);
export const caseReferralKindEnum = pgEnum("case_referral_kind", ["referral", "transfer"]);
export const caseReferralStatusEnum = pgEnum("case_referral_status", ["pending", "accepted", "rejected"]);
/** Why a case goes to another association; a code, so a notification can carry it in the reader's language and say nothing more. */
export const caseReferralReasonEnum = pgEnum("case_referral_reason", [
  "specialised_service",
  "person_moved",
  "capacity",
  "safety",
  "other",
]);
export const referralUrgencyEnum = pgEnum("referral_urgency", ["routine", "urgent", "emergency"]);
export const serviceKindEnum = pgEnum("service_kind", [
  "medical",
  "hospital_referral",
  "mental_health",
  "shelter",
  "legal",
  "avrr",
]);

/** Case workers who may override a missing consent, export and see who viewed a case. Granted by admins. */
export const protectionSupervisors = pgTable("protection_supervisors", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  grantedById: uuid().references(() => users.id),
  grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const beneficiaryCases = pgTable(
  "beneficiary_cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** the partner association the case belongs to */
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    assignedToId: uuid().references(() => users.id),
    /** the applicant account of the same person, when there is one */
    applicantUserId: uuid().references(() => users.id),
    reference: text().notNull().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    nameArabic: text(),
    sex: sexEnum().notNull(),
    dateOfBirth: date({ mode: "string" }),
    estimatedAge: integer(),
    nationality: text(),
    languages: text(),
    phone: text(),
    documentNumber: text(),
    city: text(),
    householdSize: integer().notNull().default(1),
    householdNotes: text(),
    status: caseStatusEnum().notNull().default("open"),
    /** another case the case worker confirmed is NOT the same person (duplicate warning dismissed) */
    confirmedDistinctFrom: uuid(),
    anonymisedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("beneficiary_cases_org_idx").on(t.organisationId, t.status),
    index("beneficiary_cases_phone_idx").on(t.phone),
    index("beneficiary_cases_document_idx").on(t.documentNumber),
    // the reporting rollup finds a person's cases by the key they are counted under
    index("beneficiary_cases_person_key_idx").on(sql`coalesce(${t.applicantUserId}, ${t.id})`),
    check("beneficiary_cases_household_check", sql`${t.householdSize} between 1 and 30`),
    check("beneficiary_cases_age_check", sql`${t.estimatedAge} is null or ${t.estimatedAge} between 0 and 120`),
  ],
);

export const caseConsents = pgTable(
  "case_consents",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    services: boolean().notNull(),
    referral: boolean().notNull(),
    /** the partners named when consent to referral was given */
    referralPartners: text(),
    anonymisedReporting: boolean().notNull(),
    /** may be sent short fixed SMS (an appointment, "please call") at the case's number */
    contactBySms: boolean().notNull().default(false),
    noticeVersion: text().notNull(),
    language: localeEnum().notNull(),
    collectedById: uuid()
      .notNull()
      .references(() => users.id),
    givenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnById: uuid().references(() => users.id),
  },
  (t) => [index("case_consents_case_idx").on(t.caseId, t.givenAt)],
);

/**
 * The partner associations a consent to referral names: a referral or transfer may go
 * to these only (or under a supervisor's override), and an accepted referral holds only
 * while the case's latest consent still names its association.
 */
export const caseConsentPartners = pgTable(
  "case_consent_partners",
  {
    consentId: uuid()
      .notNull()
      .references(() => caseConsents.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.organisationId] })],
);

/**
 * Why a case file was closed (the first six) or opened again (the last three). A
 * closed case leaves the lists and the rounds; its records stay, and so do the reports
 * of the time it was open.
 */
export const caseStatusReasonEnum = pgEnum("case_status_reason", [
  "services_completed",
  "moved",
  "returned_home",
  "lost_contact",
  "deceased",
  "transferred",
  "new_need",
  "came_back",
  "closed_in_error",
]);

/** Each closing and reopening of a case file: to which status, why, by whom, when. */
export const caseStatusChanges = pgTable(
  "case_status_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    status: caseStatusEnum().notNull(),
    reason: caseStatusReasonEnum().notNull(),
    changedById: uuid()
      .notNull()
      .references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_status_changes_case_idx").on(t.caseId, t.changedAt),
    check(
      "case_status_changes_reason_check",
      sql`(${t.status} = 'closed' and ${t.reason} in ('services_completed', 'moved', 'returned_home', 'lost_contact', 'deceased', 'transferred'))
        or (${t.status} = 'open' and ${t.reason} in ('new_need', 'came_back', 'closed_in_error'))`,
    ),
  ],
);

export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    bodyEnc: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_notes_case_idx").on(t.caseId, t.createdAt),
    check("case_notes_enc_check", sql`${t.bodyEnc} like 'v1:%'`),
  ],
);

export const vulnerabilityAssessments = pgTable(
  "vulnerability_assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    assessorId: uuid()
      .notNull()
      .references(() => users.id),
    assessedOn: date({ mode: "string" }).notNull(),
    /** JSON of the flags and the free text, encrypted */
    dataEnc: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("vulnerability_assessments_case_idx").on(t.caseId, t.createdAt),
    check("vulnerability_assessments_enc_check", sql`${t.dataEnc} like 'v1:%'`),
  ],
);

/** A referral (shared access) or transfer (ownership) of a case to another association. */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    kind: caseReferralKindEnum().notNull(),
    fromOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    status: caseReferralStatusEnum().notNull().default("pending"),
    requestedById: uuid()
      .notNull()
      .references(() => users.id),
    consentOverrideById: uuid().references(() => users.id),
    consentOverrideReason: text(),
    /** null only on requests made before reasons existed */
    reason: caseReferralReasonEnum(),
    urgency: referralUrgencyEnum(),
    requestedServices: serviceKindEnum().array().notNull().default(sql`'{}'`),
    /** the sections of the case file the receiving association sees (nothing unless ticked) */
    shareIdentity: boolean().notNull().default(false),
    shareServices: boolean().notNull().default(false),
    shareNotes: boolean().notNull().default(false),
    shareVulnerability: boolean().notNull().default(false),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_referrals_to_idx").on(t.toOrganisationId, t.status),
    index("case_referrals_case_idx").on(t.caseId),
    // one open request per case and kind: two transfers cannot race
    uniqueIndex("case_referrals_pending_key")
      .on(t.caseId, t.kind)
      .where(sql`${t.status} = 'pending'`),
    check("case_referrals_orgs_check", sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
    check("case_referrals_reason_check", sql`(${t.reason} is null) = (${t.urgency} is null)`),
    check(
      "case_referrals_override_check",
      sql`${t.consentOverrideById} is null or length(${t.consentOverrideReason}) > 0`,
    ),
  ],
);

/** A service given on a case; `details` holds the fields of its kind (validated by zod). */
export const caseServices = pgTable(
  "case_services",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    kind: serviceKindEnum().notNull(),
    serviceDate: date({ mode: "string" }).notNull(),
    provider: text(),
    status: text().notNull(),
    /** when something is next due (follow-up, check-out, next stage) */
    dueDate: date({ mode: "string" }),
    costCentimes: integer().notNull().default(0),
    details: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    notesEnc: text(),
    recordedById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_services_case_idx").on(t.caseId, t.serviceDate),
    // the indicator queries filter services by kind and period
    index("case_services_kind_date_idx").on(t.kind, t.serviceDate),
    check("case_services_cost_check", sql`${t.costCentimes} >= 0`),
    check("case_services_notes_enc_check", sql`${t.notesEnc} is null or ${t.notesEnc} like 'v1:%'`),
  ],
);

export type BeneficiaryCase = typeof beneficiaryCases.$inferSelect;
export type NewBeneficiaryCase = typeof beneficiaryCases.$inferInsert;
export type CaseConsent = typeof caseConsents.$inferSelect;
export type CaseReferral = typeof caseReferrals.$inferSelect;
export type CaseService = typeof caseServices.$inferSelect;
export type CaseStatusChange = typeof caseStatusChanges.$inferSelect;
export type ServiceKind = (typeof serviceKindEnum.enumValues)[number];

/** One row: how long an inactive case is kept before it is anonymised (set by an admin). */
export const protectionSettings = pgTable(
  "protection_settings",
  {
    id: boolean().primaryKey().default(true),
    retentionDays: integer().notNull(),
    updatedById: uuid().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("protection_settings_single_row", sql`${t.id}`),
    check("protection_settings_retention_check", sql`${t.retentionDays} between 30 and 36500`),
  ],
);

/**
 * A short SMS a case worker sent from a case file: which fixed template, by whom, and the
 * outbox message that carries it (its state). Never its text: the template says it all,
 * and the outbox keeps the text only until it is settled.
 */
export const caseMessages = pgTable(
  "case_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => beneficiaryCases.id, { onDelete: "cascade" }),
    outboxId: uuid().references(() => outbox.id, { onDelete: "set null" }),
    template: text().notNull(),
    sentById: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_messages_case_idx").on(t.caseId, t.createdAt),
    check("case_messages_template_check", sql`${t.template} in ('callBack', 'appointment', 'documentsReady')`),
  ],
);
