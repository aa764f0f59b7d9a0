/**
 * Password recovery with a six-digit code, by SMS to the account's phone or by e-mail,
 * whichever the person typed. The answers are the same whether an account exists or not:
 * the throttle counts every identifier, a code goes only where an account is, and a
 * wrong code, a dead one and an unknown identifier give one and the same error.
 */
import { eq } from "drizzle-orm";
import type { Database } from "~db/client";
import { users, type User } from "~db/schema";
import type { FieldErrors } from "~/lib/forms";
import { fail, throttled, type Result } from "~/lib/result";
import type { Role } from "./roles";
import { audit, auditRecord } from "~/modules/audit/service.server";
import { checkCode, issueCode, spendCode, throttleCodeRequest } from "./codes.server";
import { hashPassword } from "./password.server";
import { byIdentifier } from "./queries.server";
import { canonicalSixDigits, parseIdentifier, throttleKey, type Identifier } from "./rules";
import { createSession, invalidateUserSessions } from "./session.server";

type Meta = { ip: string; now?: Date };

async function accountOf(db: Database, identifier: Identifier) {
  const [user] = await db.select().from(users).where(byIdentifier(identifier));
  return user?.isActive ? user : null;
}

/**
 * Ask for a recovery code. `sent` means only "if an account uses it, a code is on its
 * way": the page says exactly that, for every identifier.
 */
export async function requestPasswordReset(
  db: Database,
  input: { identifier: string },
  meta: Meta,
): Promise<Result<{ identifier: Identifier }>> {
  const now = meta.now ?? new Date();
  const identifier = parseIdentifier(input.identifier);
  if (!identifier) return fail(400, { identifier: "errors.identifier.invalid" });
  // a slip's identifier has nowhere to send a code: the office prints a new slip (said for every such identifier)
  if (identifier.kind === "login") return fail(400, { identifier: "errors.identifier.slip" });
  const target = identifier;
  return db.transaction(async (tx) => {
    const retryAt = await throttleCodeRequest(tx, throttleKey(input.identifier), meta.ip, now);
    if (retryAt) return throttled(retryAt);
    const [user] = await tx.select({ id: users.id, isActive: users.isActive }).from(users).where(byIdentifier(target));
    if (user?.isActive) {
      await issueCode(tx, {
        userId: user.id,
        purpose: "password_reset",
        channel: target.kind === "email" ? "email" : "sms",
        target: target.value,
        kind: "notify.resetCode",
        now,
      });
      await auditRecord(tx, null, "auth.reset_code_sent", ["user", user.id], meta.ip);
    }
    return { ok: true as const, identifier };
  });
}

/**
 * Choose a new password with the code: a recovery code sent to a phone or an e-mail, or
 * the set-up code printed on an office slip beside its sign-in identifier (taking over
 * an account staff made). The code is checked first and spent in the
 * transaction of the change, so the staff's longer password rule speaks only to a
 * person holding the right code. Every other session ends; a code that came by SMS to
 * the account's phone also proves that phone.
 */
export async function resetPasswordWithCode(
  db: Database,
  input: { identifier: string; code: string; password: string },
  meta: Meta,
  checkPolicy: (role: Role) => FieldErrors | null,
): Promise<Result<{ user: User; token: string; expiresAt: Date }>> {
  const now = meta.now ?? new Date();
  const invalid = fail(400, { code: "errors.reset.invalid" });
  const identifier = parseIdentifier(input.identifier);
  const code = canonicalSixDigits(input.code);
  if (!code) return fail(400, { code: "errors.code.format" });
  const user = identifier ? await accountOf(db, identifier) : null;
  if (!user || !identifier) return invalid;
  // a slip's identifier goes with the set-up code printed beside it, the others with a recovery code
  const slip = identifier.kind === "login";
  const purpose = slip ? "account_setup" : "password_reset";
  const checked = await checkCode(db, { userId: user.id, purpose, code, now, spend: false });
  if (!checked.ok || checked.target !== identifier.value) return invalid;
  const policy = checkPolicy(user.role);
  if (policy) return fail(400, policy);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (!(await spendCode(tx, checked.id, now))) return invalid;
    const provesPhone = checked.channel === "sms" && user.phone === checked.target && !user.phoneConfirmedAt;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, ...(provesPhone ? { phoneConfirmedAt: now } : {}) })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) return invalid;
    await invalidateUserSessions(tx, user.id);
    const actor = { id: user.id, role: user.role, organisationId: user.organisationId };
    const action = slip ? "auth.password_set_from_slip" : "auth.password_reset";
    await audit(tx, { actor, action, entityType: "user", entityId: user.id, ip: meta.ip });
    const session = await createSession(tx, updated, now);
    return { ok: true as const, user: updated, ...session };
  });
}
