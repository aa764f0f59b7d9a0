import { isCommonPassword } from "./common-passwords";
import { isStaff, type Role } from "./roles";

// ---------------------------------------------------------------- identifiers

/**
 * Normalise a phone number to E.164. Moroccan numbers are accepted in local form
 * (06…, 07…, 05…, with or without spaces, dots or dashes), with 00212 or +212;
 * numbers of other countries must carry their + prefix (or 00).
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()/]/g, "");
  if (!compact) return null;
  let digits: string;
  if (compact.startsWith("+")) digits = compact.slice(1);
  else if (compact.startsWith("00")) digits = compact.slice(2);
  else if (/^0[5-7]\d{8}$/.test(compact)) digits = `212${compact.slice(1)}`;
  else return null;
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith("212")) {
    // Moroccan: 212 + 9 digits, the national number without its leading 0; drop a doubled 0
    let national = digits.slice(3);
    if (national.length === 10 && national.startsWith("0")) national = national.slice(1);
    if (!/^[5-7]\d{8}$/.test(national)) return null;
    return `+212${national}`;
  }
  if (!/^[1-9]\d{6,14}$/.test(digits)) return null;
  return `+${digits}`;
}

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  // deliberately loose: the real check is whether mail arrives
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return null;
  return email;
}

/**
 * The sign-in identifier of an office slip, for people with no phone and no e-mail
 * (docs/decisions/0104-acting-for-a-person.md). No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, Q:
 * what is left cannot be misread on paper or misheard over the counter. The database's
 * check on users.login_id holds the same alphabet.
 */
export const LOGIN_ID_ALPHABET = "ACDEFHJKMNPRTUVWXY3479";
export const LOGIN_ID_LENGTH = 8;

/** A new identifier from random numbers (one per character, any non-negative integers). */
export function loginIdFrom(randoms: readonly number[]): string {
  if (randoms.length !== LOGIN_ID_LENGTH) throw new Error(`need ${LOGIN_ID_LENGTH} random numbers`);
  return randoms.map((r) => LOGIN_ID_ALPHABET[r % LOGIN_ID_ALPHABET.length]).join("");
}

/** As printed and shown: two groups of four, "K7MX-4PRA". */
export function formatLoginId(loginId: string): string {
  return `${loginId.slice(0, 4)}-${loginId.slice(4)}`;
}

/** What a person typed as a slip's identifier, as stored ("k7mx 4pra" → "K7MX4PRA"), or null. */
export function canonicalLoginId(input: string): string | null {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s.\-_]/g, "");
  if (compact.length !== LOGIN_ID_LENGTH) return null;
  for (const char of compact) if (!LOGIN_ID_ALPHABET.includes(char)) return null;
  return compact;
}

export type Identifier =
  { kind: "email"; value: string } | { kind: "phone"; value: string } | { kind: "login"; value: string };

