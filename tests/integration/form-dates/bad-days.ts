/**
 * The bad days every date input of the app is posted with (issue 18), and the one check
 * the form-dates tests share: each is a 400 whose form marks the field. The list of the
 * inputs and the tests of the first forms are in ../form-dates.test.ts; the others are
 * in this folder, one file per module.
 */
import { expect } from "vitest";
import type { TestClient } from "../helpers/app";

/** 31 February, 29 February of a common year, year 0, month 99, day 0, five digits, unpadded, garbage, a time, nothing. */
export const BAD_DAYS = [
  "2027-02-31",
  "2026-02-29",
  "0000-01-01",
  "2026-99-01",
  "2026-01-00",
  "10000-01-01",
  "2026-1-1",
  "garbage",
  "2026-02-31T10:00",
  "",
];

/** The bad days without the empty one, for a field that may be left empty. */
export const BAD_DAYS_TYPED = BAD_DAYS.filter((day) => day !== "");

/** Each bad day in `field` of an otherwise valid `base`: a 400 whose form marks the field. */
export async function refusesEveryBadDay(
  c: TestClient,
  pathname: string,
  base: Record<string, string | string[]>,
  field: string,
  days = BAD_DAYS,
) {
  for (const day of days) {
    const res = await c.post(pathname, { ...base, [field]: day });
    expect(res.status, `${pathname} ${field}=${day}`).toBe(400);
    expect(await res.text(), `${pathname} ${field}=${day}`).toMatch(
      new RegExp(`aria-invalid="true"[^>]*name="${field}"|name="${field}"[^>]*aria-invalid="true"`),
    );
  }
}
