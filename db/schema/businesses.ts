import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, stamp, day, ref } from "./columns";
import { users } from "./auth";
import { grantAwards } from "./grants";

/**
 * A funded business visited by the coach 3, 6 and 12 months after its grant's last
 * tranche: still running, monthly revenue band, jobs created (and for whom), formalised.
 * One visit per award and milestone; the counts hold together in the database.
 */
export const businessFollowUps = pgTable(
  "business_follow_ups",
  {
    id: id(),
    awardId: ref(() => grantAwards.id).notNull(),
    monthsAfter: integer().notNull(),
    visitedOn: day().notNull(),
    stillRunning: boolean().notNull(),
    /** a code of REVENUE_BANDS (app/modules/businesses/rules.ts); null when it has closed */
    revenueBand: text(),
    jobsCreated: integer().notNull().default(0),
    jobsWomen: integer().notNull().default(0),
    jobsMigrants: integer().notNull().default(0),
    formalised: boolean().notNull().default(false),
    recordedById: ref(() => users.id).notNull(),
    recordedAt: stamp(),
  },
  (t) => [
    uniqueIndex("business_follow_ups_award_months_key").on(t.awardId, t.monthsAfter),
    check("business_follow_ups_months_check", sql`${t.monthsAfter} in (3, 6, 12)`),
    check(
      "business_follow_ups_jobs_check",
      sql`${t.jobsCreated} between 0 and 1000 and ${t.jobsWomen} between 0 and ${t.jobsCreated} and ${t.jobsMigrants} between 0 and ${t.jobsCreated}`,
    ),
    check(
      "business_follow_ups_revenue_check",
      sql`(${t.stillRunning} and ${t.revenueBand} in ('none', 'under_2000', '2000_5000', '5000_10000', 'over_10000')) or (not ${t.stillRunning} and ${t.revenueBand} is null)`,
    ),
  ],
);
