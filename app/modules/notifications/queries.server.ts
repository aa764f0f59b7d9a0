import { and, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client";
import { outbox, type OutboxState } from "~db/schema";

/** What people reading the outbox see: the preview (codes masked), never the body. */
const visible = {
  id: outbox.id,
  userId: outbox.userId,
  kind: outbox.kind,
  channel: outbox.channel,
  recipient: outbox.recipient,
  subject: outbox.subject,
  preview: outbox.preview,
  /** the language the message was written in: its recipient's */
  locale: outbox.locale,
  state: outbox.state,
  failReason: outbox.failReason,
  lastError: outbox.lastError,
  encoding: outbox.encoding,
  segments: outbox.segments,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  acceptedAt: outbox.acceptedAt,
  deliveredAt: outbox.deliveredAt,
};

export type VisibleMessage = Awaited<ReturnType<typeof listOutbox>>[number];

/** Admins: the latest messages, optionally of one state, and how many there are in each state. */
export async function listOutbox(db: Database, filter: { state?: OutboxState; limit?: number } = {}) {
  const where: SQL | undefined = filter.state ? eq(outbox.state, filter.state) : undefined;
  return db
    .select(visible)
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt))
    .limit(filter.limit ?? 100);
}

export async function countOutboxByState(db: Database) {
  return db.select({ state: outbox.state, n: count() }).from(outbox).groupBy(outbox.state).orderBy(outbox.state);
}

/** The messages a staff member's actions sent, for the page where they act (newest first). */
export async function messagesSentBy(
  db: Database,
  actorId: string,
  filter: { recipient?: string; userId?: string; userIds?: readonly string[]; kind?: string; limit?: number },
) {
  const conditions: SQL[] = [eq(outbox.actorId, actorId)];
  if (filter.recipient) conditions.push(eq(outbox.recipient, filter.recipient));
  if (filter.userId) conditions.push(eq(outbox.userId, filter.userId));
  if (filter.userIds) conditions.push(filter.userIds.length ? inArray(outbox.userId, [...filter.userIds]) : sql`false`);
  if (filter.kind) conditions.push(eq(outbox.kind, filter.kind));
  return db
    .select(visible)
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.createdAt))
    .limit(filter.limit ?? 20);
}

/** The newest message of some kinds to a person: the confirmation page shows where its code stands. */
export async function latestMessageTo(db: Database, userId: string, kinds: string[]) {
  const [row] = await db
    .select(visible)
    .from(outbox)
    .where(and(eq(outbox.userId, userId), inArray(outbox.kind, kinds)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * The newest message about a person's code: one of `to` sent to her, or one of `by` that
 * her request sent to someone else (a notice to the owner of a number she typed), so a
 * page can show where it stands without saying which of the two it was.
 */
export async function latestMessageToOrBy(db: Database, userId: string, kinds: { to: string[]; by: string[] }) {
  const [row] = await db
    .select(visible)
    .from(outbox)
    .where(
      or(
        and(eq(outbox.userId, userId), inArray(outbox.kind, kinds.to)),
        and(eq(outbox.actorId, userId), inArray(outbox.kind, kinds.by)),
      ),
    )
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return row ?? null;
}
