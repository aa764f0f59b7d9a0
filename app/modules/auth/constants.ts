/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const PRIVACY_NOTICE_VERSION = "2026-11";

export const ORGANISATION_KINDS = [
  "programme",
  "partner_association",
  "host_company",
  "donor",
  "public_institution",
] as const;
