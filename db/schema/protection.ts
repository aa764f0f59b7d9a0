import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { localeEnum, organisations, users } from "./auth";
import { outbox } from "./notifications";

/**
 * Protection case files of partner associations. Free-text notes and the
 * vulnerability assessment are stored encrypted by the application (columns `*_enc`,
 * AES-256-GCM, see app/modules/protection/crypto.server.ts): a dump shows ciphertext.
 */
import { sexEnum } from "./common";
import { id, instant, stamp, day, ref } from "./columns";
import {
  SERVICE_KINDS,
  CLOSURE_REASONS,
  REFERRAL_REASONS,
  REFERRAL_URGENCIES,
  REOPEN_REASONS,
  UNLINK_REASONS,
} from "../../app/modules/protection/constants";
import { REGIONS } from "../../app/modules/profiles/rules";
import { cityEnum } from "./code-lists";
import { NOTICE_LANGUAGES } from "../../app/modules/office/constants";
/** An encrypted column holds null or "v<key id>:" + base64 (crypto.server.ts), never clear text. */
function encrypted(column: AnyPgColumn) {
  return sql`(${column} is null or ${column} ~ '^v[0-9]+:[A-Za-z0-9+/=]+$')`;
}

export const caseStatusEnum = pgEnum("case_status", ["open", "closed"]);
export const caseReferralKindEnum = pgEnum("case_referral_kind", ["referral", "transfer"]);
export const caseReferralStatusEnum = pgEnum("case_referral_status", ["pending", "accepted", "rejected"]);
export const serviceKindEnum = pgEnum("service_kind", SERVICE_KINDS);
export const caseReferralReasonEnum = pgEnum("case_referral_reason", REFERRAL_REASONS);
export const referralUrgencyEnum = pgEnum("referral_urgency", REFERRAL_URGENCIES);

/** Case workers who may override a missing consent, export and see who viewed a case. Granted by admins. */
export const protectionSupervisors = pgTable("protection_supervisors", {
  userId: ref(() => users.id, { onDelete: "cascade" }).primaryKey(),
  grantedById: ref(() => users.id),
  grantedAt: stamp(),
});

export const beneficiaryCases = pgTable(
  "beneficiary_cases",
  {
    id: id(),
    /** the partner association the case belongs to */
    organisationId: ref(() => organisations.id).notNull(),
    assignedToId: ref(() => users.id),
    /** the applicant account of the same person, when there is one */
    applicantUserId: ref(() => users.id),
    reference: text().notNull().unique(),
    /** the identity, encrypted (app/modules/protection/identity.server.ts); null only once anonymised */
    firstNameEnc: text(),
    lastNameEnc: text(),
    nameArabicEnc: text(),
    sex: sexEnum().notNull(),
    dateOfBirth: day(),
    estimatedAge: integer(),
    /** ISO 3166 alpha-2, chosen from the country list (decision 0138-case-town-nationality-as-codes.md) */
    nationality: text(),
    languages: text(),
    phoneEnc: text(),
    documentNumberEnc: text(),
    /** keyed hashes (HMAC) of the normalised phone and document number: search and the duplicate check */
    phoneHash: text(),
    documentHash: text(),
    /** keyed hashes of each folded word of the names (rules.ts nameSearchWords): search by name */
    nameKeys: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** a code of the towns list; null once anonymised, when only the region stays */
    city: cityEnum(),
    /** the region (profiles' region codes) an anonymised case keeps of its town (decision 0079) */
    region: text(),
    householdSize: integer().notNull().default(1),
    householdNotesEnc: text(),
    status: caseStatusEnum().notNull().default("open"),
    /** another case the case worker confirmed is NOT the same person (duplicate warning dismissed) */
    confirmedDistinctFrom: uuid(),
    anonymisedAt: instant(),
    createdById: ref(() => users.id),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
  (t) => [
    index("beneficiary_cases_org_idx").on(t.organisationId, t.status),
    index("beneficiary_cases_phone_hash_idx").on(t.phoneHash),
    index("beneficiary_cases_document_hash_idx").on(t.documentHash),
    index("beneficiary_cases_name_keys_idx").using("gin", t.nameKeys),
    // the "known elsewhere" check's same-day branch: with the three above, its OR is
    // answered from indexes, not by reading every case (0207)
    index("beneficiary_cases_date_of_birth_idx").on(t.dateOfBirth),
    // the reporting rollup finds a person's cases by the key they are counted under
    index("beneficiary_cases_person_key_idx").on(sql`coalesce(${t.applicantUserId}, ${t.id})`),
    check("beneficiary_cases_household_check", sql`${t.householdSize} between 1 and 30`),
    check("beneficiary_cases_nationality_check", sql`${t.nationality} ~ '^[A-Z]{2}$'`),
    check("beneficiary_cases_region_check", sql`${t.region} in (${sql.raw(REGIONS.map((r) => `'${r}'`).join(", "))})`),
    check("beneficiary_cases_age_check", sql`${t.estimatedAge} is null or ${t.estimatedAge} between 0 and 120`),
    check(
      "beneficiary_cases_enc_check",
      sql`${encrypted(t.firstNameEnc)} and ${encrypted(t.lastNameEnc)} and ${encrypted(t.nameArabicEnc)}
        and ${encrypted(t.phoneEnc)} and ${encrypted(t.documentNumberEnc)} and ${encrypted(t.householdNotesEnc)}`,
    ),
  ],
);

export const caseConsents = pgTable(
  "case_consents",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    services: boolean().notNull(),
    referral: boolean().notNull(),
    /** the partners named when consent to referral was given */
    referralPartners: text(),
    anonymisedReporting: boolean().notNull(),
    /** may be sent short fixed SMS (an appointment, "please call") at the case's number */
    contactBySms: boolean().notNull().default(false),
    noticeVersion: text().notNull(),
    language: localeEnum().notNull(),
    collectedById: ref(() => users.id).notNull(),
    givenAt: stamp(),
    withdrawnAt: instant(),
    withdrawnById: ref(() => users.id),
  },
  (t) => [index("case_consents_case_idx").on(t.caseId, t.givenAt)],
);

