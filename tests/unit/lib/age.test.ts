import { describe, expect, it } from "vitest";
import { ageOn } from "../../../app/lib/age";

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
