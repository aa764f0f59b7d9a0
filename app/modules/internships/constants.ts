/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const AGREEMENT_STATUSES = ["none", "pending", "signed"] as const;

export const CONTACT_KINDS = ["visit", "call", "message"] as const;

/** What a person may be doing when there is no host to be hired by (after a training). */
export const STATUSES_WITHOUT_HOST = ["hired_elsewhere", "self_employed", "studying", "seeking", "unknown"] as const;
export const EMPLOYMENT_STATUSES = ["hired_by_host", ...STATUSES_WITHOUT_HOST] as const;
/** Employed, for the donor indicators: hired by the host, elsewhere, or self-employed. */
export const EMPLOYED_STATUSES = ["hired_by_host", "hired_elsewhere", "self_employed"] as const;

export const PLACEMENT_STATUSES = ["proposed", "accepted", "ongoing", "completed", "ended_early"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const CHECKPOINTS = ["end", "month_3", "month_6"] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];
