/**
 * The outbox worker's round: claim what is due (a short transaction), hand each message
 * to its gateway outside any transaction, then record what the gateway said.
 *
 * Never twice: a claim marks the row "sending" and commits before the gateway is called,
 * so another server skips it. If this process dies after the gateway accepted and before
 * the row says so, the claim's lease runs out and the message is sent again with the
 * same id, which the gateway uses to drop the duplicate (docs/modules/notifications.md).
 */
import { and, count, eq, gt, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { outbox, type OutboxMessage } from "~db/schema";
import { afterTemporaryFailure, DELIVERY, globalBudget, pickWithinLimits } from "./rules";
import type { SendOutcome, Transports } from "./transports.server";

/** Claims take turns under this advisory lock, so the rate limits count right across servers. */
const CLAIM_LOCK = 0x6d736173; // "msas"

export type DeliveryOptions = {
  now?: Date;
  batch?: number;
  /** SMS claimed per minute, across every server */
  smsPerMinute?: number;
  leaseMs?: number;
  concurrency?: number;
};

export type RoundResult = { claimed: number; accepted: number; retried: number; failed: number };

const settledBody = sql`${outbox.preview}`;

async function expireAndMarkUnconfigured(tx: Executor, transports: Transports, now: Date, stale: Date) {
  // too late to be useful: never sent late
  await tx
    .update(outbox)
    .set({ state: "expired", body: settledBody })
    .where(
      and(
        lte(outbox.expiresAt, now),
        or(
          inArray(outbox.state, ["queued", "not_configured"]),
          and(eq(outbox.state, "sending"), lt(outbox.claimedAt, stale)),
        ),
      ),
    );
  const missing = (["email", "sms"] as const).filter((channel) => !transports[channel]);
  if (missing.length) {
    await tx
      .update(outbox)
      .set({ state: "not_configured" })
      .where(and(eq(outbox.state, "queued"), inArray(outbox.channel, missing)));
  }
}

async function claim(db: Database, transports: Transports, now: Date, options: DeliveryOptions) {
  const leaseMs = options.leaseMs ?? DELIVERY.leaseMs;
  const batch = options.batch ?? DELIVERY.batch;
  const stale = new Date(now.getTime() - leaseMs);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
    await expireAndMarkUnconfigured(tx, transports, now, stale);
    const channels = (["email", "sms"] as const).filter((channel) => transports[channel]);
    if (channels.length === 0) return [];
    const due = await tx
      .select()
      .from(outbox)
      .where(
        and(
          inArray(outbox.channel, channels),
          or(
            and(inArray(outbox.state, ["queued", "not_configured"]), lte(outbox.nextAttemptAt, now)),
            and(eq(outbox.state, "sending"), lt(outbox.claimedAt, stale)),
          ),
        ),
      )
      .orderBy(outbox.priority, outbox.nextAttemptAt)
      .limit(batch * 3)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const minuteAgo = new Date(now.getTime() - 60_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.channel, "sms"), gt(outbox.claimedAt, minuteAgo)));
    const numbers = [...new Set(due.filter((m) => m.channel === "sms").map((m) => m.recipient))];
    const windowStart = new Date(now.getTime() - DELIVERY.perNumber.windowMs);
    const perNumber = numbers.length
      ? await tx
          .select({ recipient: outbox.recipient, n: count() })
          .from(outbox)
          .where(and(eq(outbox.channel, "sms"), inArray(outbox.recipient, numbers), gt(outbox.claimedAt, windowStart)))
          .groupBy(outbox.recipient)
      : [];
    const picked = pickWithinLimits(due, {
      globalLeft: globalBudget(options.smsPerMinute ?? 60, recent?.n ?? 0),
      perNumberMax: DELIVERY.perNumber.count,
      claimedPerNumber: new Map(perNumber.map((r) => [r.recipient, r.n])),
      batch,
    });
    if (picked.length === 0) return [];
    return tx
      .update(outbox)
      .set({ state: "sending", claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          picked.map((m) => m.id),
        ),
      )
      .returning();
  });
}

/** Record a gateway's answer, unless another worker took the message over in the meantime. */
async function settle(db: Database, message: OutboxMessage, outcome: SendOutcome, now: Date) {
  const mine = and(eq(outbox.id, message.id), eq(outbox.state, "sending"), eq(outbox.claimedAt, message.claimedAt!));
  if (outcome.status === "accepted") {
    // a delivery report may have come first (it moved the row on): keep its state, add what we know
    const reported = and(
      eq(outbox.id, message.id),
      eq(outbox.claimedAt, message.claimedAt!),
      or(eq(outbox.state, "delivered"), and(eq(outbox.state, "failed"), eq(outbox.failReason, "undeliverable"))),
    );
    await db
      .update(outbox)
      .set({
        state: sql`case when ${outbox.state} = 'sending' then 'accepted'::outbox_state else ${outbox.state} end`,
        acceptedAt: sql`coalesce(${outbox.acceptedAt}, ${now.toISOString()}::timestamptz)`,
        providerMessageId: outcome.providerMessageId ?? null,
        lastError: null,
        body: settledBody,
      })
      .where(or(mine, reported));
    return "accepted" as const;
  }
  if (outcome.status === "rejected") {
    await db
      .update(outbox)
      .set({ state: "failed", failReason: "rejected", lastError: outcome.error, body: settledBody })
      .where(mine);
    return "failed" as const;
  }
  const next = afterTemporaryFailure(message, now);
  if (next.state === "queued") {
    await db
      .update(outbox)
      .set({ state: "queued", nextAttemptAt: next.nextAttemptAt, lastError: outcome.error })
      .where(mine);
    return "retried" as const;
  }
  await db
    .update(outbox)
    .set({
      state: next.state,
      failReason: next.state === "failed" ? next.failReason : null,
      lastError: outcome.error,
      body: settledBody,
    })
    .where(mine);
  return "failed" as const;
}

async function send(message: OutboxMessage, transports: Transports): Promise<SendOutcome> {
  try {
    if (message.channel === "sms" && transports.sms) {
      return await transports.sms.send({ id: message.id, to: message.recipient, text: message.body });
    }
    if (message.channel === "email" && transports.email) {
      return await transports.email.send({
        id: message.id,
        to: message.recipient,
        subject: message.subject ?? "",
        text: message.body,
      });
    }
    return { status: "retry", error: "no transport" };
  } catch (error) {
    return { status: "retry", error: String(error).slice(0, 300) };
  }
}

/**
 * One round: claim, send (a few at a time), record. Several servers may run it at once.
 * Without a transport for a channel, its messages become "not_configured" and wait; they
 * go out once a transport exists, unless they have expired by then.
 */
export async function deliverOutbox(
  db: Database,
  transports: Transports,
  options: DeliveryOptions = {},
): Promise<RoundResult> {
  const now = options.now ?? new Date();
  const claimed = await claim(db, transports, now, options);
  const result: RoundResult = { claimed: claimed.length, accepted: 0, retried: 0, failed: 0 };
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      const outcome = await send(message, transports);
      const settled = await settle(db, message, outcome, options.now ?? new Date());
      result[settled] += 1;
    }
  });
  await Promise.all(workers);
  return result;
}
