/**
 * Sign-up without telling who has an account (docs/decisions/0102-sign-up-without-enumeration.md).
 *
 * The form makes no account: it keeps what was typed as a sign-up waiting for its code,
 * and answers the same next step for every phone and e-mail ("we sent a code to …").
 * A phone or e-mail that no account has gets a six-digit code; one that an account has
 * gets nothing to type: its owner is told instead (an SMS or e-mail saying someone tried,
 * and how to recover the password), and no code can finish that sign-up. The account is
 * made when the code comes back, with the contact it proved. The same throttle as every
 * other code counts each sign-up, per phone/e-mail and per address, in the database.
 */
import { timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { outbox, pendingSignUps, privacyAcceptances, users, type PendingSignUp, type User } from "~db/schema";
import type { Locale } from "~/i18n/config";
import { fail, throttled, type Meta as BaseMeta, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { audit, auditRecord } from "~/modules/audit/service.server";
import { notify, queueToContact } from "~/modules/notifications/service.server";
import type { OutboxStateName } from "~/modules/notifications/constants";
import { hashCode, newSixDigits, throttleCodeRequest } from "./codes.server";
import { hashPassword } from "./password.server";
import { CODES, canonicalSixDigits, identifierKey, type Identifier } from "./rules";
import type { SignUpInput } from "./schemas.server";
import { PRIVACY_NOTICE_VERSION } from "./schemas.server";
import { createSession, generateSessionToken, hashToken } from "./session.server";

type Meta = BaseMeta & { ip: string; locale: Locale };

/** The contacts typed, the phone first: it is what most applicants have, and where the code goes first. */
function contactsOf(input: { phone: string | null; email: string | null }): Identifier[] {
  const contacts: Identifier[] = [];
  if (input.phone) contacts.push({ kind: "phone", value: input.phone });
  if (input.email) contacts.push({ kind: "email", value: input.email });
  return contacts;
}

/**
 * Take a sign-up: throttled per phone/e-mail and per address (429 with when to try
 * again); else a code to each contact no account has, a notice to the owner of each one
 * that an account has, and the token the browser keeps until the code comes back. The
 * same rows and messages are written either way.
 */
export async function startSignUp(
  db: Database,
  input: SignUpInput,
  meta: Meta,
): Promise<Result<{ token: string; expiresAt: Date }>> {
  const now = meta.now ?? new Date();
  const contacts = contactsOf(input);
  // hashed before the transaction: the throttle's locks are not held for argon2's time
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const retryAt = await throttleCodeRequest(tx, contacts.map(identifierKey), meta.ip, now);
    if (retryAt) return throttled(retryAt, { form: "errors.signup.throttled" });
    // rows that carry a password hash do not outlive their code; a new sign-up for a
    // contact replaces the earlier one, as a new code kills the earlier code
    await tx
      .delete(pendingSignUps)
      .where(
        or(
          lt(pendingSignUps.expiresAt, now),
          input.phone ? eq(pendingSignUps.phone, input.phone) : undefined,
          input.email ? eq(pendingSignUps.email, input.email) : undefined,
        ),
      );
    const token = generateSessionToken();
    const expiresAt = new Date(now.getTime() + CODES.ttlMs);
    const [pending] = await tx
      .insert(pendingSignUps)
      .values({
        tokenHash: hashToken(token),
        displayName: input.displayName,
        phone: input.phone,
        email: input.email,
        passwordHash,
        locale: meta.locale,
        noticeVersion: PRIVACY_NOTICE_VERSION,
        expiresAt,
        createdAt: now,
      })
      .returning({ id: pendingSignUps.id });
    if (!pending) throw new Error("insert returned no row");
    const sent: Pick<PendingSignUp, "phoneCodeHash" | "emailCodeHash" | "phoneMessageId"> = {
      phoneCodeHash: null,
      emailCodeHash: null,
      phoneMessageId: null,
    };
    for (const contact of contacts) {
      const messageId = await sendToContact(tx, pending.id, contact, meta, now, (hash) => {
        if (contact.kind === "phone") sent.phoneCodeHash = hash;
        else sent.emailCodeHash = hash;
      });
      if (contact.kind === "phone") sent.phoneMessageId = messageId;
    }
    await tx.update(pendingSignUps).set(sent).where(eq(pendingSignUps.id, pending.id));
    return { ok: true as const, token, expiresAt };
  });
}

/**
 * The code, or the owner's notice, to one contact. Returns the outbox id of the message;
 * `keep` receives the code's hash when a code went.
 */
async function sendToContact(
  tx: Executor,
  pendingId: string,
  contact: Identifier,
  meta: Meta,
  now: Date,
  keep: (codeHash: string) => void,
): Promise<string | null> {
  const [owner] = await tx
    .select({ id: users.id, isActive: users.isActive })
    .from(users)
    .where(contact.kind === "phone" ? eq(users.phone, contact.value) : eq(users.email, contact.value));
  const channel = contact.kind === "phone" ? "sms" : "email";
  const to = contact.kind === "phone" ? { phone: contact.value } : { email: contact.value };
  if (!owner) {
    const code = newSixDigits();
    keep(hashCode(pendingId, `sign_up_${contact.kind}`, code));
    return queueToContact(tx, { to, locale: meta.locale, kind: "notify.signUpCode", params: { code } });
  }
  if (!owner.isActive) return null;
  await auditRecord(tx, null, "auth.sign_up_on_taken_contact", ["user", owner.id], meta.ip);
  const [id] = await notify(tx, {
    userId: owner.id,
    kind: "notify.signUpAttempt",
    link: "/account",
    channels: [channel],
    to,
  });
  return id ?? null;
}

