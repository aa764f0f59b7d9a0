/**
 * Pure rules of the trainings module: completion, the waiting list, eligibility.
 * No database, no Remix: unit-tested on their own.
 */
import { moroccoToday } from "~/lib/morocco-time";

export type AttendanceMark = "present" | "absent" | "excused";

/**
 * The register of a session opens on the session's day, on Morocco's clock (a trainer
 * takes it when people arrive), never before: nobody is marked for a session to come.
 */
export function attendanceOpen(sessionStartsAt: Date, now: Date): boolean {
  return moroccoToday(sessionStartsAt) <= moroccoToday(now);
}

/**
 * Completed when every session of the cohort has been marked for the participant
 * and the share of sessions attended (present) reaches the rule's percentage.
 * An excused absence is still an absence: it counts in the total, not as attended.
 */
export function isCompleted(input: {
  sessionCount: number;
  marks: AttendanceMark[];
  minAttendancePercent: number;
}): boolean {
  const { sessionCount, marks, minAttendancePercent } = input;
  if (sessionCount <= 0 || marks.length < sessionCount) return false;
  const present = marks.filter((m) => m === "present").length;
  return present * 100 >= minAttendancePercent * sessionCount;
}

export function attendancePercent(sessionCount: number, present: number): number {
  if (sessionCount <= 0) return 0;
  return Math.round((present * 100) / sessionCount);
}

export type QueueEntry = { id: string; seq: number; status: "confirmed" | "waiting" | "cancelled" };

/** The next person to promote: the waiting entry that registered first. */
export function nextToPromote<T extends QueueEntry>(entries: readonly T[]): T | null {
  let best: T | null = null;
  for (const e of entries) if (e.status === "waiting" && (!best || e.seq < best.seq)) best = e;
  return best;
}

/** Whether a cohort still takes registrations on Morocco's day `today`: not once it has ended. */
export function registrationOpen(endsOn: string, today: string): boolean {
  return endsOn >= today;
}

/**
 * Whether a seat (or a place on the waiting list) in a cohort can still be given up on
 * Morocco's day `today`: not once the cohort has ended, when its attendance and
 * certificates rest on who held the seats.
 */
export function cancellationOpen(endsOn: string, today: string): boolean {
  return registrationOpen(endsOn, today);
}

/** Decide a new registration's status from the seats already taken. */
export function admissionFor(confirmed: number, capacity: number): "confirmed" | "waiting" {
  return confirmed < capacity ? "confirmed" : "waiting";
}

/** 1-based place on the waiting list of a given entry, or null if not waiting. */
export function waitingPosition(entries: readonly QueueEntry[], id: string): number | null {
  const waiting = entries.filter((e) => e.status === "waiting").sort((a, b) => a.seq - b.seq);
  const index = waiting.findIndex((e) => e.id === id);
  return index < 0 ? null : index + 1;
}

export type Audience = "migrants" | "young_moroccans" | "both";

/**
 * Who may register. The user record does not say (yet) whether someone is a migrant
 * or a young Moroccan: until the profile does, an unknown group sees everything.
 */
export function isEligible(audience: Audience, group: "migrant" | "young_moroccan" | null): boolean {
  if (audience === "both" || group === null) return true;
  return audience === "migrants" ? group === "migrant" : group === "young_moroccan";
}

/** Verification codes: no 0/O/1/I, grouped for reading aloud over the phone. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export function formatVerificationCode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 12; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/**
 * A verification code as a person types it, back to its printed form: any case, with or
 * without dashes or spaces ("abcd efgh jkmn" → "ABCD-EFGH-JKMN"); null when it cannot
 * be one (so the page says "no such certificate" without asking the database).
 */
export function normaliseVerificationCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s\-_.]/g, "");
  if (raw.length !== 12 || [...raw].some((ch) => !ALPHABET.includes(ch))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** Initials only, for the public verification page: "Aminata Diallo" -> "A. D." */
export function initials(name: string): string {
  return name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${Array.from(part)[0]?.toUpperCase() ?? ""}.`)
    .join(" ");
}

/**
 * Why a session may not move to a new time or place, if it may not: a session with
 * attendance marked has taken place, and a session cannot move into the past. The same
 * time and place is no move at all (nobody is told anything).
 */
export function sessionMoveProblem(input: {
  attendanceMarked: boolean;
  from: Date;
  to: Date;
  samePlace: boolean;
  now: Date;
}): "held" | "past" | "unchanged" | null {
  if (input.attendanceMarked) return "held";
  if (input.to.getTime() === input.from.getTime() && input.samePlace) return "unchanged";
  if (input.to.getTime() <= input.now.getTime()) return "past";
  return null;
}

/**
 * Who may move a session: a programme admin, or the coach who gives it (the session's
 * trainer, set when she added it). Other coaches take attendance but do not move it.
 */
export function mayMoveSession(actor: { id: string; role: string }, session: { trainerId: string | null }): boolean {
  return actor.role === "admin" || (actor.role === "coach" && session.trainerId === actor.id);
}

/**
 * A cohort's capacity may be corrected down to the seats already given, never below:
 * those people keep their place. Null when the new capacity is fine.
 */
export function capacityProblem(capacity: number, confirmed: number): "belowSeats" | null {
  return capacity < confirmed ? "belowSeats" : null;
}

/** How many waiting people a corrected capacity lets in (the seats it frees). */
export function seatsFreed(capacity: number, confirmed: number): number {
  return Math.max(0, capacity - confirmed);
}
