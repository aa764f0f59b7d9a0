import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    uniqueIndex("coach_assignments_current_key").on(t.beneficiaryId).where(sql`${t.endedAt} is null`),
    index("coach_assignments_coach_idx").on(t.coachId),
    check("coach_assignments_not_self_check", sql`${t.coachId} <> ${t.beneficiaryId}`),
  ],
);

export type CoachAssignment = typeof coachAssignments.$inferSelect;
