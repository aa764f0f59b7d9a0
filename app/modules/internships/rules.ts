/**
 * Pure rules of internships: the placement status machine, overdue follow-up,
 * evaluation averages and the outcome checkpoints.
 */
import { addMonths, daysBetween, moroccoToday } from "~/lib/morocco-time";
import { type PlacementStatus, CHECKPOINTS, type Checkpoint, EMPLOYED_STATUSES } from "./constants";

/** proposed → accepted by host → ongoing → completed; any open placement may end early. */
const NEXT: Record<PlacementStatus, readonly PlacementStatus[]> = {
  proposed: ["accepted", "ended_early"],
  accepted: ["ongoing", "ended_early"],
  ongoing: ["completed", "ended_early"],
  completed: [],
  ended_early: [],
};

export function canTransition(from: PlacementStatus, to: PlacementStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: PlacementStatus): readonly PlacementStatus[] {
  return NEXT[from];
}

export const FOLLOW_UP_DAYS = 14;

/** A day as a YYYY-MM-DD string; an instant is read as the day it is in Morocco then. */
function day(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : moroccoToday(value);
}

/**
 * A placement that is under way (accepted or ongoing) is overdue when its last contact,
 * or its start if there was none, is more than 14 days ago. Placements not yet
 * started or already closed are never overdue.
 */
export function isFollowUpOverdue(input: {
  status: PlacementStatus;
  startsOn: string;
  lastContactOn: string | null;
  today: string | Date;
}): boolean {
  if (input.status !== "ongoing" && input.status !== "accepted") return false;
  const today = day(input.today);
  if (day(input.startsOn) > today) return false;
  const since = input.lastContactOn ?? input.startsOn;
  return daysBetween(day(since), today) > FOLLOW_UP_DAYS;
}

export function daysSince(value: string, today: string | Date): number {
  return daysBetween(day(value), day(today));
}

export const EVALUATION_CRITERIA = ["punctuality", "teamwork", "communication", "technicalSkills", "autonomy"] as const;
export type Scores = Record<(typeof EVALUATION_CRITERIA)[number], number>;

export function evaluationAverage(scores: Scores): number {
  const values = EVALUATION_CRITERIA.map((c) => scores[c]);
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** The date from which a checkpoint's outcome can be recorded: the end date, then 3 and 6 months after. */
export function checkpointDate(endsOn: string, checkpoint: Checkpoint): string {
  const months = checkpoint === "end" ? 0 : checkpoint === "month_3" ? 3 : 6;
  return addMonths(endsOn.slice(0, 10), months);
}

/**
 * An outcome may be recorded once the placement is closed (completed or ended early)
 * and the checkpoint's date has come.
 */
export function canRecordOutcome(input: {
  status: PlacementStatus;
  endsOn: string;
  checkpoint: Checkpoint;
  today: string | Date;
}): boolean {
  if (input.status !== "completed" && input.status !== "ended_early") return false;
  return day(checkpointDate(input.endsOn, input.checkpoint)) <= day(input.today);
}

/** Which checkpoints are due now and still without an outcome. */
export function dueCheckpoints(input: {
  status: PlacementStatus;
  endsOn: string;
  recorded: readonly Checkpoint[];
  today: string | Date;
}): Checkpoint[] {
  return CHECKPOINTS.filter((c) => !input.recorded.includes(c) && canRecordOutcome({ ...input, checkpoint: c }));
}

/** Employed, for the donor indicators: hired by the host, elsewhere, or self-employed. */
export function isEmployed(status: string): boolean {
  return (EMPLOYED_STATUSES as readonly string[]).includes(status);
}

/** Applications still waiting for the host's answer; an answer is given once. */
export const ANSWERABLE_APPLICATION_STATUSES = ["submitted", "proposed"] as const;

export function mayAnswerApplication(status: string): boolean {
  return (ANSWERABLE_APPLICATION_STATUSES as readonly string[]).includes(status);
}

/** An offer's seats may come down to the acceptances already given, never below. */
export function seatsProblem(seats: number, accepted: number): "belowAccepted" | null {
  return seats < accepted ? "belowAccepted" : null;
}
