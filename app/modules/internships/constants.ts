/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const AGREEMENT_STATUSES = ["none", "pending", "signed"] as const;

export const CONTACT_KINDS = ["visit", "call", "message"] as const;

export const EMPLOYMENT_STATUSES = [
  "hired_by_host",
  "hired_elsewhere",
  "self_employed",
  "studying",
  "seeking",
  "unknown",
] as const;
