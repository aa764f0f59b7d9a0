/** Values both the forms (browser) and the schemas (server) need; no zod here. */

/** The version of the consent notice read to the person; recorded with each consent. */
export const CONSENT_NOTICE_VERSION = "protection-2026-12";

export const SERVICE_KINDS = ["medical", "hospital_referral", "mental_health", "shelter", "legal", "avrr"] as const;

/** Why a case file closes; why it opens again (db: case_status_reason, with a check pairing each to its status). */
export const CLOSURE_REASONS = [
  "services_completed",
  "moved",
  "returned_home",
  "lost_contact",
  "deceased",
  "transferred",
] as const;
export const REOPEN_REASONS = ["new_need", "came_back", "closed_in_error"] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
/** Why a case worker unlinks a case from an applicant account (no free text: it would hold details). */
export const UNLINK_REASONS = ["wrong_person", "consent_withdrawn", "entered_in_error"] as const;
export type UnlinkReason = (typeof UNLINK_REASONS)[number];
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/**
 * Why a case goes to another association, and how soon (db: case_referral_reason,
 * referral_urgency): codes, so a notice carries them in its reader's language and says
 * nothing of the person.
 */
export const REFERRAL_REASONS = ["specialised_service", "person_moved", "capacity", "safety", "other"] as const;
export const REFERRAL_URGENCIES = ["routine", "urgent", "emergency"] as const;
