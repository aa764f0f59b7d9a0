/**
 * Pure rules of coaching: a beneficiary's stage, the order of the caseload, and when a
 * follow-up appointment may change and is recalled.
 */
import { addDays, moroccoInstant, moroccoToday } from "~/lib/morocco-time";
import { dueCheckpoints, isFollowUpOverdue } from "~/modules/internships/rules";
import { type Checkpoint, type PlacementStatus, STATUSES_WITHOUT_HOST } from "~/modules/internships/constants";
import { milestoneSchedule, type ScheduledFollowUp } from "~/modules/businesses/rules";
import type { Locale } from "~/i18n/config";
import { inOneLanguage } from "~/lib/localized";
import type { applicantPanelOf } from "./queries.server";

type ApplicantPanelRead = ReturnType<typeof applicantPanelOf>;

export type Stage = "internship" | "job_search" | "training" | "guidance";

export type CaseloadRow = {
  beneficiaryId: string;
  displayName: string;
  stage: Stage;
  placementId: string | null;
  overdue: boolean;
  lastContactOn: string | null;
  nextAction: { description: string; dueOn: string } | null;
  actionLate: boolean;
  /** visits of a funded business whose day has come (3, 6, 12 months after the last tranche) */
  businessVisitsDue: number;
  /** employment checks whose day has come (3 and 6 months after the end of a training) */
  employmentChecksDue: number;
  /** an internship's outcomes whose day has come and are not recorded (at its end, 3 and 6 months after) */
  internshipOutcomesDue: number;
};

/**
 * The stage shown is the furthest step under way: an open internship, then job
 * search after one, then training, else guidance. (Business plan and grant stages
 * come from their own modules when they land.)
 */
export function stageOf(input: {
  openPlacement: boolean;
  closedPlacement: boolean;
  inJobSearch: boolean;
  inTraining: boolean;
}): Stage {
  if (input.openPlacement) return "internship";
  if (input.closedPlacement || input.inJobSearch) return "job_search";
  if (input.inTraining) return "training";
  return "guidance";
}

export function buildCaseloadRow(input: {
  beneficiary: { id: string; displayName: string };
  placements: {
    id: string;
    status: PlacementStatus;
    startsOn: string;
    /** with endsOn, the outcomes due and not among recordedCheckpoints are counted */
    endsOn?: string;
    recordedCheckpoints?: readonly Checkpoint[];
    lastContactOn: string | null;
  }[];
  nextAction: { description: string; dueOn: string } | null;
  inTraining: boolean;
  inJobSearch: boolean;
  businessVisitsDue?: number;
  employmentChecksDue?: number;
  today: string;
}): CaseloadRow {
  const open =
    input.placements.find((p) => p.status === "proposed" || p.status === "accepted" || p.status === "ongoing") ?? null;
  const overdue = input.placements.some((p) => isFollowUpOverdue({ ...p, today: input.today }));
  const outcomesDue = input.placements.map((p) => ({
    id: p.id,
    due: p.endsOn
      ? dueCheckpoints({
          status: p.status,
          endsOn: p.endsOn,
          recorded: p.recordedCheckpoints ?? [],
          today: input.today,
        }).length
      : 0,
  }));
  const withOutcomeDue = outcomesDue.find((p) => p.due > 0);
  return {
    beneficiaryId: input.beneficiary.id,
    displayName: input.beneficiary.displayName,
    stage: stageOf({
      openPlacement: Boolean(open),
      closedPlacement: input.placements.some((p) => p.status === "completed" || p.status === "ended_early"),
      inJobSearch: input.inJobSearch,
      inTraining: input.inTraining,
    }),
    // the internship to open: the one under way, else one whose outcome is to record, else the latest
    placementId: open?.id ?? withOutcomeDue?.id ?? input.placements[0]?.id ?? null,
    overdue,
    lastContactOn: open?.lastContactOn ?? null,
    nextAction: input.nextAction,
    actionLate: Boolean(input.nextAction && input.nextAction.dueOn < input.today),
    businessVisitsDue: input.businessVisitsDue ?? 0,
    employmentChecksDue: input.employmentChecksDue ?? 0,
    internshipOutcomesDue: outcomesDue.reduce((sum, p) => sum + p.due, 0),
  };
}

/** Behind: an internship follow-up or outcome, a business visit or an employment check overdue. */
const followUpDue = (r: CaseloadRow) =>
  r.overdue || r.businessVisitsDue > 0 || r.employmentChecksDue > 0 || r.internshipOutcomesDue > 0;

/**
 * Whether the coach is behind with this person: a follow-up overdue, or a next step past
 * its day, whoever the person is (in an internship or not).
 */
export const isBehind = (r: CaseloadRow) => followUpDue(r) || r.actionLate;

/**
 * Overdue follow-ups first (an internship's contact or outcome, a funded business's visit,
 * an employment check after training), then late
 * next steps (of every beneficiary), then by due date, then by name.
 */
