/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const PRIVACY_NOTICE_VERSION = "2026-11";

export const ORGANISATION_KINDS = [
  "programme",
  "partner_association",
  "host_company",
  "donor",
  "public_institution",
] as const;

/** Why a case-worker account waits for its association's supervisor: what an admin did (db: a check on users). */
export const CASE_ACCESS_PENDING_REASONS = ["new_account", "role_change", "new_code"] as const;
export type CaseAccessPendingReason = (typeof CASE_ACCESS_PENDING_REASONS)[number];
