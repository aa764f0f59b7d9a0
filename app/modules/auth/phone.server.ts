/**
 * Proof of the phone: a six-digit code sent by SMS to the account's number (after
 * sign-up) or to a new one (a change of number). Until the code comes back, the number
 * is not confirmed, and a new number does not replace the old one.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { users } from "~db/schema";
import { fail, throttled, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import type { MessageKey } from "~/i18n/translate";
import { audit, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { latestMessageToOrBy } from "~/modules/notifications/queries.server";
import { checkCode, holdUnusableCode, issueCode, liveCode, throttleCodeRequest } from "./codes.server";
import { canonicalSixDigits, identifierKey, normalizePhone } from "./rules";

type Meta = { ip: string; now?: Date };
type Actor = NonNullable<AuditActor>;

/**
 * Ask for a code to a phone, under the throttle: per number (whichever account asks, in
 * whatever format it was typed: it is normalised first), per account (how many numbers
 * one account may try) and per address. A number that another account has gets no code:
 * its owner is told by SMS that someone tried to put it on another account, and the
 * person asking gets the same answer, page and tries as for a free number, with a code
 * no one receives (decision: change of number without enumeration). The outbox ids say
 * where the SMS stands.
 */
export async function sendPhoneCode(
  tx: Executor,
  actor: Actor,
  phone: string,
  meta: Meta,
): Promise<Result<{ outboxIds: string[] }>> {
  const now = meta.now ?? new Date();
  // the same count as password recovery to this number (identifierKey)
  const keys = [identifierKey({ kind: "phone", value: phone }), accountKey(actor.id)];
  const retryAt = await throttleCodeRequest(tx, keys, meta.ip, now);
  if (retryAt) return throttled(retryAt);
  const [owner] = await tx
    .select({ id: users.id, isActive: users.isActive })
    .from(users)
    .where(and(eq(users.phone, phone), ne(users.id, actor.id)));
  if (!owner) {
    const outboxIds = await issueCode(tx, {
      userId: actor.id,
      purpose: "phone_confirm",
      channel: "sms",
      target: phone,
      kind: "notify.phoneCode",
      now,
    });
    return { ok: true as const, outboxIds };
  }
  await holdUnusableCode(tx, { userId: actor.id, purpose: "phone_confirm", channel: "sms", target: phone, now });
  if (!owner.isActive) return { ok: true as const, outboxIds: [] };
  await auditRecord(tx, actor, "auth.phone_change_on_taken_number", ["user", owner.id], meta.ip);
  // sent by the asker's request: her confirmation page shows where it stands (never what it says)
  const outboxIds = await notify(tx, {
    userId: owner.id,
    kind: "notify.phoneChangeAttempt",
    link: "/account",
    channels: ["sms"],
    to: { phone },
    actorId: actor.id,
  });
  return { ok: true as const, outboxIds };
}

/** The throttle's count of the codes one account asks for, whatever the number. */
function accountKey(userId: string): string {
  return `account:${userId}`;
}

/** Where the person's phone stands: confirmed or not, a number waiting for its code, the last code's SMS. */
export async function phoneStatus(db: Database, userId: string, now = new Date()) {
  const [user] = await db
    .select({ phone: users.phone, confirmedAt: users.phoneConfirmedAt, smsOptOut: users.smsOptOut })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const live = await liveCode(db, userId, "phone_confirm", now);
  const message = await latestMessageToOrBy(db, userId, {
    to: ["notify.phoneCode"],
    by: ["notify.phoneChangeAttempt"],
  });
  return {
    phone: user.phone,
    confirmed: user.phone !== null && user.confirmedAt !== null,
    smsOptOut: user.smsOptOut,
    /** the number the live code went to: the account's, or a new one not yet confirmed */
    pending: live?.target ?? null,
    lastSms: message ? { state: message.state, failReason: message.failReason, createdAt: message.createdAt } : null,
  };
}

/**
 * A new code to the number waiting for one (a new number), else to the account's
 * unconfirmed phone. With neither there is nothing to send a code to (409): waiting
 * would not help, so it is not a 429.
 */
export async function resendPhoneCode(
  db: Database,
  actor: Actor,
  meta: Meta,
): Promise<Result<{ outboxIds: string[] }>> {
  const status = await phoneStatus(db, actor.id, meta.now);
  const target = status?.pending ?? (status && !status.confirmed ? status.phone : null);
  if (!target) return fail(409, {});
  return db.transaction((tx) => sendPhoneCode(tx, actor, target, meta));
}

/**
 * A change of number: the code goes to the new number, which replaces the old one once
 * confirmed. The answer is the same whether another account has the number or not.
 */
export async function requestPhoneChange(
  db: Database,
  actor: Actor,
  input: { phone: string },
  meta: Meta,
): Promise<Result> {
  const phone = normalizePhone(input.phone);
  if (!phone) return fail(400, { phone: "errors.phone.invalid" });
  const [me] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
  if (me?.phone === phone) return fail(400, { phone: "errors.phone.unchanged" });
  // a number another account has is answered like a free one (sendPhoneCode)
  const asked = await db.transaction(async (tx) => {
    const result = await sendPhoneCode(tx, actor, phone, meta);
    if (result.ok) {
      await auditRecord(tx, actor, "auth.phone_change_requested", ["user", actor.id], meta.ip);
    }
    return result;
  });
  if (!asked.ok) return asked;
  return { ok: true };
}

const CODE_ERRORS: Record<"wrong" | "dead", MessageKey> = { wrong: "errors.code.wrong", dead: "errors.code.dead" };

/**
 * Spend a code: the number it went to becomes the account's, confirmed. A number that
 * another account took meanwhile is refused (the unique index decides).
 */
export async function confirmPhone(
  db: Database,
  actor: Actor,
  input: { code: string },
  meta: Meta,
): Promise<Result<{ phone: string }>> {
  const now = meta.now ?? new Date();
  const code = canonicalSixDigits(input.code);
  if (!code) return fail(400, { code: "errors.code.format" });
  const checked = await checkCode(db, { userId: actor.id, purpose: "phone_confirm", code, now });
  if (!checked.ok) return fail(400, { code: CODE_ERRORS[checked.reason] });
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [before] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
        await tx
          .update(users)
          .set({ phone: checked.target, phoneConfirmedAt: now, updatedAt: now })
          .where(eq(users.id, actor.id));
        const action = before?.phone === checked.target ? "auth.phone_confirmed" : "auth.phone_changed";
        await audit(tx, { actor, action, entityType: "user", entityId: actor.id, ip: meta.ip });
        await notify(tx, { userId: actor.id, kind: "notify.phoneConfirmed", link: "/account", channels: ["sms"] });
        return { ok: true as const, phone: checked.target };
      }),
    fail(400, { code: "errors.phone.taken" }),
    "users_phone_key",
  );
}

/** Applying for a grant needs a confirmed phone, when the account has one. */
export async function phoneConfirmedOrAbsent(db: Executor, userId: string): Promise<boolean> {
  const [user] = await db
    .select({ phone: users.phone, confirmedAt: users.phoneConfirmedAt })
    .from(users)
    .where(eq(users.id, userId));
  return !user || user.phone === null || user.confirmedAt !== null;
}

/** SMS only for codes and decisions (the essential kinds), or for every piece of news. */
export async function setSmsOptOut(db: Database, actor: Actor, optOut: boolean, meta: Meta) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ smsOptOut: optOut, updatedAt: meta.now ?? new Date() })
      .where(eq(users.id, actor.id));
    await audit(tx, { actor, action: "auth.sms_preference", entityType: "user", entityId: actor.id, ip: meta.ip });
  });
}
