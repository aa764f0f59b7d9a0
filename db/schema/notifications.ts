import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { localeEnum, users } from "./auth";

export const outboxChannelEnum = pgEnum("outbox_channel", ["email", "sms"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/** In-app notifications: a message key and its parameters, translated when shown. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    params: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Every e-mail and SMS goes through this table first (transactional outbox):
 * a message is written in the same transaction as the change it reports.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    channel: outboxChannelEnum().notNull(),
    recipient: text().notNull(),
    subject: text(),
    body: text().notNull(),
    locale: localeEnum().notNull(),
    status: outboxStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("outbox_status_idx").on(t.status, t.createdAt),
    check("outbox_attempts_check", sql`${t.attempts} >= 0`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
