import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { notifications, outbox, users, type Locale } from "~db/schema";
import { serverT } from "~/i18n/dictionaries.server";
import type { MessageKey, TParams } from "~/i18n/translate";
import { kindSpec, type NotificationKind } from "./kinds";
import { clipForSms, DELIVERY, maskSecrets, paramsIn, smsSize, type NotifyParams } from "./rules";

type Channel = "email" | "sms";

type NewMessage = {
  userId: string | null;
  actorId?: string | null;
  kind: string;
  channel: Channel;
  recipient: string;
  subject?: string | null;
  body: string;
  locale: Locale;
  /** codes inside the body: masked in the preview, and the message is short-lived and first in line */
  secrets?: string[];
  ttlMs?: number;
  /** when it stops being worth sending, if not `ttlMs` from now (a reminder: when the appointment starts) */
  expiresAt?: Date;
  now?: Date;
};

/** One outbox row, with what the outbox page may show, its SMS size and its expiry. */
export function outboxRow(m: NewMessage): typeof outbox.$inferInsert {
  const now = m.now ?? new Date();
  const isCode = (m.secrets?.length ?? 0) > 0;
  const size = m.channel === "sms" ? smsSize(m.body) : null;
  return {
    userId: m.userId,
    actorId: m.actorId ?? null,
    kind: m.kind,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject ?? null,
    body: m.body,
    preview: maskSecrets(m.body, m.secrets ?? []),
    locale: m.locale,
    priority: isCode ? 0 : 1,
    encoding: size?.encoding ?? null,
    segments: size?.segments ?? null,
    nextAttemptAt: now,
    expiresAt: m.expiresAt ?? new Date(now.getTime() + (m.ttlMs ?? (isCode ? DELIVERY.codeTtlMs : DELIVERY.newsTtlMs))),
  };
}

/**
 * Tell a user something: an in-app notification, and e-mail / SMS messages written to
 * the outbox in the user's language, **inside the caller's transaction**, so a change and
 * its message commit together. Other modules call this for their events (see kinds.ts).
 * - SMS respect the person's opt-out, except for essential kinds (codes, decisions).
 * - Secrets (a code) never sit in the in-app list: pass `inApp: false`.
 * - `to` sends to another phone or e-mail than the account's (confirming a new number).
 * Returns the ids of the outbox messages written, for pages that show their state.
 */
export async function notify(
  db: Executor,
  input: {
    userId: string;
    kind: NotificationKind;
    params?: NotifyParams;
    link?: string;
    channels?: Channel[];
    inApp?: boolean;
    actorId?: string | null;
    to?: { phone?: string; email?: string };
    ttlMs?: number;
    expiresAt?: Date;
  },
): Promise<string[]> {
  const [user] = await db
    .select({ email: users.email, phone: users.phone, locale: users.locale, smsOptOut: users.smsOptOut })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) return [];
  const spec = kindSpec(input.kind);
  // e-mail and SMS are written now, in the recipient's language (never the sender's);
  // the in-app list keeps every language and shows the one its reader uses
  const params = paramsIn(input.params ?? {}, user.locale);
  if (input.inApp !== false) {
    await db
      .insert(notifications)
      .values({ userId: input.userId, kind: input.kind, params: input.params ?? {}, link: input.link ?? null });
  }
  const channels = input.channels ?? [];
  const t = serverT(user.locale);
  const secrets = spec.code && typeof params.code === "string" ? [params.code] : [];
  const common = {
    userId: input.userId,
    actorId: input.actorId,
    kind: input.kind,
    locale: user.locale,
    secrets,
    ttlMs: input.ttlMs,
    expiresAt: input.expiresAt,
  };
  const rows: (typeof outbox.$inferInsert)[] = [];
  const email = input.to ? input.to.email : user.email;
  if (channels.includes("email") && email) {
    const body = t(spec.body, params);
    rows.push(outboxRow({ ...common, channel: "email", recipient: email, subject: t(spec.subject, params), body }));
  }
  // many applicants have no e-mail: a phone gets the SMS even when e-mail was also sent
  const phone = input.to ? input.to.phone : user.phone;
  if (channels.includes("sms") && phone && (spec.essential || !user.smsOptOut)) {
    rows.push(outboxRow({ ...common, channel: "sms", recipient: phone, body: smsText(t, spec.sms, params, secrets) }));
  }
  if (rows.length === 0) return [];
  const written = await db.insert(outbox).values(rows).returning({ id: outbox.id });
  return written.map((r) => r.id);
}

/**
 * One SMS to a number that is not an account's (a protection case's phone), from a
 * fixed template, in the language given: no in-app notification, no opt-out (the
 * caller checked the person's consent). Inside the caller's transaction; returns the
 * outbox id, whose state the sender sees.
 */
export async function queueSms(
  db: Executor,
  input: {
    to: string;
    locale: Locale;
    kind: string;
    key: MessageKey;
    params?: Record<string, string | number>;
    actorId: string;
    ttlMs?: number;
  },
): Promise<string> {
  const body = smsText(serverT(input.locale), input.key, input.params ?? {});
  const row = outboxRow({
    userId: null,
    actorId: input.actorId,
    kind: input.kind,
    channel: "sms",
    recipient: input.to,
    body,
    locale: input.locale,
    ttlMs: input.ttlMs,
  });
  const [written] = await db.insert(outbox).values(row).returning({ id: outbox.id });
  if (!written) throw new Error("outbox row not written");
  return written.id;
}

/**
 * One message to a phone or e-mail that belongs to no account yet (the code of a sign-up
 * waiting for it), in the language given: no in-app notification. Inside the caller's
 * transaction; returns the outbox id.
 */
export async function queueToContact(
  db: Executor,
  input: {
    to: { phone: string } | { email: string };
    locale: Locale;
    kind: NotificationKind;
    params?: NotifyParams;
    ttlMs?: number;
  },
): Promise<string> {
  const spec = kindSpec(input.kind);
  const t = serverT(input.locale);
  const params = paramsIn(input.params ?? {}, input.locale);
  const secrets = spec.code && typeof params.code === "string" ? [params.code] : [];
  const common = { userId: null, kind: input.kind, locale: input.locale, secrets, ttlMs: input.ttlMs };
  const row =
    "phone" in input.to
      ? outboxRow({ ...common, channel: "sms", recipient: input.to.phone, body: smsText(t, spec.sms, params, secrets) })
      : outboxRow({
          ...common,
          channel: "email",
          recipient: input.to.email,
          subject: t(spec.subject, params),
          body: t(spec.body, params),
        });
  const [written] = await db.insert(outbox).values(row).returning({ id: outbox.id });
  if (!written) throw new Error("outbox row not written");
  return written.id;
}

/** An SMS text: titles and names clipped so the message stays within two segments. */
export function smsText(
  t: (key: MessageKey, params?: TParams) => string,
  key: MessageKey,
  params: Record<string, string | number>,
  secrets: readonly string[] = [],
): string {
  const clipped: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    clipped[name] = typeof value === "string" && !secrets.includes(value) ? clipForSms(value) : value;
  }
  return t(key, clipped);
}

export async function listNotifications(db: Database, userId: string, limit = 50) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(limit);
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markAllRead(db: Database, userId: string) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
