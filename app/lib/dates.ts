/*
 * Calendar days written YYYY-MM-DD (what <input type="date"> posts and a `date`
 * column holds). Only arithmetic on days lives here; which day it is in Morocco,
 * and instants, belong to the Morocco time module.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month and day of a real calendar day from 0001 to 9999; null for "2026-02-31", "0000-01-01", "2026-99-01". */
export function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1) return null;
  // Date.UTC maps years 0-99 to 1900-1999: set the full year explicitly
  const date = new Date(Date.UTC(2000, m - 1, 1));
  date.setUTCFullYear(y);
  date.setUTCDate(d);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : null;
}

/** A real calendar day written YYYY-MM-DD (PostgreSQL accepts every such day). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && parseIsoDate(value) !== null;
}

/**
 * Age in whole years on the day `on` (both YYYY-MM-DD), from a date of birth;
 * computed, never stored. Someone born on 29 February turns a year older on
 * 1 March in common years. Returns null, never NaN, when the birth date is missing
 * or not a real day, when `on` is not a real day, or when `on` is before the birth.
 */
export function ageOn(birthDate: string | null | undefined, on: string): number | null {
  if (!birthDate) return null;
  const born = parseIsoDate(birthDate);
  const day = parseIsoDate(on);
  if (!born || !day) return null;
  const age = day.y - born.y - (day.m < born.m || (day.m === born.m && day.d < born.d) ? 1 : 0);
  return age >= 0 ? age : null;
}
