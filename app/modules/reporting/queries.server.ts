/**
 * The indicator queries. Each one aggregates in PostgreSQL (grouping sets, distinct
 * people counted in SQL) and returns a few dozen rows; no record is ever loaded
 * into Node to be counted. Scoping (period, association) is applied in SQL.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "~db/client";
import { budgetLines, exchangeRates, programmeBudget } from "~db/schema";
import { ACTIVITIES, ACTIVITY_SPECS, FRAMEWORKS, frameworkPairs, type ActivityKey } from "./frameworks";
import { ageBandCaseSql, isIsoDate, BUDGET_LINES, DEFAULT_BUDGET_USD_CENTS, type BudgetLineKey, type DatedRate, type MoneyByDay, type Period } from "./rules";
import type { Sources } from "./sources.server";

export type ReportFilter = Period & { organisationId: string | null };
export const DIMENSIONS = ["sex", "age_band", "nationality", "migrant", "region"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A count of distinct people: `key` is the group ("all" for everyone), `dimension` null for the total. */
export type ReachRow = { key: string; dimension: Dimension | null; category: string | null; persons: number };

function wiredActivities(sources: Sources): ActivityKey[] {
  return ACTIVITIES.filter((a) => sources.events[a] !== undefined);
}

/** All wired events of the given activities, in one shape, filtered by period and association. */
function eventsSql(sources: Sources, activities: readonly ActivityKey[], filter: ReportFilter): SQL | null {
  const parts = activities
    .filter((a) => sources.events[a])
    .map(
      (a) => sql`select ${a}::text as activity, s.person_key::text as person_key, s.occurred_on::date as occurred_on,
        s.organisation_id::uuid as organisation_id, s.detail::text as detail,
        coalesce(s.quantity, 1)::bigint as quantity, coalesce(s.value_centimes, 0)::bigint as value_centimes
        from (${sources.events[a]}) s
        where s.occurred_on >= ${filter.from}::date and s.occurred_on <= ${filter.to}::date
        ${filter.organisationId ? sql`and s.organisation_id = ${filter.organisationId}::uuid` : sql``}`,
    );
  if (parts.length === 0) return null;
  return sql.join(parts, sql` union all `);
}

function personsSql(sources: Sources): SQL {
  return (
    sources.persons ??
    sql`select null::text as person_key, null::text as sex, null::date as birth_date, null::text as nationality, null::boolean as is_migrant, null::text as region where false`
  );
}

/** The dimensions of a person, unknowns as 'unknown' so that grouping sets can tell them from roll-ups. */
function dimensionColumns(reference: string): SQL {
  // the reference date is written into the statement: only a checked ISO date may get there
  if (!isIsoDate(reference)) throw new Error("reference date must be YYYY-MM-DD");
  const age = `extract(year from age(${`'${reference}'::date`}, p.birth_date))::int`;
  return sql`coalesce(p.sex, 'unknown') as sex,
    coalesce(${sql.raw(ageBandCaseSql(age))}, 'unknown') as age_band,
    coalesce(p.nationality, 'unknown') as nationality,
    case when p.is_migrant is null then 'unknown' when p.is_migrant then 'migrant' else 'national' end as migrant,
    coalesce(p.region, 'unknown') as region`;
}

const GROUPING = sql.raw(`grouping sets ((k), (k, sex), (k, age_band), (k, nationality), (k, migrant), (k, region))`);

function toReachRows(rows: Record<string, unknown>[]): ReachRow[] {
  return rows.map((r) => {
    let dimension: Dimension | null = null;
    for (const d of DIMENSIONS) if (r[`g_${d}`] === 0) dimension = d;
    return {
      key: String(r.k),
      dimension,
      category: dimension ? String(r[dimension]) : null,
      persons: Number(r.persons),
    };
  });
}

/** The pairs (activity, group key) an indicator counts over. */
type KeyPair = { activity: ActivityKey; key: string };

/**
 * Distinct people reached per group, with every disaggregation in one statement,
 * and "all" for the people reached by any of the groups (each counted once).
 * Ages are computed at the end of the period, never stored.
 */
