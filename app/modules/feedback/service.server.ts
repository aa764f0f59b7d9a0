/**
 * Complaints and feedback: the writes. Sending (anyone, under a throttle kept in the
 * database), following with a reference (guesses throttled), and the handling of a
 * message by the one who may read it: assign, answer, close, refer to the focal point.
 * Every change of a handled message is a conditional update, so two people acting at
 * once cannot both win, and an audit row in the same transaction.
 */
import { randomInt } from "node:crypto";
import { and, eq, gt, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { feedbackAttempts, feedbackItems, users, type Locale } from "~db/schema";
import { fail, throttled, type Failure, type Meta, type Result } from "~/lib/result";
import type { MessageKey } from "~/i18n/translate";
import { audit } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import type { FeedbackCategory } from "./constants";
import { visibleTo } from "./queries.server";
import {
  ASSIGNEE_ROLES,
  FEEDBACK_THROTTLE,
  canonicalReference,
  dueAt,
  isConfidential,
  newReference,
  publicView,
  retryAt,
} from "./rules";
import type { AnswerInput, SendFeedbackInput } from "./schemas.server";

type AttemptKind = "submit" | "lookup_failed";

/** Take turns per key, forget old rows, and say when the next try may be made (null: now). */
async function throttle(
  tx: Executor,
  kind: AttemptKind,
  key: string,
  rule: { limit: number; windowMs: number },
  now: Date,
): Promise<Date | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`feedback:${kind}:${key}`}, 0))`);
  await tx.delete(feedbackAttempts).where(lt(feedbackAttempts.at, new Date(now.getTime() - FEEDBACK_THROTTLE.keepMs)));
  const recent = await tx
    .select({ at: feedbackAttempts.at })
    .from(feedbackAttempts)
    .where(
      and(
        eq(feedbackAttempts.kind, kind),
        eq(feedbackAttempts.key, key),
        gt(feedbackAttempts.at, new Date(now.getTime() - rule.windowMs)),
      ),
    );
  return retryAt(
    recent.map((r) => r.at),
    rule,
    now,
  );
}

export type Sender = { userId: string | null; ip: string };

/**
 * Record a message and give its reference. The sender is counted by account when signed
 * in, by address otherwise; neither is written on the message. No audit row either: it
 * would tie an account or an address to a message that may be anonymous.
 */
export async function sendFeedback(
  db: Database,
  input: SendFeedbackInput & { locale: Locale },
  sender: Sender,
  meta: Meta = {},
): Promise<Result<{ reference: string; confidential: boolean }>> {
  const now = meta.now ?? new Date();
  const key = sender.userId ? `user:${sender.userId}` : `ip:${sender.ip}`;
  return db.transaction(async (tx) => {
    const wait = await throttle(tx, "submit", key, FEEDBACK_THROTTLE.submit, now);
    if (wait) return throttled(wait, { form: "feedback.errors.throttled" });
    await tx.insert(feedbackAttempts).values({ kind: "submit", key, at: now });
    const confidential = isConfidential(input.category);
    // 5 × 10¹¹ references: a collision is rare, and the unique index settles it
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference(randomInt);
      const [created] = await tx
        .insert(feedbackItems)
        .values({
          reference,
          category: input.category,
          confidential,
          locale: input.locale,
          message: input.message,
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? null,
          receivedAt: now,
          dueAt: dueAt(now),
          updatedAt: now,
        })
        .onConflictDoNothing({ target: feedbackItems.reference })
        .returning({ id: feedbackItems.id });
      if (created) return { ok: true as const, reference, confidential };
    }
    throw new Error("no free reference after 5 draws");
  });
}

/**
 * The follow page's lookup. Only references not found (404) are counted against the
 * address, under a lock, so parallel guesses cannot pass the limit (429); a person
 * checking their own reference again and again is never stopped. What cannot be a
 * reference is a 400, not counted.
 */
export async function followFeedback(
  db: Database,
  typed: string,
  ip: string,
  meta: Meta = {},
): Promise<Result<{ view: ReturnType<typeof publicView> }>> {
  const now = meta.now ?? new Date();
  const key = `ip:${ip}`;
  return db.transaction(async (tx) => {
    const wait = await throttle(tx, "lookup_failed", key, FEEDBACK_THROTTLE.lookup, now);
    if (wait) return throttled(wait, { form: "feedback.errors.lookupThrottled" });
    const reference = canonicalReference(typed);
    if (!reference) return fail(400, { form: "feedback.errors.reference" });
    const [item] = await tx
      .select({ status: feedbackItems.status, answer: feedbackItems.answer, answeredAt: feedbackItems.answeredAt })
      .from(feedbackItems)
      .where(eq(feedbackItems.reference, reference));
    if (item) return { ok: true as const, view: publicView(item) };
    await tx.insert(feedbackAttempts).values({ kind: "lookup_failed", key, at: now });
    return fail(404, { form: "feedback.errors.unknownReference" });
  });
}

// ---------------------------------------------------------------- handling

const open = ne(feedbackItems.status, "closed");

/** Why a conditional update changed nothing: out of reach (404), closed (409), or `stillOpen`. */
async function whyNot(db: Executor, actor: Actor, feedbackId: string, stillOpen: MessageKey): Promise<Failure> {
  const [item] = await db
    .select({ status: feedbackItems.status })
    .from(feedbackItems)
    .where(and(eq(feedbackItems.id, feedbackId), visibleTo(actor)));
  if (!item) return fail(404, { form: "feedback.errors.notFound" });
  if (item.status === "closed") return fail(409, { form: "feedback.errors.closed" });
  return fail(409, { form: stillOpen });
}

async function recorded(tx: Executor, actor: Actor, action: string, feedbackId: string, meta: Meta) {
  await audit(tx, { actor, action, entityType: "feedback_item", entityId: feedbackId, ip: meta.ip });
}

/** An admin hands an ordinary message to a staff member (admin, coach or case worker). */
export async function assignFeedback(
  db: Database,
  actor: Actor,
  feedbackId: string,
  assigneeId: string,
  meta: Meta = {},
): Promise<Result> {
  if (actor.role !== "admin") return fail(403, { form: "feedback.errors.notAllowed" });
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [assignee] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, assigneeId), eq(users.isActive, true), inArray(users.role, [...ASSIGNEE_ROLES])));
    if (!assignee) return fail(400, { assigneeId: "feedback.errors.assignee" });
    const [updated] = await tx
      .update(feedbackItems)
      .set({
        assignedToId: assignee.id,
        assignedAt: now,
        status: sql`case when ${feedbackItems.status} = 'received' then 'in_progress'::feedback_status else ${feedbackItems.status} end`,
        updatedAt: now,
      })
      .where(and(eq(feedbackItems.id, feedbackId), eq(feedbackItems.confidential, false), open))
      .returning({ id: feedbackItems.id });
    if (!updated) return whyNot(tx, actor, feedbackId, "feedback.errors.notFound");
    await recorded(tx, actor, "feedback.assign", feedbackId, meta);
    return { ok: true as const };
  });
}

/** The answer the person reads on the follow page, as typed; it may be rewritten until the message is closed. */
export async function answerFeedback(
  db: Database,
  actor: Actor,
  feedbackId: string,
  input: AnswerInput,
  meta: Meta = {},
): Promise<Result> {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(feedbackItems)
      .set({
        answer: input.answer,
        answeredAt: now,
        answeredById: actor.id,
        status: sql`case when ${feedbackItems.status} = 'received' then 'in_progress'::feedback_status else ${feedbackItems.status} end`,
        updatedAt: now,
      })
      .where(and(eq(feedbackItems.id, feedbackId), visibleTo(actor), open))
      .returning({ id: feedbackItems.id });
    if (!updated) return whyNot(tx, actor, feedbackId, "feedback.errors.notFound");
    await recorded(tx, actor, "feedback.answer", feedbackId, meta);
    return { ok: true as const };
  });
}

/** Closing needs an answer: the person always reads one. */
export async function closeFeedback(db: Database, actor: Actor, feedbackId: string, meta: Meta = {}): Promise<Result> {
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(feedbackItems)
      .set({ status: "closed", closedAt: now, closedById: actor.id, updatedAt: now })
      .where(and(eq(feedbackItems.id, feedbackId), visibleTo(actor), open, isNotNull(feedbackItems.answer)))
      .returning({ id: feedbackItems.id });
    if (!updated) return whyNot(tx, actor, feedbackId, "feedback.errors.answerFirst");
    await recorded(tx, actor, "feedback.close", feedbackId, meta);
    return { ok: true as const };
  });
}

/**
 * An admin who reads abuse or misconduct in an ordinary complaint hands it to the focal
 * point: it takes the category the admin names, leaves its assignee, and the admin no
 * longer sees it.
 */
export async function referFeedback(
  db: Database,
  actor: Actor,
  feedbackId: string,
  category: Extract<FeedbackCategory, "sexual_exploitation_abuse" | "staff_misconduct">,
  meta: Meta = {},
): Promise<Result> {
  if (actor.role !== "admin") return fail(403, { form: "feedback.errors.notAllowed" });
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(feedbackItems)
      .set({ category, confidential: true, assignedToId: null, assignedAt: null, updatedAt: now })
      .where(and(eq(feedbackItems.id, feedbackId), eq(feedbackItems.confidential, false), open))
      .returning({ id: feedbackItems.id });
    if (!updated) return whyNot(tx, actor, feedbackId, "feedback.errors.notFound");
    await recorded(tx, actor, "feedback.refer", feedbackId, meta);
    return { ok: true as const };
  });
}

/** Opening a message is recorded, as opening a case file is: whoever oversees the focal point sees who looked, when. */
export async function recordView(db: Executor, actor: Actor, feedbackId: string, meta: Meta = {}) {
  await recorded(db, actor, "feedback.view", feedbackId, meta);
}
