import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Which coach follows which beneficiary. One table for every module that needs it
 * (plan comments, trainings, internships, caseloads). A beneficiary has at most one
 * current coach; ending an assignment keeps it as history.
 */
export const coachAssignments = pgTable(
  "coach_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    coachId: uuid()
      .notNull()
      .references(() => users.id),
    beneficiaryId: uuid()
      .notNull()
      .references(() => users.id),
    assignedById: uuid().references(() => users.id),
    note: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
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
    id: uuid().primaryKey().defaultRandom(),
    beneficiaryId: uuid()
      .notNull()
      .references(() => users.id),
    coachId: uuid()
      .notNull()
      .references(() => users.id),
    heldOn: date({ mode: "string" }).notNull(),
    goals: text().notNull(),
    obstacles: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("guidance_sessions_beneficiary_idx").on(t.beneficiaryId, t.heldOn)],
);

/** An agreed next step with its due date: what the caseload shows as "next action". */
export const coachingActions = pgTable(
  "coaching_actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    beneficiaryId: uuid()
      .notNull()
      .references(() => users.id),
    coachId: uuid()
      .notNull()
      .references(() => users.id),
    guidanceSessionId: uuid().references(() => guidanceSessions.id),
    description: text().notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("coaching_actions_beneficiary_idx").on(t.beneficiaryId, t.dueOn)],
);

/** Job-search support over a period: CVs sent, interviews obtained, contacts made. */
export const jobSearchLogs = pgTable(
  "job_search_logs",
  {
    id: uuid().primaryKey().defaultRandom(),
    beneficiaryId: uuid()
      .notNull()
      .references(() => users.id),
    coachId: uuid()
      .notNull()
      .references(() => users.id),
    loggedOn: date({ mode: "string" }).notNull(),
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
    id: uuid().primaryKey().defaultRandom(),
    beneficiaryId: uuid()
      .notNull()
      .references(() => users.id),
    coachId: uuid()
      .notNull()
      .references(() => users.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    /** when the reminder is due: 09:00 on the Morocco day before (coaching/rules.ts) */
    remindAt: timestamp({ withTimezone: true }).notNull(),
    remindedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
