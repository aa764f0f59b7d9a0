import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, instant, stamp, ref } from "./columns";
import { cityEnum } from "./code-lists";
import { ROLES } from "../../app/modules/auth/roles";
import { LOCALES } from "../../app/i18n/config";
import { ORGANISATION_KINDS, type CaseAccessPendingReason } from "../../app/modules/auth/constants";

export const roleEnum = pgEnum("role", ROLES);
export const localeEnum = pgEnum("locale", LOCALES);
export const organisationKindEnum = pgEnum("organisation_kind", ORGANISATION_KINDS);

export const organisations = pgTable("organisations", {
  id: id(),
  name: text().notNull().unique(),
  kind: organisationKindEnum().notNull(),
  /** a code of the towns list; "other" for a town not listed (decision 0117-organisation-town-as-code.md) */
  city: cityEnum(),
  createdAt: stamp(),
});

/**
 * Partner shops of an association's voucher scheme. A shop lives beside the
 * organisations because its accounts (users of role `vendor`) point at it; the
 * vouchers it redeems point at it too (db/schema/aid.ts). Deactivated, it redeems nothing.
 */
export const shops = pgTable(
  "shops",
  {
    id: id(),
    /** the partner association whose vouchers the shop takes */
    organisationId: ref(() => organisations.id).notNull(),
    name: text().notNull(),
    /** a code of the towns list; "other" for a town not listed (decision 0130-shop-town-as-code.md) */
    city: cityEnum(),
    isActive: boolean().notNull().default(true),
    createdAt: stamp(),
  },
  (t) => [
    unique("shops_org_name_key").on(t.organisationId, t.name),
    // the target of the (shop, association) foreign keys of users and vouchers
    unique("shops_id_org_key").on(t.id, t.organisationId),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    /** lower-cased; null for the many applicants who have no e-mail */
    email: text(),
    /** E.164 */
    phone: text(),
    /**
     * The sign-in identifier printed on an office slip for people with no phone or
     * e-mail: 8 characters of an unambiguous alphabet (app/modules/office/rules.ts).
     */
    loginId: text(),
    /** when the person proved the phone with a code sent to it; null until then */
    phoneConfirmedAt: instant(),
    /** SMS only for codes and decisions */
    smsOptOut: boolean().notNull().default(false),
    /** null until a staff member sets their password from a one-time link */
    passwordHash: text(),
    displayName: text().notNull(),
    role: roleEnum().notNull(),
    organisationId: ref(() => organisations.id),
    /** vendors only: the shop the account works for (its association is organisationId) */
    shopId: uuid(),
    locale: localeEnum().notNull().default("fr"),
    isActive: boolean().notNull().default(true),
    /**
     * Case workers only: the association whose protection data the account may reach,
     * set when that association's supervisor confirms the account. While it differs from
     * `organisationId` (a new account, a move, a role change, a set-up code an admin
     * issued) the account reaches no protection data (docs/decisions: admins cannot grant
     * protection access).
     */
    caseAccessOrganisationId: ref(() => organisations.id),
    caseAccessConfirmedById: ref((): AnyPgColumn => users.id),
    caseAccessConfirmedAt: instant(),
    /** why the account waits for its supervisor: what an admin did, and when */
    caseAccessPendingReason: text().$type<CaseAccessPendingReason>(),
    caseAccessPendingSince: instant(),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_phone_key").on(t.phone),
    uniqueIndex("users_login_id_key").on(t.loginId),
    // an organisation's staff by role (the case file's list of case workers, the admin's lists):
    // staff only, not the applicants, who have no organisation (decision 0207)
    index("users_organisation_role_idx")
      .on(t.organisationId, t.role)
      .where(sql`${t.organisationId} is not null`),
    check("users_contact_check", sql`${t.email} is not null or ${t.phone} is not null or ${t.loginId} is not null`),
    check("users_login_id_check", sql`${t.loginId} ~ '^[ACDEFHJKMNPRTUVWXY3479]{8}$'`),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("users_phone_e164_check", sql`${t.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    // a case worker's reach is their association: they cannot exist without one
    check("users_case_worker_org_check", sql`${t.role} <> 'case_worker' or ${t.organisationId} is not null`),
    check("users_case_access_check", sql`${t.caseAccessOrganisationId} is null or ${t.role} = 'case_worker'`),
    check(
      "users_case_access_pending_check",
      sql`${t.caseAccessPendingReason} is null or ${t.caseAccessPendingReason} in ('new_account', 'role_change', 'new_code')`,
    ),
    // a vendor works for exactly one shop, of the association the account belongs to
    // (role compared as text: the value is added to the enum in the same migration)
    check("users_vendor_shop_check", sql`(${t.role}::text = 'vendor') = (${t.shopId} is not null)`),
    check("users_shop_org_check", sql`${t.shopId} is null or ${t.organisationId} is not null`),
    foreignKey({
      name: "users_shop_fk",
      columns: [t.shopId, t.organisationId],
      foreignColumns: [shops.id, shops.organisationId],
    }),
  ],
);

/**
 * A sign-up waiting for its code. No account exists until the code sent to the phone (or,
 * without a phone, the e-mail) comes back: a phone or e-mail belongs to an account only
 * once proved, and the form answers the same whether it already has one (then its owner
 * is told instead, and the code hash stays null: no code can finish this sign-up).
 * The browser holds a random token whose hash is `tokenHash`. Rows are deleted when used
 * or when a later sign-up sweeps the expired ones: they carry a password hash.
 * Why: docs/decisions/0102-sign-up-without-enumeration.md.
 */
export const pendingSignUps = pgTable(
  "pending_sign_ups",
  {
    id: id(),
    tokenHash: text().notNull().unique(),
    displayName: text().notNull(),
    /** E.164 */
    phone: text(),
    /** lower-cased */
    email: text(),
    passwordHash: text().notNull(),
    locale: localeEnum().notNull(),
    noticeVersion: text().notNull(),
    /** the code sent to the phone; null when the phone already belongs to an account */
    phoneCodeHash: text(),
    /** the code sent to the e-mail; null when it already belongs to an account */
    emailCodeHash: text(),
    /** the outbox message that went to the phone (the code, or the owner's notice): its state is shown */
    phoneMessageId: uuid(),
    attempts: integer().notNull().default(0),
    expiresAt: instant().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    check("pending_sign_ups_contact_check", sql`${t.email} is not null or ${t.phone} is not null`),
    check("pending_sign_ups_attempts_check", sql`${t.attempts} between 0 and 5`),
    index("pending_sign_ups_phone_idx").on(t.phone),
    index("pending_sign_ups_email_idx").on(t.email),
    index("pending_sign_ups_expires_idx").on(t.expiresAt),
  ],
);

/** Each acceptance of the data-protection notice, with what was shown. */
export const privacyAcceptances = pgTable(
  "privacy_acceptances",
  {
    id: id(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    noticeVersion: text().notNull(),
    locale: localeEnum().notNull(),
    acceptedAt: stamp(),
  },
  (t) => [index("privacy_acceptances_user_idx").on(t.userId)],
);

/** Lucia-style sessions: the id is the SHA-256 (hex) of the token the client holds. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    createdAt: stamp(),
    expiresAt: instant().notNull(),
    lastSeenAt: stamp(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** One-time codes that let a staff member set their own password. */
export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: id(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: stamp(),
  },
  (t) => [index("password_tokens_user_idx").on(t.userId)],
);

/** Sign-in attempts, kept in the database so every app server shares the throttle. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    identifierKey: text().notNull(),
    ip: text().notNull(),
    /**
     * The account whose password this attempt checked: every identifier of one account
     * (its phone, its e-mail) counts against the account's one limit. Null when nothing
     * was checked (no such account, or the account was already locked).
     */
    userId: ref(() => users.id, { onDelete: "cascade" }),
    succeeded: boolean().notNull(),
    attemptedAt: stamp(),
  },
  (t) => [
    index("login_attempts_identifier_idx").on(t.identifierKey, t.attemptedAt),
    index("login_attempts_ip_idx").on(t.ip, t.attemptedAt),
    index("login_attempts_user_idx").on(t.userId, t.attemptedAt),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type Shop = typeof shops.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type PendingSignUp = typeof pendingSignUps.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Locale = (typeof localeEnum.enumValues)[number];
export type OrganisationKind = (typeof organisationKindEnum.enumValues)[number];
