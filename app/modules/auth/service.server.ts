import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Database, Executor } from "~db/client";
import { loginAttempts, passwordTokens, users, type User } from "~db/schema";
import type { Locale } from "~/i18n/config";
import type { FieldErrors } from "~/lib/forms";
import { audit, auditRecord } from "~/modules/audit/service.server";
import { byIdentifier } from "./queries.server";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password.server";
import { PASSWORD_TOKEN_TTL_MS, THROTTLE, accountLocked, parseIdentifier, throttleKey, throttledUntil } from "./rules";
import type { Role } from "./roles";
import { createSession, hashToken, invalidateUserSessions } from "./session.server";
import { fail, throttled, type Failure, type Meta as BaseMeta, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";

/** Sign-in and sign-up know the address and the language of the visitor. */
type Meta = BaseMeta & { ip: string; locale: Locale };

/**
 * Make an account (`write` inserts the users row): a phone or e-mail that already has
 * one is the field's error (400), as the unique indexes decide.
 */
export function unlessContactTaken<T>(write: () => Promise<T>): Promise<T | Failure> {
  return refuseDuplicate(
    () => refuseDuplicate(write, fail(400, { email: "errors.email.taken" }), "users_email_key"),
    fail(400, { phone: "errors.phone.taken" }),
    "users_phone_key",
  );
}

// ---------------------------------------------------------------- sign-in

/**
 * Per identifier, attempts take turns (an advisory lock in the transaction), so
 * concurrent guesses cannot slip past the limit (429, with when to try again); per
 * account too, so that the guesses made by its phone and by its e-mail count against one
 * limit. An unknown identifier, a wrong password, a deactivated account, one with no
 * password yet, and one locked by guesses made through its other identifiers all get the
 * same "invalid" (400): the answer never says that two identifiers belong to one account
 * (docs/decisions/0097-sign-in-counts-per-account.md).
 */
export async function signIn(
  db: Database,
  input: { identifier: string; password: string },
  meta: Meta,
): Promise<Result<{ user: User; token: string; expiresAt: Date }>> {
  const now = meta.now ?? new Date();
  const key = throttleKey(input.identifier);
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const lastSuccess = tx
      .select({ at: sql`max(${loginAttempts.attemptedAt})` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.identifierKey, key), eq(loginAttempts.succeeded, true)));
    const failures = await tx
      .select({ at: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.identifierKey, key),
          eq(loginAttempts.succeeded, false),
          gt(loginAttempts.attemptedAt, since),
          sql`${loginAttempts.attemptedAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
        ),
      )
      .orderBy(desc(loginAttempts.attemptedAt))
      .limit(THROTTLE.perIdentifier);
    // an office or a carrier's NAT signs many people in: only failures count per address
    const fromIp = await tx
      .select({ at: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(
        and(eq(loginAttempts.ip, meta.ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)),
      )
      .orderBy(desc(loginAttempts.attemptedAt))
      .limit(THROTTLE.perIp);
    const until = throttledUntil(
      failures.map((f) => f.at),
      fromIp.map((f) => f.at),
      now,
    );
    if (until) return throttled(until, { form: "errors.login.throttled" });

    const identifier = parseIdentifier(input.identifier);
    const [user] = identifier ? await tx.select().from(users).where(byIdentifier(identifier)) : [];
    const locked = user ? await accountFailuresLock(tx, user.id, since, now) : false;
    const checked = Boolean(user?.passwordHash && user.isActive && !locked);
    let valid = false;
    if (user?.passwordHash && checked) valid = await verifyPassword(user.passwordHash, input.password);
    else await burnPasswordCheck(input.password);

    await tx.insert(loginAttempts).values({
      identifierKey: key,
      ip: meta.ip,
      userId: checked && user ? user.id : null,
      succeeded: valid,
      attemptedAt: now,
    });
    if (!valid || !user) {
      await auditRecord(tx, null, "auth.sign_in_failed", ["user", user?.id ?? null], meta.ip);
      return fail(400, { form: "errors.login.invalid" });
    }
    const actor = { id: user.id, role: user.role, organisationId: user.organisationId };
    await audit(tx, { actor, action: "auth.sign_in", entityType: "user", entityId: user.id, ip: meta.ip });
    const session = await createSession(tx, user, now);
    return { ok: true as const, user, ...session };
  });
}

/**
 * Is the account locked by the failures checked against it since its last success?
 * Takes the account's turn first (after the identifier's: always in that order), so
 * guesses through its phone and its e-mail at once cannot both slip under the limit.
 */
async function accountFailuresLock(tx: Executor, userId: string, since: Date, now: Date): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`account:${userId}`}, 0))`);
  const lastSuccess = tx
    .select({ at: sql`max(${loginAttempts.attemptedAt})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.userId, userId), eq(loginAttempts.succeeded, true)));
  const failures = await tx
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.userId, userId),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, since),
        sql`${loginAttempts.attemptedAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(desc(loginAttempts.attemptedAt))
    .limit(THROTTLE.perAccount);
  return accountLocked(
    failures.map((f) => f.at),
    now,
  );
}

// ---------------------------------------------------------------- passwords

export async function changePassword(
  db: Database,
  actor: { id: string; role: Role; organisationId: string | null },
  input: { currentPassword: string; password: string },
  meta: Meta,
): Promise<Result<{ token: string; expiresAt: Date }>> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail(400, { currentPassword: "errors.password.wrongCurrent" });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.id));
    // every other device is signed out; this one gets a fresh session
    await invalidateUserSessions(tx, actor.id);
    await audit(tx, { actor, action: "auth.password_change", entityType: "user", entityId: actor.id, ip: meta.ip });
    const session = await createSession(tx, user);
    return { ok: true as const, ...session };
  });
}