async function reach(db: Executor, sources: Sources, filter: ReportFilter, pairs: readonly KeyPair[], withDimensions: boolean): Promise<ReachRow[]> {
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
  const result = await db.execute(sql`
    with ev as (${events}),
    keys(activity, k) as (values ${keys}),
    ap as materialized (select distinct activity, person_key from ev),
      kp as materialized (select distinct keys.k, ap.person_key from ap join keys on keys.activity = ap.activity),
    who as materialized (select distinct person_key from kp),
    -- describe only the people reached: the filter reaches into each source of people
    people as (select * from (${personsSql(sources)}) p where p.person_key in (select person_key from who)),
    pdim as materialized (
      select who.person_key, ${dimensionColumns(filter.to)}
      from who left join people p on p.person_key = who.person_key
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
  const pairs = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach).map((a) => ({ activity: a, key: ACTIVITY_SPECS[a].result }));
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

export type OutputRow = { activity: ActivityKey; detail: string | null; events: number; quantity: number; valueCentimes: number; persons: number };

/** Indicator: outputs per activity and sub-category (consultations, referrals by status, nights...). */
export async function outputs(db: Executor, sources: Sources, filter: ReportFilter): Promise<OutputRow[]> {
  const events = eventsSql(sources, ACTIVITIES, filter);
  if (!events) return [];
  const rows = await db.execute(sql`
    with ev as (${events})
    select activity, detail, count(*)::int as events, sum(quantity)::bigint as quantity,
      sum(value_centimes)::bigint as value_centimes, count(distinct person_key)::int as persons
    from ev group by activity, detail order by activity, detail nulls first`);
  return (rows as unknown as Record<string, unknown>[]).map((r) => ({
    activity: r.activity as ActivityKey,
    detail: r.detail === null ? null : String(r.detail),
    events: Number(r.events),
    quantity: Number(r.quantity),
    valueCentimes: Number(r.value_centimes),
    persons: Number(r.persons),
  }));
}

/** Indicator: people reached per result and month ("YYYY-MM"). */
export async function monthlyReach(db: Executor, sources: Sources, filter: ReportFilter): Promise<{ key: string; month: string; persons: number }[]> {
  const reachActivities = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach);
  const events = eventsSql(sources, reachActivities, filter);
  if (!events) return [];
  const keys = sql.join(
    reachActivities.map((a) => sql`(${a}::text, ${ACTIVITY_SPECS[a].result}::text)`),
    sql`, `,
  );
  const rows = await db.execute(sql`
    with ev as (${events}), keys(activity, k) as (values ${keys})
    select keys.k, to_char(date_trunc('month', ev.occurred_on), 'YYYY-MM') as month, count(distinct ev.person_key)::int as persons
    from ev join keys on keys.activity = ev.activity
    group by 1, 2 order by 2, 1`);
  return (rows as unknown as Record<string, unknown>[]).map((r) => ({ key: String(r.k), month: String(r.month), persons: Number(r.persons) }));
}

/** Indicator (authorised staff only): people reached per result and vulnerability category. */
export async function reachByVulnerability(db: Executor, sources: Sources, filter: ReportFilter): Promise<{ key: string; category: string; persons: number }[]> {
  const reachActivities = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach);
  const events = eventsSql(sources, reachActivities, filter);
  if (!events) return [];
  const keys = sql.join(
    reachActivities.map((a) => sql`(${a}::text, ${ACTIVITY_SPECS[a].result}::text)`),
    sql`, `,
  );
  if (sources.vulnerabilities) {
    const rows = await db.execute(sql`
      with ev as (${events}), keys(activity, k) as (values ${keys}),
      kp as (select distinct keys.k, ev.person_key from ev join keys on keys.activity = ev.activity),
      v as (${sources.vulnerabilities})
      select k, category, count(distinct kp.person_key)::int as persons from (
        select kp.k, kp.person_key, v.category from kp join v on v.person_key = kp.person_key
        union all
        select 'all', kp.person_key, v.category from kp join v on v.person_key = kp.person_key
      ) kp group by 1, 2 order by 1, 2`);
    return (rows as unknown as Record<string, unknown>[]).map((r) => ({ key: String(r.k), category: String(r.category), persons: Number(r.persons) }));
  }
  const sealed = sources.sealedVulnerabilities;
  if (!sealed) return [];
  // encrypted at rest: SQL narrows to the people reached and their latest assessment,
  // the application opens each once and counts
  const rows = (await db.execute(sql`
    with ev as (${events}), keys(activity, k) as (values ${keys}),
    kp as (select distinct keys.k, ev.person_key from ev join keys on keys.activity = ev.activity),
    v as (${sealed.sql})
    select v.person_key, v.sealed, array_agg(distinct kp.k) as keys
    from kp join v on v.person_key = kp.person_key group by v.person_key, v.sealed`)) as unknown as { person_key: string; sealed: string; keys: string[] }[];
  const counts = new Map<string, Set<string>>();
  for (const row of rows) {
    let categories: string[] = [];
    try {
      categories = sealed.open(row.sealed);
    } catch {
      continue; // a record sealed with another key is not counted rather than crashing the page
    }
    for (const category of new Set(categories)) {
      for (const key of [...row.keys, "all"]) {
        const id = `${key}\u0000${category}`;
        const set = counts.get(id) ?? new Set<string>();
        set.add(row.person_key);
        counts.set(id, set);
      }
    }
  }
  return [...counts]
    .map(([id, people]) => {
      const [key = "", category = ""] = id.split("\u0000");
      return { key, category, persons: people.size };
    })
    .sort((a, b) => a.key.localeCompare(b.key) || a.category.localeCompare(b.category));
}

/** Money per line, day and kind, summed in SQL over the records and the manual entries. */
export async function moneyByDay(db: Executor, sources: Sources, until: string): Promise<MoneyByDay[]> {
  if (sources.money.length === 0) return [];
  const union = sql.join(
    sources.money.map((m) => sql`select line_key::text as line_key, day::date as day, kind::text as kind, mad_centimes::bigint as mad_centimes from (${m}) m`),
    sql` union all `,
  );
  const rows = await db.execute(sql`
    select line_key, to_char(day, 'YYYY-MM-DD') as day, kind, sum(mad_centimes)::bigint as mad
    from (${union}) u where day <= ${until}::date
    group by 1, 2, 3 order by 2`);
  return (rows as unknown as Record<string, unknown>[])
    .filter((r) => (BUDGET_LINES as readonly string[]).includes(String(r.line_key)))
    .map((r) => ({
      line: r.line_key as BudgetLineKey,
      day: String(r.day),
      kind: r.kind === "committed" ? "committed" : "spent",
      madCentimes: Number(r.mad),
    }));
}

export async function getBudget(db: Executor) {
  const [budget] = await db.select().from(programmeBudget).limit(1);
  const lines = await db.select().from(budgetLines);
  const rates = await db.select().from(exchangeRates).orderBy(exchangeRates.effectiveOn);
  return {
    totalUsdCents: budget?.totalUsdCents ?? DEFAULT_BUDGET_USD_CENTS,
    startsOn: budget?.startsOn ?? null,
    endsOn: budget?.endsOn ?? null,
    planned: BUDGET_LINES.map((line) => ({ line, plannedUsdCents: lines.find((l) => l.lineKey === line)?.plannedUsdCents ?? 0 })),
    rates: rates.map((r): DatedRate & { id: string } => ({ id: r.id, effectiveOn: r.effectiveOn, madPerUsdE4: r.madPerUsdE4 })),
  };
}

export { wiredActivities };

/** The home panel's one figure: distinct people reached this quarter, for the actor's scope. */
export async function reachedThisQuarter(db: Executor, sources: Sources, filter: ReportFilter): Promise<number> {
  const rows = await reach(
    db,
    sources,
    filter,
    ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach).map((a) => ({ activity: a, key: ACTIVITY_SPECS[a].result })),
    false,
  );
  return rows.find((r) => r.key === "all")?.persons ?? 0;
}

export type IndicatorSnapshot = {
  reach: ReachRow[];
  frameworks: ReachRow[];
  outputs: OutputRow[];
  monthly: { key: string; month: string; persons: number }[];
};

/**
 * Every indicator of the dashboard in one statement and one pass over the events:
 * the events are first folded to (activity, detail, person, month) with their
 * counts, and each indicator is an aggregation of that. Same figures as the
 * indicator functions above (a test holds them equal), a fraction of the work.
 */
export async function indicatorSnapshot(db: Executor, sources: Sources, filter: ReportFilter): Promise<IndicatorSnapshot> {
  const events = eventsSql(sources, ACTIVITIES, filter);
  const empty: IndicatorSnapshot = { reach: [], frameworks: [], outputs: [], monthly: [] };
  if (!events) return empty;
  const reachActivities = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach);
  const resultKeys = sql.join(
    reachActivities.map((a) => sql`(${a}::text, ${ACTIVITY_SPECS[a].result}::text)`),
    sql`, `,
  );
  const frameworkKeys = sql.join(
    FRAMEWORKS.flatMap((f) =>
      frameworkPairs(f)
        .filter((p) => ACTIVITY_SPECS[p.activity].reach)
        .map((p) => sql`(${p.activity}::text, ${`${f}:${p.objective}`}::text)`),
    ),
    sql`, `,
  );
  const result = (await db.execute(sql`
    with ev as (${events}),
    g as materialized (
      select activity, detail, person_key, to_char(date_trunc('month', occurred_on), 'YYYY-MM') as month,
        count(*)::bigint as n, sum(quantity)::bigint as q, sum(value_centimes)::bigint as v
      from ev group by 1, 2, 3, 4
    ),
    ap as materialized (select distinct activity, person_key from g),
    rk(activity, k) as (values ${resultKeys}),
    fk(activity, k) as (values ${frameworkKeys}),
    kp as materialized (select distinct rk.k, ap.person_key from ap join rk on rk.activity = ap.activity),
    who as materialized (select distinct person_key from kp),
    people as (select * from (${personsSql(sources)}) p where p.person_key in (select person_key from who)),
    pdim as materialized (
      select who.person_key, ${dimensionColumns(filter.to)}
      from who left join people p on p.person_key = who.person_key
    ),
    d as (
      select kp.k, pdim.sex, pdim.age_band, pdim.nationality, pdim.migrant, pdim.region from kp join pdim on pdim.person_key = kp.person_key
      union all
      select 'all', sex, age_band, nationality, migrant, region from pdim
    )
    select 'reach' as section, k, sex, age_band, nationality, migrant, region,
      grouping(sex)::int as g_sex, grouping(age_band)::int as g_age_band, grouping(nationality)::int as g_nationality,
      grouping(migrant)::int as g_migrant, grouping(region)::int as g_region,
      count(*)::int as persons, null::text as month, null::text as activity, null::text as detail,
      0::bigint as events, 0::bigint as quantity, 0::bigint as value_centimes
    from d group by ${GROUPING}
    union all
    select 'framework', k, null, null, null, null, null, 1, 1, 1, 1, 1, count(person_key)::int, null, null, null, 0, 0, 0
    from (select distinct fk.k, ap.person_key from ap join fk on fk.activity = ap.activity) fp group by k
    union all
    select 'monthly', k, null, null, null, null, null, 1, 1, 1, 1, 1, count(person_key)::int, month, null, null, 0, 0, 0
    from (select distinct rk.k, g.month, g.person_key from g join rk on rk.activity = g.activity) mp group by k, month
    union all
    select 'output', null, null, null, null, null, null, 1, 1, 1, 1, 1, count(person_key)::int, null, activity, detail, sum(n)::bigint, sum(q)::bigint, sum(v)::bigint
    from (select activity, detail, person_key, sum(n) as n, sum(q) as q, sum(v) as v from g group by activity, detail, person_key) op
    group by activity, detail
  `)) as unknown as Record<string, unknown>[];
  const of = (section: string) => result.filter((r) => r.section === section);
  return {
    reach: toReachRows(of("reach")),
    frameworks: of("framework").map((r) => ({ key: String(r.k), dimension: null, category: null, persons: Number(r.persons) })),
    monthly: of("monthly")
      .map((r) => ({ key: String(r.k), month: String(r.month), persons: Number(r.persons) }))
      .sort((a, b) => a.month.localeCompare(b.month) || a.key.localeCompare(b.key)),
    outputs: of("output")
      .map((r) => ({
        activity: r.activity as ActivityKey,
        detail: r.detail === null ? null : String(r.detail),
        events: Number(r.events),
        quantity: Number(r.quantity),
        valueCentimes: Number(r.value_centimes),
        persons: Number(r.persons),
      }))
      .sort((a, b) => ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity) || (a.detail ?? "").localeCompare(b.detail ?? "")),
  };
}
