import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { notifications, outbox, users } from "~db/schema";
import { serverT } from "~/i18n/dictionaries.server";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import type { EmailTransport, SmsTransport } from "./transports.server";

type Channel = "email" | "sms";

/**
 * Tell a user something: an in-app notification, and e-mail / SMS messages written
 * to the outbox in the user's language, inside the caller's transaction.
 */
export async function notify(
  db: Executor,
  input: {
    userId: string;
    kind: NotificationKind;
    params?: Record<string, string | number>;
    link?: string;
    channels?: Channel[];
    inApp?: boolean;
  },
) {
  const params = input.params ?? {};
  if (input.inApp !== false) {
    // secrets such as set-up codes never sit in the in-app list
    await db.insert(notifications).values({ userId: input.userId, kind: input.kind, params, link: input.link ?? null });
  }
  const channels = input.channels ?? [];
  if (channels.length === 0) return;
  const [user] = await db
    .select({ email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) return;
  const t = serverT(user.locale);
  const keys = NOTIFICATION_KINDS[input.kind];
  const rows: (typeof outbox.$inferInsert)[] = [];
  if (channels.includes("email") && user.email) {
    rows.push({
      userId: input.userId,
      channel: "email",
      recipient: user.email,
      subject: t(keys.subject, params),
      body: t(keys.body, params),
      locale: user.locale,
    });
  }
  // many applicants have no e-mail: a phone gets the SMS even when e-mail was also sent
  if (channels.includes("sms") && user.phone) {
    rows.push({
      userId: input.userId,
      channel: "sms",
      recipient: user.phone,
      body: t(keys.sms, params),
      locale: user.locale,
    });
  }
  if (rows.length) await db.insert(outbox).values(rows);
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

/**
 * Send what waits in the outbox. Rows are claimed with SKIP LOCKED, so several app
 * servers can run this at once without sending a message twice. E-mail waits in the
 * outbox (readable by admins) while no SMTP transport is configured.
 */
export async function deliverOutbox(
  db: Database,
  transports: { email: EmailTransport | null; sms: SmsTransport },
  batch = 20,
): Promise<number> {
  const channels: Channel[] = transports.email ? ["email", "sms"] : ["sms"];
  return db.transaction(async (tx) => {
    const claimed = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, "pending"), inArray(outbox.channel, channels), sql`${outbox.attempts} < 5`))
      .orderBy(outbox.createdAt)
      .limit(batch)
      .for("update", { skipLocked: true });
    for (const message of claimed) {
      try {
        if (message.channel === "email" && transports.email) {
          await transports.email.send({ to: message.recipient, subject: message.subject ?? "", text: message.body });
        } else {
          await transports.sms.send({ to: message.recipient, text: message.body });
        }
        await tx
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), attempts: message.attempts + 1 })
          .where(eq(outbox.id, message.id));
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx
          .update(outbox)
          .set({ attempts, status: attempts >= 5 ? "failed" : "pending", lastError: String(error).slice(0, 500) })
          .where(eq(outbox.id, message.id));
      }
    }
    return claimed.length;
  });
}
