import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { outboxChannelEnum } from "./notifications";
import { id, instant, stamp, ref } from "./columns";

export const codePurposeEnum = pgEnum("code_purpose", ["phone_confirm", "password_reset", "account_setup"]);

/**
 * Six-digit codes sent by SMS or e-mail: confirming a phone (the account's or a new
 * one), recovering a password. Single use, short-lived, five tries: the tries are
 * counted by a conditional update, and the check keeps the count within the limit.
 */
export const verificationCodes = pgTable(
  "verification_codes",
  {
    id: id(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    purpose: codePurposeEnum().notNull(),
    /** null: handed over on paper (an office slip's set-up code) */
    channel: outboxChannelEnum(),
    /**
     * the phone (E.164) or e-mail the code went to: for a phone change, the new number;
     * for a slip, the sign-in identifier printed beside it
     */
    target: text().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: stamp(),
  },
  (t) => [
    index("verification_codes_user_idx").on(t.userId, t.purpose, t.createdAt),
    check("verification_codes_attempts_check", sql`${t.attempts} between 0 and 5`),
    // only a slip's code travels on paper (purpose compared as text: added in the same migration)
    check("verification_codes_channel_check", sql`(${t.channel} is null) = (${t.purpose}::text = 'account_setup')`),
  ],
);

/**
 * Requests for a code, also for identifiers that have no account (the answer never
 * says whether one exists), so the throttle is the same for everyone.
 */
export const codeRequests = pgTable(
  "code_requests",
  {
    id: id(),
    identifierKey: text().notNull(),
    ip: text().notNull(),
    requestedAt: stamp(),
  },
  (t) => [
    index("code_requests_identifier_idx").on(t.identifierKey, t.requestedAt),
    index("code_requests_ip_idx").on(t.ip, t.requestedAt),
  ],
);

export type VerificationCode = typeof verificationCodes.$inferSelect;
export type CodePurpose = (typeof codePurposeEnum.enumValues)[number];

export { cityEnum, languageEnum, sectorEnum } from "./code-lists";

export const codeFlagRecordEnum = pgEnum("code_flag_record", [
  "host",
  "offer",
  "training",
  "organisation",
  "shop",
  "case",
  "profile",
  "plan",
]);
export const codeFlagFieldEnum = pgEnum("code_flag_field", [
  "sector",
  "city",
  "languages",
  "delivery_languages",
  "nationality",
]);

/**
 * Free text that a field held before it became a code list and that the migration did
 * not recognise (decision 0100-staff-fields-as-codes.md; an organisation's town since
 * 0117-organisation-town-as-code.md, a shop's since 0130-shop-town-as-code.md): the field got "other" (or the
 * codes it did recognise), and the admin chooses the right code on /admin/codes. Never
 * silently dropped: the text typed stays here until an admin has chosen.
 */
export const codeFlags = pgTable(
  "code_flags",
  {
    id: id(),
    record: codeFlagRecordEnum().notNull(),
    recordId: uuid().notNull(),
    field: codeFlagFieldEnum().notNull(),
    original: text().notNull(),
    createdAt: stamp(),
    resolvedAt: instant(),
    resolvedById: ref(() => users.id),
  },
  (t) => [
    uniqueIndex("code_flags_field_key").on(t.record, t.recordId, t.field),
    index("code_flags_open_idx")
      .on(t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export type CodeFlag = typeof codeFlags.$inferSelect;
