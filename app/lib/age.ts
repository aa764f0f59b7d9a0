import { isIsoDate } from "./morocco-time";

/**
 * Age in whole years on the day `on` (both YYYY-MM-DD), from a date of birth;
 * computed, never stored. Someone born on 29 February turns a year older on
 * 1 March in common years. Returns null, never NaN, when the birth date is missing
 * or not a real day, when `on` is not a real day, or when `on` is before the birth.
 */
export function ageOn(birthDate: string | null | undefined, on: string): number | null {
  if (!isIsoDate(birthDate) || !isIsoDate(on)) return null;
  const [by = 0, bm = 0, bd = 0] = birthDate.split("-").map(Number);
  const [y = 0, m = 0, d = 0] = on.split("-").map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}