export const caseUnlinkReasonEnum = pgEnum("case_unlink_reason", UNLINK_REASONS);

/**
 * A case linked to the applicant account of the same person, with the person's consent
 * (who collected it, when, in which language the notice was read); unlinked with a
 * reason. The live link is mirrored in `beneficiary_cases.applicant_user_id` (reports
 * count one person under it); these rows are its history
 * (docs/decisions/0135-linking-and-dedup-across.md).
 */
export const caseAccountLinks = pgTable(
  "case_account_links",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    linkedById: ref(() => users.id).notNull(),
    /** the language the notice was read to the person in, when they agreed */
    noticeLanguage: text().notNull(),
    linkedAt: stamp(),
    unlinkedById: ref(() => users.id),
    unlinkedAt: instant(),
    unlinkReason: caseUnlinkReasonEnum(),
  },
  (t) => [
    // one live link per case: of two case workers linking at once, one wins
    uniqueIndex("case_account_links_live_idx")
      .on(t.caseId)
      .where(sql`${t.unlinkedAt} is null`),
    index("case_account_links_user_idx").on(t.userId),
    check(
      "case_account_links_language_check",
      sql.raw(`notice_language in (${NOTICE_LANGUAGES.map((l) => `'${l}'`).join(", ")})`),
    ),
    check(
      "case_account_links_unlink_check",
      sql`(${t.unlinkedAt} is null) = (${t.unlinkReason} is null) and (${t.unlinkedAt} is null) = (${t.unlinkedById} is null)`,
    ),
  ],
);

/**
 * The partner associations a consent to referral names: a referral or transfer may go
 * to these only (or under a supervisor's override), and an accepted referral holds only
 * while the case's latest consent still names its association.
 */
export const caseConsentPartners = pgTable(
  "case_consent_partners",
  {
    consentId: ref(() => caseConsents.id, { onDelete: "cascade" }).notNull(),
    organisationId: ref(() => organisations.id).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consentId, t.organisationId] })],
);

/**
 * Why a case file was closed (the first six) or opened again (the last three). A
 * closed case leaves the lists and the rounds; its records stay, and so do the reports
 * of the time it was open.
 */
export const caseStatusReasonEnum = pgEnum("case_status_reason", [...CLOSURE_REASONS, ...REOPEN_REASONS]);

/** Each closing and reopening of a case file: to which status, why, by whom, when. */
export const caseStatusChanges = pgTable(
  "case_status_changes",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    status: caseStatusEnum().notNull(),
    reason: caseStatusReasonEnum().notNull(),
    changedById: ref(() => users.id).notNull(),
    changedAt: stamp(),
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
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    authorId: ref(() => users.id).notNull(),
    bodyEnc: text().notNull(),
    createdAt: stamp(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt), check("case_notes_enc_check", encrypted(t.bodyEnc))],
);

