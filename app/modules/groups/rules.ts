/**
 * Pure rules of group activities and households: headcount arithmetic, the nationality
 * groups, ages from birth years, and how the reports add people reached without double
 * counting (docs/decisions/0111-group-activities-and-households.md). No database.
 */
import { HEADCOUNT_KEYS, type HeadcountKey } from "./constants";

export type Headcounts = Record<HeadcountKey, number>;

/** Everyone a session counted. */
export function headcountTotal(counts: Headcounts): number {
  return HEADCOUNT_KEYS.reduce((sum, key) => sum + counts[key], 0);
}

/** The people counted by sex. */
export function headcountBySex(counts: Headcounts): { female: number; male: number } {
  let female = 0;
  let male = 0;
  for (const key of HEADCOUNT_KEYS) {
    if (key.startsWith("female")) female += counts[key];
    else male += counts[key];
  }
  return { female, male };
}

/**
 * What is wrong with a session's counts, as a message key, or null: nobody counted, the
 * nationality groups adding up to more than the people, or more registered case files
 * linked than people counted (each linked person is one of those counted).
 */
export function headcountProblem(input: {
  counts: Headcounts;
  moroccans: number | null;
  migrants: number | null;
  linked: number;
}): "groups.errors.nobody" | "groups.errors.nationalityOver" | "groups.errors.linkedOver" | null {
  const total = headcountTotal(input.counts);
  if (total < 1) return "groups.errors.nobody";
  if ((input.moroccans ?? 0) + (input.migrants ?? 0) > total) return "groups.errors.nationalityOver";
  if (input.linked > total) return "groups.errors.linkedOver";
  return null;
}

/**
 * The people of a session who are not a registered case file linked to it: they are
 * counted only by the headcount. Never below zero, even for a session recorded before a
 * correction lowered its counts.
 */
export function unregisteredOf(total: number, linked: number): number {
  return Math.max(0, total - linked);
}

/** The year a person of `age` (whole years, typed on Morocco's day `today`) was born, as stored. */
export function birthYearOf(age: number, today: string): number {
  return Number(today.slice(0, 4)) - age;
}

/** A household member's age as the page shows it (whole years, within one). */
export function ageFromBirthYear(birthYear: number | null, today: string): number | null {
  return birthYear === null ? null : Math.max(0, Number(today.slice(0, 4)) - birthYear);
}

/**
 * People reached in a period, from every source, each person once where the portal can
 * tell who they are:
 * - `registered`: people with an account or a case file reached by a recorded activity
 *   (the reports' "all");
 * - `linkedOnly`: registered people linked to a group activity and reached by nothing
 *   else in the period (so not in `registered`);
 * - `unregistered`: the headcounts minus the linked case files, per session (anonymous:
 *   someone who came to two sessions is counted twice, which the table says);
 * - `householdMembers`: members of households that received aid, once each per period.
 */
export type PeopleReached = {
  registered: number;
  linkedOnly: number;
  unregistered: number;
  householdMembers: number;
};

export function allPeopleReached(p: PeopleReached): number {
  return p.registered + p.linkedOnly + p.unregistered + p.householdMembers;
}
