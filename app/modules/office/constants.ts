/** Values both the office's forms (browser) and its schemas and tables (server) need; no zod here. */

/**
 * Languages the data-protection notice can be read aloud in (ISO 639 codes): the
 * portal's three, Moroccan Arabic, and the languages most walk-in migrants speak.
 * Their names come from the reader's Intl.DisplayNames, so no list to translate.
 */
export const NOTICE_LANGUAGES = [
  "fr",
  "ar",
  "ary",
  "en",
  "bm",
  "wo",
  "ff",
  "sus",
  "dyu",
  "ln",
  "pcm",
  "tzm",
  "es",
] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** What staff may do for a person in the office; each is one row the person sees. */
export const ACT_KINDS = [
  "registration",
  "slip",
  "training_registration",
  "internship_application",
  "grant_application",
  "decision_received",
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** Staff roles that act for a person (docs/decisions/0104-acting-for-a-person.md). */
export const ACTING_ROLES = ["coach", "case_worker"] as const;

/** How a person received a grant decision, as staff record it (a letter read in person, or a call). */
export const DECISION_CHANNELS = ["in_person", "phone"] as const;
export type DecisionChannel = (typeof DECISION_CHANNELS)[number];

/**
 * Why staff correct or undo a decision's receipt they recorded for a person: a code on
 * the audit row, never free text (docs/decisions/0129-correct-decision-received.md).
 */
export const RECEIPT_CHANGE_REASONS = ["typing_error", "wrong_application", "not_received"] as const;
export type ReceiptChangeReason = (typeof RECEIPT_CHANGE_REASONS)[number];
