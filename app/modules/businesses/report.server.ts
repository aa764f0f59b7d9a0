/**
 * What the reports read of funded businesses after launch: per milestone (3, 6 and 12
 * months after the last tranche), the visits dated in the period, the businesses still
 * running and the jobs created, aggregated in SQL. The programme's figures: a business
 * belongs to a grant, not to an association, so an association's report has none.
 */
import { and, gte, lte } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { businessFollowUps } from "~db/schema";
import { FOLLOW_UP_MONTHS } from "./rules";
import type { BusinessOutcome } from "./report";

export async function countBusinessOutcomes(
  db: Executor,
  period: { from: string; to: string },
): Promise<BusinessOutcome[]> {
  const rows = await db
    .select({
      months: businessFollowUps.monthsAfter,
      visited: sql<number>`count(*)::int`,
      running: sql<number>`(count(*) filter (where ${businessFollowUps.stillRunning}))::int`,
      jobs: sql<number>`coalesce(sum(${businessFollowUps.jobsCreated}), 0)::int`,
      jobsWomen: sql<number>`coalesce(sum(${businessFollowUps.jobsWomen}), 0)::int`,
      jobsMigrants: sql<number>`coalesce(sum(${businessFollowUps.jobsMigrants}), 0)::int`,
    })
    .from(businessFollowUps)
    .where(and(gte(businessFollowUps.visitedOn, period.from), lte(businessFollowUps.visitedOn, period.to)))
    .groupBy(businessFollowUps.monthsAfter);
  return FOLLOW_UP_MONTHS.map((months) => {
    const r = rows.find((x) => x.months === months);
    return {
      months,
      visited: r?.visited ?? 0,
      running: r?.running ?? 0,
      jobs: r?.jobs ?? 0,
      jobsWomen: r?.jobsWomen ?? 0,
      jobsMigrants: r?.jobsMigrants ?? 0,
    };
  });
}
