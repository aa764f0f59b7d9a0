/**
 * Morocco's clock: the one place where a calendar day or a wall-clock time typed or read
 * by a person meets an instant. Morocco is UTC+1, and UTC+0 during Ramadan (and was UTC+0
 * with summer time before October 2018), so no offset is ever written into the code: it
 * comes from the offset table the server computes from its own time-zone data and ships
 * to the browser (`~/i18n/time-zone.ts`). Where no table is installed (scripts, seeds,
 * tests that call a service directly), the engine's own data for Africa/Casablanca stands
 * in, as it does for `formatDate`; on the server both are the same data.
 *
 * Days are `YYYY-MM-DD` strings (a calendar day is not an instant), times `HH:MM` or
 * `HH:MM:SS`, instants `Date`s. Runs in the browser too: no Node API, no zod.
 */
import { engineOffsetAt, installedOffsetTable, offsetAt, TIME_ZONE } from "~/i18n/time-zone";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The offset from UTC (minutes) in force in Morocco at an instant. */
export function moroccoOffsetAt(at: Date | number): number {
  const ms = millis(at);
  const table = installedOffsetTable();
  return table ? offsetAt(table, ms) : engineOffsetAt(TIME_ZONE, ms);
}

/** A real calendar day written `YYYY-MM-DD` (not "2026-02-30"). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && calendarMillis(value) !== null;
}

/** The day it is in Morocco at an instant (now by default). */
export function moroccoToday(at: Date | number = Date.now()): string {
  return moroccoDateTime(at).date;
}

/** An instant as Morocco's clock reads it: `{ date: "YYYY-MM-DD", time: "HH:MM" }`. */
export function moroccoDateTime(at: Date | number): { date: string; time: string } {
  const ms = millis(at);
  // the instant moved by the offset: its UTC fields are Morocco's wall clock
  const wall = new Date(ms + moroccoOffsetAt(ms) * MINUTE).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * The instant at which Morocco's clock reads `date` `time`.
 *
 * At a switch the answer is still one instant, chosen as JavaScript's Date and Temporal's
 * "compatible" mode choose it:
 * - a time that happens twice (going to UTC+0 before Ramadan, 03:00 goes back to 02:00,
 *   so 02:00–02:59 is read twice) is the earlier of the two, the first time the clock
 *   reads it;
 * - a time that never happens (going back to UTC+1 after Ramadan, 02:00 jumps to 03:00,
 *   so 02:00–02:59 is never read) is taken with the offset before the jump, so it lands
 *   as far after the jump as it was after 02:00: 02:30 is read as 03:30.
 * Changes are weeks apart, so the offsets a day either side of the time are the only
 * candidates.
 *
 * Throws a RangeError on a day or time that does not exist on any calendar: callers
 * validate what people type first (`isIsoDate`).
 */
export function moroccoInstant(date: string, time = "00:00"): Date {
  const wall = wallMillis(date, time);
  const before = moroccoOffsetAt(wall - DAY);
  const after = moroccoOffsetAt(wall + DAY);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((utc) => utc + moroccoOffsetAt(utc) * MINUTE === wall)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wall - before * MINUTE);
}

/** The first instant of a day in Morocco (its 00:00). */
export function startOfMoroccoDay(date: string): Date {
  return moroccoInstant(date, "00:00");
}

/**
 * The last instant of a day in Morocco: the millisecond before the next day starts, so
 * that it still reads as that day (23:59) wherever it is shown, and `now < end` is true
 * up to the very end of the day.
 */
export function endOfMoroccoDay(date: string): Date {
  return new Date(startOfMoroccoDay(addDays(date, 1)).getTime() - 1);
}

/** A calendar day plus (or minus) a number of days. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return new Date(dayMillis(date) + days * DAY).toISOString().slice(0, 10);
}

/**
 * A calendar day plus (or minus) a number of months, held to the last day of a shorter
 * month: 31 August plus 6 months is 28 February (29 in a leap year).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const day = new Date(dayMillis(date));
  const first = Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1);
  const target = new Date(first);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(first + (Math.min(day.getUTCDate(), lastDay) - 1) * DAY).toISOString().slice(0, 10);
}

/** Calendar days from one day to another (negative if `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMillis(to) - dayMillis(from)) / DAY);
}

function millis(at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("not an instant");
  return ms;
}

/** The day as a UTC midnight: calendar arithmetic only, never an instant in Morocco. */
function calendarMillis(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 30 February over to March, and maps years 0-99 to 1900-1999
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

function dayMillis(date: string): number {
  const ms = calendarMillis(date);
  if (ms === null) throw new RangeError(`not a calendar day: ${date}`);
  return ms;
}

/** The wall-clock reading as milliseconds whose UTC fields are that reading. */
function wallMillis(date: string, time: string): number {
  const match = TIME.exec(time);
  const [h, m, s] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [NaN, NaN, NaN];
  if (!(h <= 23 && m <= 59 && s <= 59)) throw new RangeError(`not a time of day: ${time}`);
  return dayMillis(date) + ((h * 60 + m) * 60 + s) * 1000;
}
