import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { localeEnum, users } from "./auth";
import { id, instant, stamp, ref } from "./columns";
import { FEEDBACK_STATUSES } from "../../app/modules/feedback/constants";

/**
 * What a person sends from the footer's link: a complaint, a suggestion or thanks, or a
 * report of sexual exploitation or abuse, or of misconduct by staff. The last two are
 * confidential: only the focal point reads them (docs/modules/feedback.md).
 */
export const feedbackCategoryEnum = pgEnum("feedback_category", [
  "complaint",
  "suggestion",
  "thanks",
  "staff_misconduct",
  "sexual_exploitation_abuse",
]);
export const feedbackStatusEnum = pgEnum("feedback_status", FEEDBACK_STATUSES);
/** Only the web form exists; an SMS keyword or a phone line would write the same rows (README). */
export const feedbackChannelEnum = pgEnum("feedback_channel", ["web", "sms", "phone"]);

/** The longest message or answer, and name, in characters (app/modules/feedback/constants.ts says the same). */
const FEEDBACK_TEXT_MAX = 4000;
const FEEDBACK_NAME_MAX = 120;

/**
 * One message. Nothing ties it to an account or an address: a person signed in sends
 * it like anyone else, and follows it with its reference only.
 */
export const feedbackItems = pgTable(
  "feedback_items",
  {
    id: id(),
    /** 8 characters of the no-confusion alphabet (rules.ts), upper case, no dash */
    reference: text().notNull(),
    category: feedbackCategoryEnum().notNull(),
    /** read by the focal point only; set at filing for the two sensitive categories, or by an admin's referral */
    confidential: boolean().notNull(),
    channel: feedbackChannelEnum().notNull().default("web"),
    /** the language the person wrote in: the answer is written in it */
    locale: localeEnum().notNull(),
    message: text().notNull(),
    contactName: text(),
    /** E.164, only if the person wants to be called back */
    contactPhone: text(),
    status: feedbackStatusEnum().notNull().default("received"),
    receivedAt: stamp(),
    /** the answer is due by then (rules.ts: ANSWER_WITHIN_DAYS) */
    dueAt: instant().notNull(),
    assignedToId: ref(() => users.id),
    assignedAt: instant(),
    /** shown on the public follow page as typed */
    answer: text(),
    answeredAt: instant(),
    answeredById: ref(() => users.id),
    closedAt: instant(),
    closedById: ref(() => users.id),
    updatedAt: stamp(),
  },
  (t) => [
    uniqueIndex("feedback_items_reference_key").on(t.reference),
    index("feedback_items_queue_idx").on(t.confidential, t.status, t.receivedAt),
    index("feedback_items_assignee_idx").on(t.assignedToId, t.status),
    index("feedback_items_received_idx").on(t.receivedAt),
    check("feedback_items_reference_check", sql`${t.reference} ~ '^[2-9A-HJKMNP-TW-Z]{8}$'`),
    // confidential exactly when the category is one of the two: the sender's choice cannot be
    // undone, and an admin's referral gives the message one of the two categories
    check(
      "feedback_items_confidential_category_check",
      sql`${t.confidential} = (${t.category} in ('staff_misconduct', 'sexual_exploitation_abuse'))`,
    ),
    // the focal point handles confidential messages alone: they are never assigned
    check("feedback_items_unassigned_confidential_check", sql`not ${t.confidential} or ${t.assignedToId} is null`),
    check(
      "feedback_items_message_check",
      sql`char_length(${t.message}) between 1 and ${sql.raw(String(FEEDBACK_TEXT_MAX))}`,
    ),
    check(
      "feedback_items_answer_check",
      sql`char_length(${t.answer}) between 1 and ${sql.raw(String(FEEDBACK_TEXT_MAX))}`,
    ),
    check(
      "feedback_items_name_check",
      sql`char_length(${t.contactName}) between 1 and ${sql.raw(String(FEEDBACK_NAME_MAX))}`,
    ),
    check("feedback_items_phone_check", sql`${t.contactPhone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check("feedback_items_due_check", sql`${t.dueAt} > ${t.receivedAt}`),
    check("feedback_items_answered_check", sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    // closed means answered, and only closed has a closing time
    check(
      "feedback_items_closed_check",
      sql`(${t.status} = 'closed') = (${t.closedAt} is not null) and (${t.status} <> 'closed' or ${t.answer} is not null)`,
    ),
  ],
);

export const feedbackAttemptKindEnum = pgEnum("feedback_attempt_kind", ["submit", "lookup_failed"]);

/**
 * The throttle's counters: messages sent and references not found, per address (or per
 * account for a signed-in sender). Rows older than a day are deleted as new ones come,
 * so an address is never kept beside a message for long (a row holds no message id).
 */
export const feedbackAttempts = pgTable(
  "feedback_attempts",
  {
    id: id(),
    kind: feedbackAttemptKindEnum().notNull(),
    key: text().notNull(),
    at: stamp(),
  },
  (t) => [index("feedback_attempts_key_idx").on(t.kind, t.key, t.at), index("feedback_attempts_at_idx").on(t.at)],
);

export type FeedbackItem = typeof feedbackItems.$inferSelect;
export type NewFeedbackItem = typeof feedbackItems.$inferInsert;
export type FeedbackCategory = (typeof feedbackCategoryEnum.enumValues)[number];
export type FeedbackStatus = (typeof feedbackStatusEnum.enumValues)[number];