export function sortCaseload(rows: CaseloadRow[]): CaseloadRow[] {
  return [...rows].sort((a, b) => {
    if (followUpDue(a) !== followUpDue(b)) return followUpDue(a) ? -1 : 1;
    if (a.actionLate !== b.actionLate) return a.actionLate ? -1 : 1;
    const da = a.nextAction?.dueOn ?? "9999-12-31";
    const db = b.nextAction?.dueOn ?? "9999-12-31";
    if (da !== db) return da < db ? -1 : 1;
    return a.displayName.localeCompare(b.displayName);
  });
}

/** A follow-up appointment is set for later: not in the past, and within a year. */
export function appointmentProblem(startsAt: Date, now: Date): "past" | "tooFar" | null {
  if (startsAt.getTime() <= now.getTime()) return "past";
  if (startsAt.getTime() - now.getTime() > 366 * 24 * 60 * 60 * 1000) return "tooFar";
  return null;
}

/** The Morocco time at which reminders go out, on the day before the appointment. */
export const REMINDER_TIME = "09:00";

/**
 * When the person is reminded of an appointment: at 09:00 on the Morocco day before it
 * (never at night), so an appointment on Monday at 10:00 is recalled on Sunday morning.
 */
export function reminderDueAt(startsAt: Date): Date {
  return moroccoInstant(addDays(moroccoToday(startsAt), -1), REMINDER_TIME);
}

/**
 * Whether the message that sets or moves an appointment serves as its reminder: it goes
 * out when the reminder would already be due, so a second message would only repeat it.
 */
export function toldLateEnough(startsAt: Date, now: Date): boolean {
  return reminderDueAt(startsAt).getTime() <= now.getTime();
}

export type AppointmentChangeProblem = "cancelled" | "over";

/**
 * Why an appointment may no longer be moved or cancelled, if it may not: once cancelled it
 * stays so, and once its time has come it has taken place (or been missed).
 */
export function appointmentChangeProblem(
  appointment: { startsAt: Date; cancelledAt: Date | null },
  now: Date,
): AppointmentChangeProblem | null {
  if (appointment.cancelledAt) return "cancelled";
  if (appointment.startsAt.getTime() <= now.getTime()) return "over";
  return null;
}

/**
 * Who may move or cancel an appointment: the member of staff who set it (the route has
 * checked she still follows the person), or a programme admin.
 */
export function mayChangeAppointment(actor: { id: string; role: string }, appointment: { coachId: string }): boolean {
  return actor.role === "admin" || appointment.coachId === actor.id;
}

// ---- employment after training (issue 16) ----

/** Months after the end of a person's training at which her coach asks whether she works. */
export const EMPLOYMENT_CHECK_MONTHS = [3, 6] as const;
export type EmploymentCheckMonths = (typeof EMPLOYMENT_CHECK_MONTHS)[number];

/** What a person may be doing after a training: every employment status but "hired by the host" (no host). */
export const TRAINING_EMPLOYMENT_STATUSES = STATUSES_WITHOUT_HOST;
export type TrainingEmploymentStatus = (typeof TRAINING_EMPLOYMENT_STATUSES)[number];

/**
 * The day a person's training ended, for her employment checks: the earliest end of a
 * cohort whose certificate she holds. A certificate (not revoked) is what "trained" means:
 * it is issued when she attended enough sessions, and revoked when a correction says she
 * did not. Null: not trained, nothing to check.
 */
export function trainingEndOf(certificates: readonly { cohortEndsOn: string; revoked: boolean }[]): string | null {
  const ends = certificates.filter((c) => !c.revoked).map((c) => c.cohortEndsOn.slice(0, 10));
  return ends.length ? ends.reduce((a, b) => (b < a ? b : a)) : null;
}

/** The employment checks of a person after her training: each recorded, due, or later; none if she was not trained. */
export function employmentCheckSchedule(input: {
  certificates: readonly { cohortEndsOn: string; revoked: boolean }[];
  recorded: readonly number[];
  today: string;
}): ScheduledFollowUp<EmploymentCheckMonths>[] {
  return milestoneSchedule(trainingEndOf(input.certificates), EMPLOYMENT_CHECK_MONTHS, input.recorded, input.today);
}

/**
 * What the applicant's home panel shows of her trainings, placement and coaching lists
 * (`applicantPanelOf`), in the page's language only: the loader data sent to the browser
 * carries no other language's titles nor the fields the panel does not show (issue 19).
 */
export function applicantPanelShown(data: ApplicantPanelRead, locale: Locale) {
  return {
    userId: data.userId,
    trainings: data.trainings.map((r) =>
      inOneLanguage(
        {
          registrationId: r.registrationId,
          trainingId: r.trainingId,
          status: r.status,
          titleFr: r.titleFr,
          titleAr: r.titleAr,
          titleEn: r.titleEn,
          startsOn: r.startsOn,
          certificateId: r.certificateId,
        },
        "title",
        locale,
      ),
    ),
    placement: data.placement
      ? {
          hostName: data.placement.hostName,
          status: data.placement.status,
          startsOn: data.placement.startsOn,
          endsOn: data.placement.endsOn,
        }
      : null,
    actions: data.actions,
    coach: data.coach,
    appointments: data.appointments.map((a) => ({ id: a.id, startsAt: a.startsAt, coachName: a.coachName })),
    sessions: data.sessions.map((s) => inOneLanguage(inOneLanguage(s, "title", locale), "place", locale)),
  };
}
