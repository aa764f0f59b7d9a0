/** Values both the forms (browser) and the schemas (server) need; no zod here. */

export const MAX_CRITERIA = 8;

/** The columns of a call's ranking, on the page and in its CSV. */
export const RANKING_COLUMNS = [
  "grants.col.rank",
  "grants.col.number",
  // next to the number, so a phone shows an application's missing reviews without scrolling
  "grants.col.reviews",
  "grants.col.mean",
  "grants.col.sd",
  "grants.col.range",
  "grants.col.flag",
] as const;

export const CALL_STATUSES = ["draft", "open", "closed", "under_review", "deliberation", "decided"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
