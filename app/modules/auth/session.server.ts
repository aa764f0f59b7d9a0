/**
 * Sessions the Lucia way: the client holds a random token; the database holds only
 * its SHA-256, so a leaked sessions table opens no account.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, sql } from "drizzle-orm";
import { runPrepared, type Executor } from "~db/client";
import { notifications, sessions, users } from "~db/schema";
import type { Locale } from "~/i18n/config";
import { initialExpiry, isExpired, renewedExpiry } from "./rules";
import type { Role } from "./roles";

export type SessionUser = {
  id: string;
  role: Role;
  /**
   * The association the account acts for. A case worker's counts only once that
   * association's supervisor confirmed the account (caseAccessPending): until then it is
   * null, so every association-scoped read and write finds nothing.
   */
  organisationId: string | null;
  caseAccessPending: boolean;
  displayName: string;
  locale: Locale;
  email: string | null;
  phone: string | null;
  /** the account has a phone it has not confirmed (read with the session, for the home's notice) */
  phoneUnconfirmed: boolean;
};

/** A case worker whose association's supervisor has not confirmed the account (for that association). */
const caseAccessPendingSql = sql`(${users.role} = 'case_worker' and ${users.caseAccessOrganisationId} is distinct from ${users.organisationId})`;

/** `unread`: the user's unread notifications when the session was read (the header's badge). */
/**
 * `renewed`: this request moved the session's expiry (a sliding session), so the browser's
 * cookie, which carries the expiry it was given, must be sent again with the new one.
 */
export type AuthState = { user: SessionUser; sessionId: string; expiresAt: Date; renewed: boolean; unread: number };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Executor, user: { id: string; role: Role }, now = new Date()) {
  const token = generateSessionToken();
  const expiresAt = initialExpiry(user.role, now);
  await db
    .insert(sessions)
    .values({ id: hashToken(token), userId: user.id, createdAt: now, expiresAt, lastSeenAt: now });
  return { token, expiresAt };
}

/** The session check's statement, built once (`runPrepared`): it runs on every signed-in request. */
const sessionCheck = (db: Executor) =>
  db
    .select({
      session: { id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt },
      user: {
        id: users.id,
        role: users.role,
        organisationId: sql<
          string | null
        >`case when ${caseAccessPendingSql} then null else ${users.organisationId} end`,
        caseAccessPending: sql<boolean>`${caseAccessPendingSql}`,
        displayName: users.displayName,
        locale: users.locale,
        email: users.email,
        phone: users.phone,
        phoneUnconfirmed: sql<boolean>`(${users.phone} is not null and ${users.phoneConfirmedAt} is null)`,
        isActive: users.isActive,
      },
      unread: sql<number>`(select count(*)::int from ${notifications} where ${notifications.userId} = ${users.id} and ${notifications.readAt} is null)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("sessionId")));

/**
 * The user behind a token, with the role and status read fresh on every request:
 * a deactivation or a role change takes effect on the very next one. The same query
 * counts the unread notifications, so a page costs one round trip for both.
 */
export async function validateSessionToken(db: Executor, token: string, now = new Date()): Promise<AuthState | null> {
  const sessionId = hashToken(token);
  const [row] = await runPrepared(db, "session_check", sessionCheck, { sessionId });
  if (!row) return null;
  if (isExpired(row.session, now) || !row.user.isActive) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  let expiresAt = row.session.expiresAt;
  const renewed = renewedExpiry(row.user.role, row.session, now);
  if (renewed) {
    expiresAt = renewed;
    await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { isActive: _active, ...user } = row.user;
  return { user, sessionId, expiresAt, renewed: renewed !== null, unread: row.unread };
}

export async function invalidateSession(db: Executor, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// ---------------------------------------------------------------- cookie

export function sessionCookieName(secure: boolean) {
  // __Host- binds the cookie to this exact origin over HTTPS
  return secure ? "__Host-masar_session" : "masar_session";
}

function serializeCookie(
  name: string,
  value: string,
  life: { expiresAt: Date } | { maxAge: 0 },
  secure: boolean,
  path = "/",
): string {
  const parts = [`${name}=${value}`, `Path=${path}`, "HttpOnly", "SameSite=Lax"];
  parts.push("expiresAt" in life ? `Expires=${life.expiresAt.toUTCString()}` : "Max-Age=0");
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function serializeSessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serializeCookie(sessionCookieName(secure), token, { expiresAt }, secure);
}

export function serializeBlankSessionCookie(secure: boolean): string {
  return serializeCookie(sessionCookieName(secure), "", { maxAge: 0 }, secure);
}

/** A sign-up waiting for its code: the browser keeps its token, for the sign-up pages only. */
export const SIGN_UP_COOKIE = "masar_signup";

export function serializeSignUpCookie(token: string | null, expiresAt: Date, secure: boolean): string {
  return token
    ? serializeCookie(SIGN_UP_COOKIE, token, { expiresAt }, secure, "/signup")
    : serializeCookie(SIGN_UP_COOKIE, "", { maxAge: 0 }, secure, "/signup");
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}
