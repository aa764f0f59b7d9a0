import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { OUTBOX_STATES } from "../../app/modules/notifications/constants";
import { localeEnum, users } from "./auth";
import { id, instant, stamp, ref } from "./columns";

export const outboxChannelEnum = pgEnum("outbox_channel", ["email", "sms"]);
/**
 * Where a message stands, honestly: nothing is "sent" until a gateway accepted it.
 * queued → sending → accepted → delivered | failed; not_configured while no transport
 * exists for the channel; expired when it would arrive too late to be useful.
 */
export const outboxStateEnum = pgEnum("outbox_state", OUTBOX_STATES);
export const smsEncodingEnum = pgEnum("sms_encoding", ["gsm7", "ucs2"]);

/**
 * In-app notifications: a message key and its parameters, translated when shown, in the
 * reader's language (a title kept in three languages is stored as `{ fr, ar, en }`).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    kind: text().notNull(),
    params: jsonb()
      .$type<Record<string, string | number | { fr: string; ar: string; en: string }>>()
      .notNull()
      .default({}),
    link: text(),
    readAt: instant(),
    createdAt: stamp(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Every e-mail and SMS goes through this table first (transactional outbox): a message
 * is written in the same transaction as the change it reports. Its id is the key a
 * gateway uses to drop a duplicate, so a message re-sent after a crash arrives once.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    userId: ref(() => users.id, { onDelete: "set null" }),
    /** the staff member whose action sent it, when one did (they see its state) */
    actorId: ref(() => users.id, { onDelete: "set null" }),
    /** the notification kind or template, for opt-out and the outbox page */
    kind: text(),
    channel: outboxChannelEnum().notNull(),
    recipient: text().notNull(),
    subject: text(),
    body: text().notNull(),
    /** what people reading the outbox see: the body with codes masked; the body once settled */
    preview: text().notNull(),
    locale: localeEnum().notNull(),
    /** 0 for codes, which go first; 1 for the rest */
    priority: smallint().notNull().default(1),
    encoding: smsEncodingEnum(),
    segments: smallint(),
    state: outboxStateEnum().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: stamp(),
    /** when a worker took it for sending; a claim older than the lease is taken again */
    claimedAt: instant(),
    /** past this, the message is no use (a code past its expiry): never sent late */
    expiresAt: instant().notNull(),
    /** why it failed: a message key's last part (rejected, undeliverable, gave_up) */
    failReason: text(),
    lastError: text(),
    providerMessageId: text(),
    createdAt: stamp(),
    acceptedAt: instant(),
    deliveredAt: instant(),
  },
  (t) => [
    index("outbox_due_idx")
      .on(t.priority, t.nextAttemptAt)
      .where(sql`${t.state} in ('queued', 'not_configured', 'sending')`),
    index("outbox_created_idx").on(t.createdAt),
    index("outbox_recipient_idx").on(t.recipient, t.claimedAt),
    index("outbox_actor_idx").on(t.actorId, t.createdAt),
    index("outbox_user_idx").on(t.userId, t.createdAt),
    check("outbox_attempts_check", sql`${t.attempts} >= 0`),
    check("outbox_sms_segments_check", sql`(${t.channel} = 'sms') = (${t.segments} is not null)`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type OutboxState = (typeof outboxStateEnum.enumValues)[number];
