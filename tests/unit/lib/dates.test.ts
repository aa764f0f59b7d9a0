import { describe, expect, it } from "vitest";
import { ageOn, isIsoDate, parseIsoDate } from "../../../app/lib/dates";

describe("isIsoDate", () => {
  it("takes real calendar days", () => {
    for (const ok of ["2026-01-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
      expect(isIsoDate(ok), ok).toBe(true);
    expect(parseIsoDate("0050-03-04")).toEqual({ y: 50, m: 3, d: 4 });
  });
  it("refuses days that do not exist and other shapes", () => {
    for (const bad of [
      "2026-02-31",
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "0000-01-01",
      "2026-99-01",
      "2026-00-10",
      "2026-13-01",
      "2026-01-00",
      "2026-1-5",
      "26-01-05",
      "2026-01-05T00:00:00Z",
      " 2026-01-05",
      "31/12/2026",
      "",
    ])
      expect(isIsoDate(bad), bad).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe("ageOn", () => {
  it("counts whole years, a year more on the birthday itself", () => {
    expect(ageOn("2008-09-01", "2026-08-31")).toBe(17);
    expect(ageOn("2008-09-01", "2026-09-01")).toBe(18);
    expect(ageOn("1995-07-01", "2026-06-30")).toBe(30);
    expect(ageOn("2026-06-30", "2026-06-30")).toBe(0);
  });
  it("someone born on 29 February is a year older on 1 March in common years", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });
  it("is null (never NaN) without a real birth date, or before the birth", () => {
    expect(ageOn(null, "2026-01-01")).toBeNull();
    expect(ageOn(undefined, "2026-01-01")).toBeNull();
    expect(ageOn("", "2026-01-01")).toBeNull();
    expect(ageOn("2001-02-30", "2026-01-01")).toBeNull();
    expect(ageOn("not a date", "2026-01-01")).toBeNull();
    expect(ageOn("2001-01-01", "2026-02-31")).toBeNull();
    expect(ageOn("2027-01-01", "2026-01-01")).toBeNull();
  });
});
