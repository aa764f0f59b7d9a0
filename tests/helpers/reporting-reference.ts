/**
 * The reference for the reporting tests: the indicators counted plainly, by joins of
 * events to groups. No page reads them (the dashboard runs reachTotals, monthlyTotals and
 * outputTotals of app/modules/reporting/queries.server.ts); the tests hold the page's
 * statements equal to these.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  ACTIVITIES,
  ACTIVITY_SPECS,
  FRAMEWORKS,
  frameworkPairs,
  type ActivityKey,
} from "../../app/modules/reporting/frameworks";
import {
  dimensionColumns,
  eventsSql,
  personsSql,
  reachCtes,
  toOutputRow,
  toReachRows,
  type IndicatorSnapshot,
  type OutputRow,
  type ReachRow,
  type ReportFilter,
} from "../../app/modules/reporting/indicator-sql.server";
import type { Dimension } from "../../app/modules/reporting/rules";
import { monthlyTotals, outputTotals, reachTotals } from "../../app/modules/reporting/queries.server";
import type { Sources } from "../../app/modules/reporting/sources.server";

const GROUPING = sql.raw(`grouping sets ((k), (k, sex), (k, age_band), (k, nationality), (k, migrant), (k, region))`);

/** The pairs (activity, group key) an indicator counts over. */
type KeyPair = { activity: ActivityKey; key: string };

/**
 * Distinct people reached per group, with every disaggregation in one statement,
 * and "all" for the people reached by any of the groups (each counted once).
 * Ages are computed at the end of the period, never stored.
 */
async function reach(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
  pairs: readonly KeyPair[],
  withDimensions: boolean,
): Promise<ReachRow[]> {
  const activities = [...new Set(pairs.map((p) => p.activity))];
  const events = eventsSql(sources, activities, filter);
  if (!events || pairs.length === 0) return [];
  const keys = sql.join(
    pairs.map((p) => sql`(${p.activity}::text, ${p.key}::text)`),
    sql`, `,
  );
  const g = (d: Dimension) => sql.raw(`grouping(${d})::int as g_${d}`);
  if (!withDimensions) {
    // totals only: no person needs describing
    const totals = await db.execute(sql`
      with ev as (${events}),
      keys(activity, k) as (values ${keys}),
      ap as materialized (select distinct activity, person_key from ev),
      kp as materialized (select distinct keys.k, ap.person_key from ap join keys on keys.activity = ap.activity)
      select k, 1 as g_sex, 1 as g_age_band, 1 as g_nationality, 1 as g_migrant, 1 as g_region, count(*)::int as persons from kp group by k
      union all
      select 'all', 1, 1, 1, 1, 1, count(distinct person_key)::int from kp`);
    return toReachRows(totals as unknown as Record<string, unknown>[]);
  }
  const dims = dimensionColumns(filter.to);
  const result = await db.execute(sql`
    with ev as (${events}),
    keys(activity, k) as (values ${keys}),
    ap as materialized (select distinct activity, person_key from ev),
      kp as materialized (select distinct keys.k, ap.person_key from ap join keys on keys.activity = ap.activity),
    who as materialized (select distinct person_key from kp),
    -- describe only the people reached: the filter reaches into each source of people
    people as (select * from (${personsSql(sources)}) p where p.person_key in (select person_key from who)),
    pdim as materialized (
      select who.person_key, ${dims.columns}
      from who left join people p on p.person_key = who.person_key ${dims.age}
    ),
    d as (
      select kp.k, pdim.sex, pdim.age_band, pdim.nationality, pdim.migrant, pdim.region from kp join pdim on pdim.person_key = kp.person_key
      union all
      select 'all', sex, age_band, nationality, migrant, region from pdim
    )
    select k, sex, age_band, nationality, migrant, region,
      ${g("sex")}, ${g("age_band")}, ${g("nationality")}, ${g("migrant")}, ${g("region")},
      count(*)::int as persons
    from d group by ${GROUPING}
  `);
  return toReachRows(result as unknown as Record<string, unknown>[]);
}

/** Indicator: people reached by each of the four results, disaggregated. */
export function reachByResult(db: Executor, sources: Sources, filter: ReportFilter): Promise<ReachRow[]> {
  const pairs = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach).map((a) => ({
    activity: a,
    key: ACTIVITY_SPECS[a].result,
  }));
  return reach(db, sources, filter, pairs, true);
}

/** Indicator: people reached per objective of the SNIA, the GCM and the SDGs ("snia:OS5"...). */
export function reachByFramework(db: Executor, sources: Sources, filter: ReportFilter): Promise<ReachRow[]> {
  const pairs = FRAMEWORKS.flatMap((f) =>
    frameworkPairs(f)
      .filter((p) => ACTIVITY_SPECS[p.activity].reach)
      .map((p) => ({ activity: p.activity, key: `${f}:${p.objective}` })),
  );
  return reach(db, sources, filter, pairs, false);
}

/** Indicator: outputs per activity and sub-category (consultations, referrals by status, nights...). */
export async function outputs(db: Executor, sources: Sources, filter: ReportFilter): Promise<OutputRow[]> {
  const events = eventsSql(sources, ACTIVITIES, filter);
  if (!events) return [];
  const rows = await db.execute(sql`
    with ev as (${events})
    select activity, detail, count(*)::int as events, sum(quantity)::bigint as quantity,
      sum(value_centimes)::bigint as value_centimes, count(distinct person_key)::int as persons
    from ev group by activity, detail order by activity, detail nulls first`);
  return (rows as unknown as Record<string, unknown>[]).map(toOutputRow);
}

/** Indicator: people reached per result and month ("YYYY-MM"). */
export async function monthlyReach(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<{ key: string; month: string; persons: number }[]> {
  const reach = reachCtes(sources, filter);
  if (!reach) return [];
  const rows = await db.execute(sql`
    with ${reach}
    select keys.k, to_char(date_trunc('month', ev.occurred_on), 'YYYY-MM') as month, count(distinct ev.person_key)::int as persons
    from ev join keys on keys.activity = ev.activity
    group by 1, 2 order by 2, 1`);
  return (rows as unknown as Record<string, unknown>[]).map((r) => ({
    key: String(r.k),
    month: String(r.month),
    persons: Number(r.persons),
  }));
}

/** Every indicator of the dashboard: its three statements, one after another. */
export async function indicatorSnapshot(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<IndicatorSnapshot> {
  const people = await reachTotals(db, sources, filter);
  const monthly = await monthlyTotals(db, sources, filter);
  return { ...people, monthly, outputs: await outputTotals(db, sources, filter) };
}
