import { describe, expect, it } from "vitest";
import { HEADCOUNT_KEYS, type HeadcountKey } from "../../../app/modules/groups/constants";
import {
  ageFromBirthYear,
  allPeopleReached,
  birthYearOf,
  headcountBySex,
  headcountProblem,
  headcountTotal,
  unregisteredOf,
} from "../../../app/modules/groups/rules";
import { AGE_BAND_KEYS } from "../../../app/modules/reporting/rules";
import { HEADCOUNT_BANDS } from "../../../app/modules/groups/constants";

const counts = (values: Partial<Record<HeadcountKey, number>> = {}) =>
  Object.fromEntries(HEADCOUNT_KEYS.map((k) => [k, values[k] ?? 0])) as Record<HeadcountKey, number>;

describe("group activity rules", () => {
  it("counts the same age bands as the reports", () => {
    expect(HEADCOUNT_BANDS.map((b) => b.band)).toEqual(AGE_BAND_KEYS);
  });

  it("adds the headcount up, in all and by sex", () => {
    const c = counts({ female0to4: 2, female60plus: 1, male18to24: 4 });
    expect(headcountTotal(c)).toBe(7);
    expect(headcountBySex(c)).toEqual({ female: 3, male: 4 });
  });

  it("refuses an empty session, nationality groups over the headcount, and more links than people", () => {
    const c = counts({ female18to24: 3 });
    expect(headcountProblem({ counts: counts(), moroccans: null, migrants: null, linked: 0 })).toBe(
      "groups.errors.nobody",
    );
    expect(headcountProblem({ counts: c, moroccans: 2, migrants: 2, linked: 0 })).toBe("groups.errors.nationalityOver");
    expect(headcountProblem({ counts: c, moroccans: 1, migrants: 2, linked: 3 })).toBeNull();
    expect(headcountProblem({ counts: c, moroccans: null, migrants: null, linked: 4 })).toBe(
      "groups.errors.linkedOver",
    );
  });

  it("takes linked case files out of the headcount, never below zero", () => {
    expect(unregisteredOf(7, 2)).toBe(5);
    expect(unregisteredOf(2, 3)).toBe(0);
  });

  it("stores an age as a birth year and reads it back", () => {
    expect(birthYearOf(7, "2026-12-04")).toBe(2019);
    expect(ageFromBirthYear(2019, "2026-12-04")).toBe(7);
    expect(ageFromBirthYear(null, "2026-12-04")).toBeNull();
  });

  it("adds every source of people reached", () => {
    expect(allPeopleReached({ registered: 10, linkedOnly: 1, unregistered: 5, householdMembers: 3 })).toBe(19);
  });
});
