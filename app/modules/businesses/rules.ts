/**
 * Pure rules of the businesses funded by a grant, after launch (issue 16): the coach visits
 * 3, 6 and 12 months after the last tranche is paid; what a visit records must hold
 * together. Dates are Morocco days ("YYYY-MM-DD").
 */
import { addMonths } from "~/lib/morocco-time";

export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** Monthly revenue, in MAD, as a band: people rarely know the figure, they know the band. */
export const REVENUE_BANDS = ["none", "under_2000", "2000_5000", "5000_10000", "over_10000"] as const;
export type RevenueBand = (typeof REVENUE_BANDS)[number];

export type FollowUpState = "recorded" | "due" | "later";

export type ScheduledFollowUp<M extends number = FollowUpMonths> = {
  monthsAfter: M;
  dueOn: string;
  state: FollowUpState;
};

/**
 * Checks some months after a start day (null: not started, nothing is scheduled), each
 * recorded, due (its day has come), or later. Month ends are kept: 30 November + 3 months
 * is 28 February. Shared by businesses' visits and employment checks after training.
 */
export function milestoneSchedule<M extends number>(
  start: string | null,
  milestones: readonly M[],
  recorded: readonly number[],
  today: string,
): ScheduledFollowUp<M>[] {
  if (!start) return [];
  return milestones.map((monthsAfter) => {
    const dueOn = addMonths(start, monthsAfter);
    const state: FollowUpState = recorded.includes(monthsAfter) ? "recorded" : dueOn <= today ? "due" : "later";
    return { monthsAfter, dueOn, state };
  });
}

/**
 * The three visits of a business whose last tranche was paid on `lastPaidOn` (null: not
 * fully paid yet, nothing is scheduled): each recorded, due (its day has come), or later.
 */
export function followUpSchedule(
  lastPaidOn: string | null,
  recorded: readonly number[],
  today: string,
): ScheduledFollowUp[] {
  return milestoneSchedule(lastPaidOn, FOLLOW_UP_MONTHS, recorded, today);
}

export type FollowUpInput = {
  visitedOn: string;
  stillRunning: boolean;
  revenueBand: RevenueBand | null;
  jobsCreated: number;
  jobsWomen: number;
  jobsMigrants: number;
};

export type FollowUpProblem =
  "visitedBeforeDue" | "visitedInFuture" | "revenueNeeded" | "revenueOfClosed" | "jobsWomen" | "jobsMigrants";

/** What is wrong with a visit's record, by field; empty when it holds together. */
export function followUpProblems(
  input: FollowUpInput,
  dueOn: string,
  today: string,
): Partial<Record<keyof FollowUpInput, FollowUpProblem>> {
  const problems: Partial<Record<keyof FollowUpInput, FollowUpProblem>> = {};
  // a visit may come a little early (a month): people are seen when they can be
  if (input.visitedOn < addMonths(dueOn, -1)) problems.visitedOn = "visitedBeforeDue";
  if (input.visitedOn > today) problems.visitedOn = "visitedInFuture";
  if (input.stillRunning && !input.revenueBand) problems.revenueBand = "revenueNeeded";
  if (!input.stillRunning && input.revenueBand) problems.revenueBand = "revenueOfClosed";
  if (input.jobsWomen > input.jobsCreated) problems.jobsWomen = "jobsWomen";
  if (input.jobsMigrants > input.jobsCreated) problems.jobsMigrants = "jobsMigrants";
  return problems;
}
