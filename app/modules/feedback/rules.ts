/**
 * Complaints and feedback: the rules, pure. References, the deadline, the throttle,
 * who reads and acts on which message, what the public follow page shows, and the
 * dashboard's counts.
 */
import { addDays, daysBetween, endOfMoroccoDay, moroccoToday } from "~/lib/morocco-time";
import type { Role } from "~/modules/auth/roles";
import { SUPPRESSED, type Shown } from "~/modules/reporting/rules";
import { CONFIDENTIAL_CATEGORIES, FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackStatus } from "./constants";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------- references

/**
 * No 0/O, 1/I/L, U/V: read aloud, copied by hand or typed on a phone, no two characters
 * of a reference can be taken for one another. 29 symbols, 8 of them: about 5 × 10¹¹
 * references, against a guess throttle of a few per quarter-hour.
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
export const REFERENCE_LENGTH = 8;

/** A new reference, from a source of random whole numbers below `n` (`crypto.randomInt`). */
export function newReference(randomBelow: (n: number) => number): string {
  let reference = "";
  for (let i = 0; i < REFERENCE_LENGTH; i++) reference += REFERENCE_ALPHABET[randomBelow(REFERENCE_ALPHABET.length)];
  return reference;
}

/**
 * What a person typed, as stored: any case, spaces, dashes and dots ignored, Arabic-Indic
 * digits read as digits. Null when it cannot be a reference (a character outside the
 * alphabet, a wrong length): no database lookup, and no guess counted.
 */
export function canonicalReference(input: string): string | null {
  const compact = input
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[\s.\-_\u2010-\u2015]/g, "")
    .toUpperCase();
  if (compact.length !== REFERENCE_LENGTH) return null;
  for (const c of compact) if (!REFERENCE_ALPHABET.includes(c)) return null;
  return compact;
}

/** As shown and printed: two groups of four, "K7QM-3XPA". */
export function formatReference(reference: string): string {
  return `${reference.slice(0, 4)}-${reference.slice(4)}`;
}

// ---------------------------------------------------------------- routing and the deadline

export function isConfidential(category: FeedbackCategory): boolean {
  return (CONFIDENTIAL_CATEGORIES as readonly string[]).includes(category);
}

export function isFeedbackCategory(value: unknown): value is FeedbackCategory {
  return typeof value === "string" && (FEEDBACK_CATEGORIES as readonly string[]).includes(value);
}

/** Calendar days (in Morocco) the programme gives itself to answer and close a message. */
export const ANSWER_WITHIN_DAYS = 14;

/** The answer is due by the end of the 14th Moroccan day after the day it came. */
export function dueAt(receivedAt: Date): Date {
  return endOfMoroccoDay(addDays(moroccoToday(receivedAt), ANSWER_WITHIN_DAYS));
}

export function isOverdue(item: { status: FeedbackStatus; dueAt: Date }, now: Date): boolean {
  return item.status !== "closed" && now.getTime() > item.dueAt.getTime();
}

/** Calendar days in Morocco from the day it came to the day it was closed (0: the same day). */
export function daysToClose(receivedAt: Date, closedAt: Date): number {
  return daysBetween(moroccoToday(receivedAt), moroccoToday(closedAt));
}

// ---------------------------------------------------------------- the throttle

export const FEEDBACK_THROTTLE = {
  /** messages per address (or per signed-in account) per hour: an office helping many people shares one address */
  submit: { limit: 10, windowMs: HOUR },
  /** references not found per address per quarter-hour; found ones are free */
  lookup: { limit: 10, windowMs: 15 * MINUTE },
  /** rows older than this are deleted: an address is never kept long */
  keepMs: DAY,
} as const;

/** When the next try may be made, given the times of the counted ones, or null if now. */
export function retryAt(times: readonly Date[], rule: { limit: number; windowMs: number }, now: Date): Date | null {
  const since = now.getTime() - rule.windowMs;
  const recent = times
    .map((d) => d.getTime())
    .filter((t) => t > since)
    .sort((a, b) => a - b);
  if (recent.length < rule.limit) return null;
  // free again when the oldest of the last `limit` leaves the window
  const pivot = recent[recent.length - rule.limit] ?? now.getTime();
  return new Date(pivot + rule.windowMs);
}

// ---------------------------------------------------------------- who reads and acts

export type Handler = { id: string; role: Role };
type Routed = { confidential: boolean; assignedToId: string | null; status: FeedbackStatus };

