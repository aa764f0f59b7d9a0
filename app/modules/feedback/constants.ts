/** Values both the forms (browser) and the server need; no zod here. The database's enums and checks hold the same. */

/** What a person may send; the order is the form's. */
export const FEEDBACK_CATEGORIES = [
  "complaint",
  "suggestion",
  "thanks",
  "sexual_exploitation_abuse",
  "staff_misconduct",
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/** Read by the focal point alone, from the moment they are sent. */
export const CONFIDENTIAL_CATEGORIES = [
  "sexual_exploitation_abuse",
  "staff_misconduct",
] as const satisfies readonly FeedbackCategory[];

export const FEEDBACK_STATUSES = ["received", "in_progress", "closed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Characters of a message or an answer, and of a name (feedback_items' checks). */
export const FEEDBACK_TEXT_MAX = 4000;
export const FEEDBACK_NAME_MAX = 120;

/** A posted form larger than this is refused before it is read: the fields above, several times over. */
export const FEEDBACK_BODY_MAX_BYTES = 64 * 1024;
