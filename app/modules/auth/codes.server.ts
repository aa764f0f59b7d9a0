/**
 * Six-digit codes sent by SMS or e-mail (confirming a phone, recovering a password):
 * asked for under a throttle kept in the database, single use, ten minutes, five tries.
 * The tries are counted by a conditional update, so concurrent guesses cannot pass the
 * limit, and only one of two racing correct uses wins.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { codeRequests, verificationCodes, type CodePurpose } from "~db/schema";
import { notify } from "~/modules/notifications/service.server";
import { CODES, codeRequestRetryAt } from "./rules";

/** A code's hash, bound to whom it is for (an account, a sign-up waiting for it) and what it unlocks. */
export function hashCode(subjectId: string, purpose: string, code: string): string {
  return createHash("sha256").update(`${subjectId}:${purpose}:${code}`).digest("hex");
}

/** Six random digits. */
export function newSixDigits(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Count a request for a code (also for an identifier with no account) and say when the
 * next one may be made. A request may send to several identifiers at once (a sign-up
 * with a phone and an e-mail): it passes only if each of them may be sent to, and is then
 * counted for each. Requests for one identifier take turns under an advisory lock, and
 * so do requests from one address (taken last, the identifiers in sorted order, so two
 * requests never wait for each other in a circle): concurrent requests cannot pass
 * either limit.
 */
export async function throttleCodeRequest(
  tx: Executor,
  identifierKeys: string | readonly string[],
  ip: string,
  now: Date,
): Promise<Date | null> {
  const keys = [...new Set(typeof identifierKeys === "string" ? [identifierKeys] : identifierKeys)].sort();
  for (const key of keys) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`code:${key}`}, 0))`);
  }
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`code-ip:${ip}`}, 0))`);
  const since = new Date(now.getTime() - CODES.windowMs);
  const fromIp = await tx
    .select({ at: codeRequests.requestedAt })
    .from(codeRequests)
    .where(and(eq(codeRequests.ip, ip), gt(codeRequests.requestedAt, since)))
    .orderBy(desc(codeRequests.requestedAt))
    .limit(CODES.perIp);
  let retryAt: Date | null = null;
  for (const key of keys) {
    const mine = await tx
      .select({ at: codeRequests.requestedAt })
      .from(codeRequests)
      .where(and(eq(codeRequests.identifierKey, key), gt(codeRequests.requestedAt, since)));
    const at = codeRequestRetryAt(
      mine.map((r) => r.at),
      fromIp.map((r) => r.at),
      now,
    );
    if (at && (!retryAt || at > retryAt)) retryAt = at;
  }
  if (!retryAt) {
    await tx.insert(codeRequests).values(keys.map((identifierKey) => ({ identifierKey, ip, requestedAt: now })));
  }
  return retryAt;
}

/**
 * A new code for a person, sent through the outbox; earlier live codes of the same
 * purpose stop working. Returns the outbox ids of the message (a page shows its state).
 */
export async function issueCode(
  tx: Executor,
  input: {
    userId: string;
    purpose: CodePurpose;
    channel: "sms" | "email";
    target: string;
    kind: "notify.phoneCode" | "notify.resetCode";
    now: Date;
  },
): Promise<string[]> {
  const code = await storeCode(tx, { ...input, ttlMs: CODES.ttlMs });
  return notify(tx, {
    userId: input.userId,
    kind: input.kind,
    params: { code },
    channels: [input.channel],
    inApp: false,
    to: input.channel === "sms" ? { phone: input.target } : { email: input.target },
    ttlMs: CODES.ttlMs,
  });
}

/**
 * A code the person is told went out, which nobody receives and no six digits match: where
 * the answer must not say that the phone belongs to another account (a change of number to
 * a taken one), the page, the tries and the "wrong code" are those of a real code.
 */
export async function holdUnusableCode(
  tx: Executor,
  input: { userId: string; purpose: CodePurpose; channel: "sms" | "email"; target: string; now: Date },
): Promise<void> {
  await storeCode(tx, { ...input, ttlMs: CODES.ttlMs, code: randomBytes(16).toString("hex") });
}