/** A code of 16 base32 characters (80 bits), shown in groups of four. */
function newSetupCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes).match(/.{4}/g)!.join("-");
}

function canonicalCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, "");
}

/** Issue a one-time password set-up code; earlier unused codes stop working. */
export async function issuePasswordSetup(
  db: Executor,
  userId: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const code = newSetupCode();
  const expiresAt = new Date(now.getTime() + PASSWORD_TOKEN_TTL_MS);
  await db
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  await db.insert(passwordTokens).values({ userId, tokenHash: hashToken(canonicalCode(code)), expiresAt });
  return { code, expiresAt };
}

/** Spend a set-up code: the conditional update lets only one of two racing uses win. */
export async function setPasswordWithCode(
  db: Database,
  input: { code: string; password: string },
  meta: Meta,
  checkPolicy: (role: Role) => FieldErrors | null,
): Promise<Result<{ user: User; token: string; expiresAt: Date }>> {
  const now = meta.now ?? new Date();
  const tokenHash = hashToken(canonicalCode(input.code));
  const [pending] = await db
    .select({ userId: passwordTokens.userId, role: users.role })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)),
    );
  if (!pending) return fail(400, { code: "errors.code.invalid" });
  const policyErrors = checkPolicy(pending.role);
  if (policyErrors) return fail(400, policyErrors);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(
        and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)),
      )
      .returning({ userId: passwordTokens.userId });
    if (spent.length === 0) return fail(400, { code: "errors.code.invalid" });
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(and(eq(users.id, pending.userId), eq(users.isActive, true)))
      .returning();
    if (!user) return fail(400, { code: "errors.code.invalid" });
    await invalidateUserSessions(tx, user.id);
    const actor = { id: user.id, role: user.role, organisationId: user.organisationId };
    await audit(tx, { actor, action: "auth.password_set", entityType: "user", entityId: user.id, ip: meta.ip });
    const session = await createSession(tx, user, now);
    return { ok: true as const, user, ...session };
  });
}