export type PendingSignUpView = {
  phone: string | null;
  email: string | null;
  sms: { state: OutboxStateName; failReason: string | null } | null;
};

/** What the code page shows of a live sign-up: where its messages went, and where the SMS stands. */
export async function pendingSignUp(db: Database, token: string, now = new Date()): Promise<PendingSignUpView | null> {
  const [row] = await db
    .select({
      phone: pendingSignUps.phone,
      email: pendingSignUps.email,
      state: outbox.state,
      failReason: outbox.failReason,
    })
    .from(pendingSignUps)
    .leftJoin(outbox, eq(outbox.id, pendingSignUps.phoneMessageId))
    .where(and(eq(pendingSignUps.tokenHash, hashToken(token)), gt(pendingSignUps.expiresAt, now)));
  if (!row) return null;
  return {
    phone: row.phone,
    email: row.email,
    sms: row.state ? { state: row.state, failReason: row.failReason } : null,
  };
}

function sameCode(expectedHash: string | null, pendingId: string, kind: Identifier["kind"], code: string): boolean {
  // a contact that an account has got no code: every code is wrong, after the same work
  const given = Buffer.from(hashCode(pendingId, `sign_up_${kind}`, code), "hex");
  const expected = Buffer.from(expectedHash ?? "0".repeat(64), "hex");
  return timingSafeEqual(expected, given) && expectedHash !== null;
}

/**
 * The code came back: make the account, with the contacts it proved (the phone confirmed
 * now), and sign it in. Each submission spends one of five tries, counted by a
 * conditional update; the sign-up is deleted in the transaction that makes the account,
 * so two racing right answers make one account.
 */
export async function finishSignUp(
  db: Database,
  token: string,
  input: { code: string; emailCode?: string },
  meta: BaseMeta & { ip: string },
): Promise<Result<{ user: User; token: string; expiresAt: Date }>> {
  const now = meta.now ?? new Date();
  const dead = fail(400, { code: "errors.code.dead" });
  const code = canonicalSixDigits(input.code);
  if (!code) return fail(400, { code: "errors.code.format" });
  const emailCodeTyped = (input.emailCode ?? "").trim() !== "";
  const emailCode = emailCodeTyped ? canonicalSixDigits(input.emailCode ?? "") : null;
  if (emailCodeTyped && !emailCode) return fail(400, { emailCode: "errors.code.format" });
  const tokenHash = hashToken(token);
  const [pending] = await db
    .update(pendingSignUps)
    .set({ attempts: sql`${pendingSignUps.attempts} + 1` })
    .where(
      and(
        eq(pendingSignUps.tokenHash, tokenHash),
        lt(pendingSignUps.attempts, CODES.maxTries),
        gt(pendingSignUps.expiresAt, now),
      ),
    )
    .returning();
  if (!pending) return dead;
  const wrong = fail(400, {
    code: pending.attempts >= CODES.maxTries ? "errors.code.dead" : "errors.code.wrong",
  });
  // the code field answers for the phone when there is one, else for the e-mail
  const first = pending.phone ? "phone" : "email";
  const firstRight = sameCode(
    first === "phone" ? pending.phoneCodeHash : pending.emailCodeHash,
    pending.id,
    first,
    code,
  );
  const emailRight =
    first === "phone" && pending.email && emailCode
      ? sameCode(pending.emailCodeHash, pending.id, "email", emailCode)
      : null;
  if (!firstRight) return wrong;
  if (emailRight === false) {
    return fail(400, { emailCode: pending.attempts >= CODES.maxTries ? "errors.code.dead" : "errors.code.wrong" });
  }
  const email = first === "email" || emailRight ? pending.email : null;
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const taken = await tx
          .delete(pendingSignUps)
          .where(eq(pendingSignUps.id, pending.id))
          .returning({ id: pendingSignUps.id });
        if (taken.length === 0) return dead;
        return makeAccount(tx, pending, email, meta.ip, now);
      }),
    // proved, but another account took the number or address in the ten minutes
    fail(400, { code: "errors.signup.takenMeanwhile" }),
    ["users_phone_key", "users_email_key"],
  );
}

/** The account of a sign-up whose code came back, signed in: inside the transaction that spent the sign-up. */
async function makeAccount(tx: Executor, pending: PendingSignUp, email: string | null, ip: string, now: Date) {
  const [user] = await tx
    .insert(users)
    .values({
      displayName: pending.displayName,
      phone: pending.phone,
      phoneConfirmedAt: pending.phone ? now : null,
      email,
      passwordHash: pending.passwordHash,
      role: "applicant",
      locale: pending.locale,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!user) throw new Error("insert returned no row");
  await tx
    .insert(privacyAcceptances)
    .values({ userId: user.id, noticeVersion: pending.noticeVersion, locale: pending.locale, acceptedAt: now });
  const actor = { id: user.id, role: user.role, organisationId: null };
  await audit(tx, { actor, action: "auth.sign_up", entityType: "user", entityId: user.id, ip });
  await notify(tx, { userId: user.id, kind: "notify.welcome", link: "/home", channels: ["email"] });
  const session = await createSession(tx, user, now);
  return { ok: true as const, user, ...session };
}
