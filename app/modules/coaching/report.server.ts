/**
 * What the reports read of employment outcomes at 3 and 6 months: everyone trained (the
 * checks after a training) and every intern (an internship's checks), each person once per
 * milestone. A person checked twice at a milestone (trained, then an intern) counts at her
 * first check, in the period of its date: later figures never change a past period, and
 * the quarters add up to the year. Aggregated in SQL; the programme's figures only.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { EMPLOYED_STATUSES } from "~/modules/internships/constants";
import { EMPLOYMENT_CHECK_MONTHS } from "./rules";
import type { EmploymentOutcome } from "./report";

export async function countEmploymentOutcomes(
  db: Executor,
  period: { from: string; to: string },
): Promise<EmploymentOutcome[]> {
  const employed = sql.join(
    EMPLOYED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await db.execute<{ months: number; checked: number; employed: number }>(sql`
    with checks as (
      select user_id as person, months_after as months, employment_status::text as status, recorded_on, id
      from training_outcomes
      union all
      select p.beneficiary_id, case o.checkpoint when 'month_3' then 3 else 6 end, o.employment_status::text,
        o.recorded_on, o.id
      from placement_outcomes o join placements p on p.id = o.placement_id
      where o.checkpoint in ('month_3', 'month_6')
    ), firsts as (
      select distinct on (person, months) months, status, recorded_on
      from checks order by person, months, recorded_on, id
    )
    select months, count(*)::int as checked, (count(*) filter (where status in (${employed})))::int as employed
    from firsts where recorded_on between ${period.from} and ${period.to}
    group by months`);
  return EMPLOYMENT_CHECK_MONTHS.map((months) => {
    const r = [...rows].find((x) => Number(x.months) === months);
    return { months, checked: r?.checked ?? 0, employed: r?.employed ?? 0 };
  });
}