/** What a person typed in the sign-in box: an e-mail if it has an @, else a phone, else a slip's identifier. */
export function parseIdentifier(input: string): Identifier | null {
  if (input.includes("@")) {
    const email = normalizeEmail(input);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(input);
  if (phone) return { kind: "phone", value: phone };
  const loginId = canonicalLoginId(input);
  return loginId ? { kind: "login", value: loginId } : null;
}

/**
 * The one key a phone number or an address is counted under, by every throttle: sign-in
 * tries, and codes asked for it (confirming a phone and recovering a password share it,
 * so one cannot be used to get round the other's limit).
 */
export function identifierKey(identifier: Identifier): string {
  return `${identifier.kind}:${identifier.value}`;
}

/** The key the throttle counts under: the normalised identifier, or the folded raw text. */
export function throttleKey(input: string): string {
  const parsed = parseIdentifier(input);
  return parsed ? identifierKey(parsed) : `raw:${input.trim().toLowerCase().slice(0, 200)}`;
}

// ---------------------------------------------------------------- passwords

export const PASSWORD_MAX_LENGTH = 256;

export function minPasswordLength(role: Role): number {
  return isStaff(role) ? 12 : 8;
}

export type PasswordProblem = "tooShort" | "tooLong" | "common";

/** Length rules per role, long passphrases allowed, the most common passwords refused. */
export function checkPassword(password: string, role: Role): PasswordProblem | null {
  if ([...password].length < minPasswordLength(role)) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  if (isCommonPassword(password)) return "common";
  return null;
}

// ---------------------------------------------------------------- sessions

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SessionPolicy = { idleMs: number; absoluteMs: number | null };

/** Applicants: 30 days, renewed as they come back. Staff: 30 minutes idle, 12 hours at most. */
export function sessionPolicy(role: Role): SessionPolicy {
  return isStaff(role) ? { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR } : { idleMs: 30 * DAY, absoluteMs: null };
}

export function initialExpiry(role: Role, now: Date): Date {
  const { idleMs, absoluteMs } = sessionPolicy(role);
  return new Date(now.getTime() + (absoluteMs === null ? idleMs : Math.min(idleMs, absoluteMs)));
}

/**
 * Sliding renewal: the new expiry after activity at `now`, or null when the stored
 * one is still fresh enough that writing it again is not worth a database round trip.
 */
export function renewedExpiry(role: Role, session: { createdAt: Date; expiresAt: Date }, now: Date): Date | null {
  const { idleMs, absoluteMs } = sessionPolicy(role);
  let next = now.getTime() + idleMs;
  if (absoluteMs !== null) next = Math.min(next, session.createdAt.getTime() + absoluteMs);
  const current = session.expiresAt.getTime();
  // renew when at least a minute (staff) or a day (applicants) would be gained
  const worthIt = isStaff(role) ? MINUTE : DAY;
  return next - current >= worthIt ? new Date(next) : null;
}

export function isExpired(session: { expiresAt: Date }, now: Date): boolean {
  return session.expiresAt.getTime() <= now.getTime();
}

// ---------------------------------------------------------------- throttling

export const THROTTLE = {
  windowMs: 15 * MINUTE,
  /** failures for one identifier before it is locked for the rest of the window */
  perIdentifier: 5,
  /** failures for one account, whichever of its identifiers (phone, e-mail) they came by */
  perAccount: 5,
  /** failures from one address: generous, as many applicants share an office or a carrier's NAT */
  perIp: 100,
} as const;

/**
 * Given the times of recent failures for the identifier and from the address,
 * return when the next attempt may be made, or null if it may be made now.
 */
export function throttledUntil(identifierFailures: Date[], ipFailures: Date[], now: Date): Date | null {
  const since = now.getTime() - THROTTLE.windowMs;
  const recent = (list: Date[]) =>
    list
      .map((d) => d.getTime())
      .filter((t) => t > since)
      .sort((a, b) => a - b);
  const failures = recent(identifierFailures);
  const attempts = recent(ipFailures);
  let until = 0;
  if (failures.length >= THROTTLE.perIdentifier) {
    // free again when enough of the oldest failures have left the window
    const pivot = failures[failures.length - THROTTLE.perIdentifier] ?? now.getTime();
    until = Math.max(until, pivot + THROTTLE.windowMs);
  }
  if (attempts.length >= THROTTLE.perIp) {
    const pivot = attempts[attempts.length - THROTTLE.perIp] ?? now.getTime();
    until = Math.max(until, pivot + THROTTLE.windowMs);
  }
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * Is an account locked by the failures checked against it (by any of its identifiers)
 * since its last success? A locked account's password is not checked at all.
 */
export function accountLocked(accountFailures: Date[], now: Date): boolean {
  const since = now.getTime() - THROTTLE.windowMs;
  return accountFailures.filter((d) => d.getTime() > since).length >= THROTTLE.perAccount;
}

// ---------------------------------------------------------------- password set-up codes

export const PASSWORD_TOKEN_TTL_MS = 72 * HOUR;

// ---------------------------------------------------------------- six-digit codes (SMS, e-mail)

export const CODES = {
  ttlMs: 10 * MINUTE,
  /** wrong tries before a code is dead (the database's check holds the same number) */
  maxTries: 5,
  windowMs: 15 * MINUTE,
  /** codes asked for one identifier in the window */
  perIdentifier: 3,
  /** codes asked from one address in the window: an office or a carrier's NAT is shared */
  perIp: 30,
  /** at least this long between two codes for one identifier */
  resendAfterMs: MINUTE,
} as const;

/**
 * When the next code may be asked for, given the times of earlier requests for the
 * identifier and from the address, or null if now. The same rule for identifiers that
 * have an account and those that do not, so the answer says nothing about accounts.
 */
export function codeRequestRetryAt(identifierTimes: Date[], ipTimes: Date[], now: Date): Date | null {
  const since = now.getTime() - CODES.windowMs;
  const recent = (list: Date[]) =>
    list
      .map((d) => d.getTime())
      .filter((t) => t > since)
      .sort((a, b) => a - b);
  const mine = recent(identifierTimes);
  const fromIp = recent(ipTimes);
  let until = 0;
  const last = mine[mine.length - 1];
  if (last !== undefined) until = Math.max(until, last + CODES.resendAfterMs);
  if (mine.length >= CODES.perIdentifier) {
    until = Math.max(until, (mine[mine.length - CODES.perIdentifier] ?? 0) + CODES.windowMs);
  }
  if (fromIp.length >= CODES.perIp)
    until = Math.max(until, (fromIp[fromIp.length - CODES.perIp] ?? 0) + CODES.windowMs);
  return until > now.getTime() ? new Date(until) : null;
}

/** What a person typed as a six-digit code: spaces and dashes dropped, Arabic-Indic digits read; null if not six digits. */
export function canonicalSixDigits(input: string): string | null {
  const digits = input
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

// ---------------------------------------------------------------- protection access

/**
 * Does an admin's change put a case-worker account in (another) association? Then the
 * account waits for that association's supervisor before it reaches any protection data:
 * an admin never grants it alone (a role change to case worker, or a move).
 */
export function grantsCaseAccess(
  before: { role: Role; organisationId: string | null },
  after: { role: Role; organisationId: string | null },
): boolean {
  return (
    after.role === "case_worker" && (before.role !== "case_worker" || before.organisationId !== after.organisationId)
  );
}