export const vulnerabilityAssessments = pgTable(
  "vulnerability_assessments",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    assessorId: ref(() => users.id).notNull(),
    assessedOn: day().notNull(),
    /** JSON of the flags and the free text, encrypted */
    dataEnc: text().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    index("vulnerability_assessments_case_idx").on(t.caseId, t.createdAt),
    check("vulnerability_assessments_enc_check", encrypted(t.dataEnc)),
  ],
);

/** A referral (shared access) or transfer (ownership) of a case to another association. */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    kind: caseReferralKindEnum().notNull(),
    fromOrganisationId: ref(() => organisations.id).notNull(),
    toOrganisationId: ref(() => organisations.id).notNull(),
    status: caseReferralStatusEnum().notNull().default("pending"),
    requestedById: ref(() => users.id).notNull(),
    consentOverrideById: ref(() => users.id),
    consentOverrideReason: text(),
    /** null only on requests made before reasons existed */
    reason: caseReferralReasonEnum(),
    urgency: referralUrgencyEnum(),
    requestedServices: serviceKindEnum()
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** the sections of the case file the receiving association sees (nothing unless ticked) */
    shareIdentity: boolean().notNull().default(false),
    shareServices: boolean().notNull().default(false),
    shareNotes: boolean().notNull().default(false),
    shareVulnerability: boolean().notNull().default(false),
    decidedById: ref(() => users.id),
    decidedAt: instant(),
    createdAt: stamp(),
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
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    kind: serviceKindEnum().notNull(),
    serviceDate: day().notNull(),
    status: text().notNull(),
    /** when something is next due (follow-up, check-out, next stage) */
    dueDate: day(),
    costCentimes: integer().notNull().default(0),
    /** the kind's structured fields (categories, dates, nights: the reports read them) */
    details: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    /** its free text (provider, facility, specialty, place, country of return) as encrypted JSON */
    detailsEnc: text(),
    notesEnc: text(),
    recordedById: ref(() => users.id).notNull(),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
  (t) => [
    index("case_services_case_idx").on(t.caseId, t.serviceDate),
    // the indicator queries filter services by kind and period
    index("case_services_kind_date_idx").on(t.kind, t.serviceDate),
    // the reports' money: the services that cost something, by day (an index-only scan)
    index("case_services_cost_day_idx")
      .on(t.serviceDate, t.kind, t.costCentimes)
      .where(sql`${t.costCentimes} > 0`),
    check("case_services_cost_check", sql`${t.costCentimes} >= 0`),
    check("case_services_notes_enc_check", encrypted(t.notesEnc)),
    check("case_services_details_enc_check", encrypted(t.detailsEnc)),
  ],
);

/** A case's row as stored: its identity encrypted. */
export type BeneficiaryCaseRow = typeof beneficiaryCases.$inferSelect;
export type NewBeneficiaryCaseRow = typeof beneficiaryCases.$inferInsert;
/** The identity of a case in clear, as the application reads and writes it. */
export type CaseIdentity = {
  firstName: string;
  lastName: string;
  nameArabic: string | null;
  phone: string | null;
  documentNumber: string | null;
  householdNotes: string | null;
};
/** The columns that hold an identity sealed: its ciphertexts and keyed hashes. */
export type SealedColumns =
  | "firstNameEnc"
  | "lastNameEnc"
  | "nameArabicEnc"
  | "phoneEnc"
  | "documentNumberEnc"
  | "householdNotesEnc"
  | "phoneHash"
  | "documentHash"
  | "nameKeys";
/** A case as the application sees it: the row with its identity decrypted. */
export type BeneficiaryCase = Omit<BeneficiaryCaseRow, SealedColumns> & CaseIdentity;
export type NewBeneficiaryCase = Omit<NewBeneficiaryCaseRow, SealedColumns> & Partial<CaseIdentity>;
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
    updatedById: ref(() => users.id),
    updatedAt: stamp(),
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
    id: id(),
    caseId: ref(() => beneficiaryCases.id, { onDelete: "cascade" }).notNull(),
    outboxId: ref(() => outbox.id, { onDelete: "set null" }),
    template: text().notNull(),
    sentById: ref(() => users.id).notNull(),
    createdAt: stamp(),
  },
  (t) => [
    index("case_messages_case_idx").on(t.caseId, t.createdAt),
    check("case_messages_template_check", sql`${t.template} in ('callBack', 'appointment', 'documentsReady')`),
  ],
);