/** The staff roles an admin may hand a message to. */
export const ASSIGNEE_ROLES = ["admin", "coach", "case_worker"] as const satisfies readonly Role[];

/**
 * Confidential messages: the focal point, and no one else, whatever their role. The
 * others: admins, and the staff member an admin assigned it to.
 */
export function mayRead(actor: Handler, item: Routed): boolean {
  if (item.confidential) return actor.role === "focal_point";
  if (actor.role === "admin") return true;
  const assignable = (ASSIGNEE_ROLES as readonly Role[]).includes(actor.role);
  return assignable && item.assignedToId !== null && item.assignedToId === actor.id;
}

export function mayAnswer(actor: Handler, item: Routed): boolean {
  return mayRead(actor, item) && item.status !== "closed";
}

export function mayClose(actor: Handler, item: Routed & { answer: string | null }): boolean {
  return mayAnswer(actor, item) && item.answer !== null;
}

/** Only admins hand messages out, and never a confidential one (the focal point handles those alone). */
export function mayAssign(actor: Handler, item: Routed): boolean {
  return actor.role === "admin" && !item.confidential && item.status !== "closed";
}

/** An admin who finds abuse or misconduct in an ordinary complaint hands it to the focal point, for good. */
export function mayRefer(actor: Handler, item: Routed): boolean {
  return mayAssign(actor, item);
}

// ---------------------------------------------------------------- the public follow page

/** All the follow page shows: never the category, the message, the contact or who handles it. */
export function publicView(item: { status: FeedbackStatus; answer: string | null; answeredAt: Date | null }) {
  return { status: item.status, answer: item.answer, answeredAt: item.answeredAt };
}

// ---------------------------------------------------------------- the dashboard

export type CountedItem = {
  category: FeedbackCategory;
  status: FeedbackStatus;
  receivedAt: Date;
  dueAt: Date;
  closedAt: Date | null;
};

export type CategoryCounts = {
  category: FeedbackCategory;
  received: number;
  closed: number;
  closedInTime: number;
  openOverdue: number;
  /** median calendar days to close, of those closed; null when none is */
  medianDays: number | null;
};

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** Counts per category of the messages received in a period, as they stand `now`. */
export function countByCategory(items: readonly CountedItem[], now: Date): CategoryCounts[] {
  return FEEDBACK_CATEGORIES.map((category) => {
    const mine = items.filter((i) => i.category === category);
    const closed = mine.filter((i): i is CountedItem & { closedAt: Date } => i.status === "closed" && !!i.closedAt);
    return {
      category,
      received: mine.length,
      closed: closed.length,
      closedInTime: closed.filter((i) => i.closedAt.getTime() <= i.dueAt.getTime()).length,
      openOverdue: mine.filter((i) => isOverdue(i, now)).length,
      medianDays: median(closed.map((i) => daysToClose(i.receivedAt, i.closedAt))),
    };
  });
}

/** A dashboard row: the category, then received, closed, closed in time, median days, open past the deadline. */
export type CountRow = { category: FeedbackCategory | "total"; cells: (Shown | null)[] };

/** The shown value of a count: exact (admins), or as the donor's family of tables has it (reporting/donor-family.ts). */
export type ShowCount = (
  category: FeedbackCategory | "total",
  measure: "received" | "closed" | "closedInTime" | "openOverdue",
  n: number,
) => Shown;

/**
 * The rows the dashboard shows. Confidential categories are a count received and
 * nothing else. Donors get each count as their published family has it (every count
 * under 5 hidden, zero included, and whatever would let one be worked out); a median
 * is hidden with the count of closed messages behind it.
 */
export function dashboardRows(counts: readonly CategoryCounts[], show: ShowCount = (_c, _m, n) => n): CountRow[] {
  const total = counts.reduce((a, c) => a + c.received, 0);
  const rows: CountRow[] = counts.map((c) => {
    const first = show(c.category, "received", c.received);
    if (isConfidential(c.category)) return { category: c.category, cells: [first, null, null, null, null] };
    const closed = show(c.category, "closed", c.closed);
    const medianShown: Shown | null =
      c.medianDays === null ? null : closed === SUPPRESSED ? SUPPRESSED : Math.round(c.medianDays);
    return {
      category: c.category,
      cells: [
        first,
        closed,
        show(c.category, "closedInTime", c.closedInTime),
        medianShown,
        show(c.category, "openOverdue", c.openOverdue),
      ],
    };
  });
  rows.push({ category: "total", cells: [show("total", "received", total), null, null, null, null] });
  return rows;
}