/** A new six-digit code (or `code`), stored hashed; earlier live codes of the same purpose stop working. */
async function storeCode(
  tx: Executor,
  input: {
    userId: string;
    purpose: CodePurpose;
    channel: "sms" | "email" | null;
    target: string;
    now: Date;
    ttlMs: number;
    code?: string;
  },
): Promise<string> {
  const code = input.code ?? newSixDigits();
  await tx
    .update(verificationCodes)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(verificationCodes.userId, input.userId),
        eq(verificationCodes.purpose, input.purpose),
        isNull(verificationCodes.usedAt),
      ),
    );
  await tx.insert(verificationCodes).values({
    userId: input.userId,
    purpose: input.purpose,
    channel: input.channel,
    target: input.target,
    codeHash: hashCode(input.userId, input.purpose, code),
    expiresAt: new Date(input.now.getTime() + input.ttlMs),
    createdAt: input.now,
  });
  return code;
}

/**
 * A set-up code to print on an office slip beside the sign-in identifier: handed over on
 * paper, so nothing is sent; it lives `ttlMs`, once, five tries like the others.
 */
export async function issueSlipCode(
  tx: Executor,
  input: { userId: string; loginId: string; now: Date; ttlMs: number },
): Promise<{ code: string; expiresAt: Date }> {
  const code = await storeCode(tx, {
    userId: input.userId,
    purpose: "account_setup",
    channel: null,
    target: input.loginId,
    now: input.now,
    ttlMs: input.ttlMs,
  });
  return { code, expiresAt: new Date(input.now.getTime() + input.ttlMs) };
}

/**
 * The live code of a purpose (not used, not expired), if any; `usable` also leaves out a
 * code killed by its wrong tries.
 */
export async function liveCode(
  db: Executor,
  userId: string,
  purpose: CodePurpose,
  now: Date,
  { usable = false }: { usable?: boolean } = {},
) {
  const [row] = await db
    .select()
    .from(verificationCodes)
    .where(
      and(
        eq(verificationCodes.userId, userId),
        eq(verificationCodes.purpose, purpose),
        isNull(verificationCodes.usedAt),
        gt(verificationCodes.expiresAt, now),
        usable ? lt(verificationCodes.attempts, CODES.maxTries) : undefined,
      ),
    )
    .orderBy(desc(verificationCodes.createdAt))
    .limit(1);
  return row ?? null;
}

export type CodeCheck =
  | { ok: true; id: string; target: string; channel: "sms" | "email" | null }
  | { ok: false; reason: "wrong" | "dead"; triesLeft: number };

/**
 * Spend one try on the live code, then compare. A try is counted before the comparison
 * (`attempts < 5` in the update), so five wrong guesses kill the code, whatever runs in
 * parallel; a right code is then marked used by a second conditional update. With
 * `spend: false` a right code stays live for the caller to spend (`spendCode`) in the
 * transaction of what it unlocks.
 */
export async function checkCode(
  db: Database,
  input: { userId: string; purpose: CodePurpose; code: string; now: Date; spend?: boolean },
): Promise<CodeCheck> {
  const live = await liveCode(db, input.userId, input.purpose, input.now);
  if (!live) return { ok: false, reason: "dead", triesLeft: 0 };
  const [counted] = await db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(
      and(
        eq(verificationCodes.id, live.id),
        isNull(verificationCodes.usedAt),
        lt(verificationCodes.attempts, CODES.maxTries),
        gt(verificationCodes.expiresAt, input.now),
      ),
    )
    .returning({ attempts: verificationCodes.attempts });
  if (!counted) return { ok: false, reason: "dead", triesLeft: 0 };
  const expected = Buffer.from(live.codeHash, "hex");
  const given = Buffer.from(hashCode(input.userId, input.purpose, input.code), "hex");
  if (!timingSafeEqual(expected, given)) {
    const triesLeft = CODES.maxTries - counted.attempts;
    return { ok: false, reason: triesLeft > 0 ? "wrong" : "dead", triesLeft };
  }
  if (input.spend === false) return { ok: true, id: live.id, target: live.target, channel: live.channel };
  if (!(await spendCode(db, live.id, input.now))) return { ok: false, reason: "dead", triesLeft: 0 };
  return { ok: true, id: live.id, target: live.target, channel: live.channel };
}

/** Mark a code used; false when another use won the race (or it died meanwhile). */
export async function spendCode(db: Executor, id: string, now: Date): Promise<boolean> {
  const spent = await db
    .update(verificationCodes)
    .set({ usedAt: now })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.usedAt), gt(verificationCodes.expiresAt, now)))
    .returning({ id: verificationCodes.id });
  return spent.length > 0;
}
