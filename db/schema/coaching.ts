import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, instant, stamp, day, ref } from "./columns";
import { users } from "./auth";
import { employmentStatusEnum } from "./internships";

/**
 * Which coach follows which beneficiary. One table for every module that needs it
 * (plan comments, trainings, internships, caseloads). A beneficiary has at most one
 * current coach; ending an assignment keeps it as history.
 */
export const coachAssignments = pgTable(
  "coach_assignments",
  {
    id: id(),
    coachId: ref(() => users.id).notNull(),
    beneficiaryId: ref(() => users.id).notNull(),
    assignedById: ref(() => users.id),
    note: text(),
    startedAt: stamp(),
    endedAt: instant(),
  },
  (t) => [
    uniqueIndex("coach_assignments_current_key")
      .on(t.beneficiaryId)
      .where(sql`${t.endedAt} is null`),
    index("coach_assignments_coach_idx").on(t.coachId),
    check("coach_assignments_not_self_check", sql`${t.coachId} <> ${t.beneficiaryId}`),
  ],
);

export type CoachAssignment = typeof coachAssignments.$inferSelect;

/** An orientation interview: goals and obstacles, with next steps in `coachingActions`. */
export const guidanceSessions = pgTable(
  "guidance_sessions",
  {
    id: id(),
    beneficiaryId: ref(() => users.id).notNull(),
    coachId: ref(() => users.id).notNull(),
    heldOn: day().notNull(),
    goals: text().notNull(),
    obstacles: text().notNull().default(""),
    createdAt: stamp(),
  },
  (t) => [index("guidance_sessions_beneficiary_idx").on(t.beneficiaryId, t.heldOn)],
);

/** An agreed next step with its due date: what the caseload shows as "next action". */
export const coachingActions = pgTable(
  "coaching_actions",
  {
    id: id(),
    beneficiaryId: ref(() => users.id).notNull(),
    coachId: ref(() => users.id).notNull(),
    guidanceSessionId: ref(() => guidanceSessions.id),
    description: text().notNull(),
    dueOn: day().notNull(),
    doneAt: instant(),
    createdAt: stamp(),
  },
  (t) => [index("coaching_actions_beneficiary_idx").on(t.beneficiaryId, t.dueOn)],
);

/** Job-search support over a period: CVs sent, interviews obtained, contacts made. */
export const jobSearchLogs = pgTable(
  "job_search_logs",
  {
    id: id(),
    beneficiaryId: ref(() => users.id).notNull(),
    coachId: ref(() => users.id).notNull(),
    loggedOn: day().notNull(),
    cvsSent: integer().notNull().default(0),
    interviews: integer().notNull().default(0),
    contacts: integer().notNull().default(0),
    notes: text().notNull().default(""),
  },
  (t) => [
    index("job_search_logs_beneficiary_idx").on(t.beneficiaryId),
    check("job_search_logs_counts_check", sql`${t.cvsSent} >= 0 and ${t.interviews} >= 0 and ${t.contacts} >= 0`),
  ],
);

/**
 * A follow-up appointment a coach sets with a beneficiary: the person is told the day and
 * time when it is set, moved or cancelled, and reminded the day before. One live
 * appointment per person and instant, so a form sent twice does not tell her twice.
 * `remindedAt` is set in the transaction that writes the reminder (a conditional update),
 * so two servers never remind her twice; it is also set when the message that set or
 * moved the appointment came after `remindAt` and serves as the reminder.
 */
export const coachingAppointments = pgTable(
  "coaching_appointments",
  {
    id: id(),
    beneficiaryId: ref(() => users.id).notNull(),
    coachId: ref(() => users.id).notNull(),
    startsAt: instant().notNull(),
    /** when the reminder is due: 09:00 on the Morocco day before (coaching/rules.ts) */
    remindAt: instant().notNull(),
    remindedAt: instant(),
    cancelledAt: instant(),
    createdAt: stamp(),
  },
  (t) => [
    uniqueIndex("coaching_appointments_once_key")
      .on(t.beneficiaryId, t.startsAt)
      .where(sql`${t.cancelledAt} is null`),
    // the reminders still to write, for the outbox worker's round
    index("coaching_appointments_remind_idx")
      .on(t.remindAt)
      .where(sql`${t.remindedAt} is null and ${t.cancelledAt} is null`),
  ],
);

/**
 * Whether a person trained by the programme is employed 3 and 6 months after the end of
 * her training (issue 16: employment outcomes cover everyone trained, not only interns).
 * One check per person and milestone, recorded by her coach; an internship's own checks
 * stay on the placement (`placement_outcomes`). Why this way: the decision record
 * "employment outcomes after training".
 */
export const trainingOutcomes = pgTable(
  "training_outcomes",
  {
    id: id(),
    userId: ref(() => users.id).notNull(),
    monthsAfter: integer().notNull(),
    employmentStatus: employmentStatusEnum().notNull(),
    recordedOn: day().notNull(),
    recordedById: ref(() => users.id).notNull(),
    recordedAt: stamp(),
  },
  (t) => [
    uniqueIndex("training_outcomes_user_months_key").on(t.userId, t.monthsAfter),
    check("training_outcomes_months_check", sql`${t.monthsAfter} in (3, 6)`),
    check("training_outcomes_status_check", sql`${t.employmentStatus} <> 'hired_by_host'`),
  ],
);
