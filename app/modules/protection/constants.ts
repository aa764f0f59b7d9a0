/** Values both the forms (browser) and the schemas (server) need; no zod here. */

/** The version of the consent notice read to the person; recorded with each consent. */
export const CONSENT_NOTICE_VERSION = "protection-2026-12";

export const SERVICE_KINDS = ["medical", "hospital_referral", "mental_health", "shelter", "legal", "avrr"] as const;
