/**
 * The indicator queries. Each one aggregates in PostgreSQL (grouping sets, distinct
 * people counted in SQL) and returns a few dozen rows; no record is ever loaded
 * into Node to be counted. Scoping (period, association) is applied in SQL.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "~db/client";
import { isIsoDate } from "~/lib/morocco-time";
import { budgetLines, exchangeRates, programmeBudget } from "~db/schema";
import { ACTIVITIES, ACTIVITY_SPECS, activityMasks, FRAMEWORKS, frameworkPairs, type ActivityKey } from "./frameworks";
import {
  ageBandCaseSql,
  isWholeMonths,
  BUDGET_LINES,
  DEFAULT_BUDGET_USD_CENTS,
  type BudgetLineKey,
  type DatedRate,
  type MoneyByDay,
  type Period,
} from "./rules";
import type { Sources } from "./sources.server";

export type ReportFilter = Period & { organisationId: string | null };
export const DIMENSIONS = ["sex", "age_band", "nationality", "migrant", "region"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A count of distinct people: `key` is the group ("all" for everyone), `dimension` null for the total. */
export type ReachRow = { key: string; dimension: Dimension | null; category: string | null; persons: number };

/** The events of the given activities, filtered by period and association. */
function eventsSql(sources: Sources, activities: readonly ActivityKey[], filter: ReportFilter): SQL | null {
  const wanted = activities.filter((a) => sources.wired.includes(a));
  if (!sources.events || wanted.length === 0) return null;
  const some = wanted.length < sources.wired.length;
  return sql`select s.activity::text as activity, s.person_key, s.occurred_on::date as occurred_on,
      s.organisation_id::uuid as organisation_id, s.detail::text as detail,
      coalesce(s.quantity, 1)::bigint as quantity, coalesce(s.value_centimes, 0)::bigint as value_centimes
    from (${sources.events}) s
    where s.occurred_on >= ${filter.from}::date and s.occurred_on <= ${filter.to}::date
    ${filter.organisationId ? sql`and s.organisation_id = ${filter.organisationId}::uuid` : sql``}
    ${
      some
        ? sql`and s.activity in (${sql.join(
            wanted.map((a) => sql`${a}`),
            sql`, `,
          )})`
        : sql``
    }`;
}

function personsSql(sources: Sources): SQL {
  return (
    sources.persons ??
    sql`select null::uuid as person_key, null::text as sex, null::date as birth_date, null::text as nationality, null::boolean as is_migrant, null::text as region where false`
  );
}

/**
 * The dimensions of a person `p`, unknowns as 'unknown' so that grouping sets can tell
 * them from roll-ups. The age at the reference date is computed once per person (the
 * lateral subquery, kept apart by `offset 0`), not once per age band.
 */
function dimensionColumns(reference: string): { columns: SQL; age: SQL } {
  // the reference date is written into the statement: only a checked ISO date may get there
  if (!isIsoDate(reference)) throw new Error("reference date must be YYYY-MM-DD");
  return {
    age: sql.raw(
      `cross join lateral (select extract(year from age('${reference}'::date, p.birth_date))::int as years offset 0) a`,
    ),
    columns: sql`coalesce(p.sex, 'unknown') as sex,
    coalesce(${sql.raw(ageBandCaseSql("a.years"))}, 'unknown') as age_band,
    coalesce(p.nationality, 'unknown') as nationality,
    case when p.is_migrant is null then 'unknown' when p.is_migrant then 'migrant' else 'national' end as migrant,
    coalesce(p.region, 'unknown') as region`,
  };
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

// The reference: the indicators counted by joins of events to groups, plainly. No page
// reads them (the dashboard uses reachTotals, monthlyTotals and outputTotals below);
// the reporting tests hold the page's statements equal to them.

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

export type OutputRow = {
  activity: ActivityKey;
  detail: string | null;
  events: number;
  quantity: number;
  valueCentimes: number;
  persons: number;
};

function toOutputRow(r: Record<string, unknown>): OutputRow {
  return {
    activity: r.activity as ActivityKey,
    detail: r.detail === null ? null : String(r.detail),
    events: Number(r.events),
    quantity: Number(r.quantity),
    valueCentimes: Number(r.value_centimes),
    persons: Number(r.persons),
  };
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
  return (rows as unknown as Record<string, unknown>[]).map((r) => ({
    key: String(r.k),
    month: String(r.month),
    persons: Number(r.persons),
  }));
}

/** Indicator (authorised staff only): people reached per result and vulnerability category. */
export async function reachByVulnerability(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<{ key: string; category: string; persons: number }[]> {
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
    return (rows as unknown as Record<string, unknown>[]).map((r) => ({
      key: String(r.k),
      category: String(r.category),
      persons: Number(r.persons),
    }));
  }
  const sealed = sources.sealedVulnerabilities;
  if (!sealed) return [];
  // encrypted at rest: SQL narrows to the people reached, with the mask of their
  // activities of the period (as reachTotals folds them), and their latest assessment;
  // the application opens each once and counts
  const { masks, bit, all } = maskSql();
  const months = personMonthMasks(sources, filter, bit);
  if (!months) return [];
  const rows = (await db.execute(sql`
    with pp as (select m.person_key, bit_or(m.mask) as mask from (${months}) m group by 1),
    v as (${sealed.sql})
    select v.person_key, v.sealed, pp.mask
    from pp join v on v.person_key = pp.person_key where pp.mask & ${all} <> 0`)) as unknown as {
    person_key: string;
    sealed: string;
    mask: number;
  }[];
  const results = masks.results.filter((r) => r.key !== "all");
  const counts = new Map<string, Set<string>>();
  for (const row of rows) {
    let categories: string[] = [];
    try {
      categories = sealed.open(row.sealed);
    } catch {
      continue; // a record sealed with another key is not counted rather than crashing the page
    }
    const keys = results.filter((r) => (Number(row.mask) & r.mask) !== 0).map((r) => r.key);
    for (const category of new Set(categories)) {
      for (const key of [...keys, "all"]) {
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
    sources.money.map(
      (m) =>
        sql`select line_key::text as line_key, day::date as day, kind::text as kind, mad_centimes::bigint as mad_centimes from (${m}) m`,
    ),
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
    planned: BUDGET_LINES.map((line) => ({
      line,
      plannedUsdCents: lines.find((l) => l.lineKey === line)?.plannedUsdCents ?? 0,
    })),
    rates: rates.map((r): DatedRate & { id: string } => ({
      id: r.id,
      effectiveOn: r.effectiveOn,
      madPerUsdE4: r.madPerUsdE4,
    })),
  };
}

/** The home panel's one figure: distinct people reached this quarter, for the actor's scope. */
export async function reachedThisQuarter(db: Executor, sources: Sources, filter: ReportFilter): Promise<number> {
  // the same fold as the dashboard's (a quarter reads the month rollup), counted only
  const { bit, all } = maskSql();
  const months = personMonthMasks(sources, filter, bit);
  if (!months) return 0;
  const [row] = (await db.execute(sql`
    select count(*)::int as persons from (select m.person_key, bit_or(m.mask) as mask from (${months}) m group by 1) pp
    where pp.mask & ${all} <> 0`)) as unknown as { persons: number }[];
  return Number(row?.persons ?? 0);
}

export type IndicatorSnapshot = {
  reach: ReachRow[];
  frameworks: ReachRow[];
  outputs: OutputRow[];
  monthly: { key: string; month: string; persons: number }[];
};

/** Activities as bits, and the groups' masks as counts, for the statements below. */
function maskSql() {
  const masks = activityMasks();
  // a CASE over the activity names (constants, never input) costs less than a join to a VALUES list
  const bit = sql.raw(
    `case ev.activity ${ACTIVITIES.map((a) => `when '${a}' then ${masks.bit[a]}`).join(" ")} else 0 end`,
  );
  // the masks are integers computed from constants, never input: safe to write into the statement
  const counts = (groups: { mask: number }[], prefix: string) =>
    sql.raw(
      groups
        .map((g, i) => `count(*) filter (where mask & ${Math.trunc(g.mask)} <> 0)::int as ${prefix}${i}`)
        .join(", "),
    );
  const unpivot = (groups: { key: string }[], prefix: string) =>
    sql.join(
      groups.map((g, i) => sql`(${g.key}::text, ${sql.raw(`agg.${prefix}${i}`)})`),
      sql`, `,
    );
  const all = sql.raw(String(Math.trunc(masks.results.find((r) => r.key === "all")?.mask ?? 0)));
  return { masks, bit, counts, unpivot, all };
}

/**
 * Each person's activity mask per month, from the month rollup when the period is
 * whole months (and the sources have one), else folded from the events.
 */
function personMonthMasks(sources: Sources, filter: ReportFilter, bit: SQL): SQL | null {
  if (sources.personMonths && isWholeMonths(filter)) {
    return sql`select pm.person_key, pm.month, pm.mask from (${sources.personMonths}) pm
      where pm.month >= ${filter.from}::date and pm.month <= ${filter.to}::date
      ${filter.organisationId ? sql`and pm.organisation_id = ${filter.organisationId}::uuid` : sql``}`;
  }
  const events = eventsSql(sources, ACTIVITIES, filter);
  if (!events) return null;
  return sql`select ev.person_key, ev.occurred_on - (extract(day from ev.occurred_on)::int - 1) as month, ${bit} as mask from (${events}) ev`;
}

/**
 * People reached per result, every disaggregation and every framework objective, in
 * one statement and one pass over the events. Each person's activities of the period
 * fold into one bit mask (see `activityMasks`); the reach of a group is the number of
 * people whose mask meets the group's, over one row per person, instead of joins of
 * people to groups. Same figures as the indicator functions above, which count by
 * joins (a test holds them equal).
 */
export async function reachTotals(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<Pick<IndicatorSnapshot, "reach" | "frameworks">> {
  const dims = dimensionColumns(filter.to);
  const { masks, bit, counts, unpivot, all } = maskSql();
  const months = personMonthMasks(sources, filter, bit);
  if (!months) return { reach: [], frameworks: [] };
  const rows = (await db.execute(sql`
    with pp as materialized (
      select m.person_key, bit_or(m.mask) as mask from (${months}) m group by 1
    ),
    pdim as (
      select pp.mask, ${dims.columns}
      from pp left join (${personsSql(sources)}) p on p.person_key = pp.person_key ${dims.age}
      where pp.mask & ${all} <> 0
    )
    select 'reach' as section, v.k, sex, age_band, nationality, migrant, region,
      g_sex, g_age_band, g_nationality, g_migrant, g_region, v.persons
    from (
      select sex, age_band, nationality, migrant, region,
        grouping(sex)::int as g_sex, grouping(age_band)::int as g_age_band, grouping(nationality)::int as g_nationality,
        grouping(migrant)::int as g_migrant, grouping(region)::int as g_region,
        ${counts(masks.results, "r")}
      from pdim group by grouping sets ((), (sex), (age_band), (nationality), (migrant), (region))
    ) agg cross join lateral (values ${unpivot(masks.results, "r")}) v(k, persons)
    where v.persons > 0
    union all
    select 'framework', v.k, null, null, null, null, null, 1, 1, 1, 1, 1, v.persons
    from (select ${counts(masks.objectives, "f")} from pp) agg
    cross join lateral (values ${unpivot(masks.objectives, "f")}) v(k, persons)
    where v.persons > 0
  `)) as unknown as Record<string, unknown>[];
  return {
    reach: toReachRows(rows.filter((r) => r.section === "reach")),
    frameworks: rows
      .filter((r) => r.section === "framework")
      .map((r) => ({ key: String(r.k), dimension: null, category: null, persons: Number(r.persons) })),
  };
}

/**
 * People reached per result and month, by the same masks, folded per person and
 * month. From the month rollup, the rows come in (month, person) order from its index,
 * and folding them as they come (hash aggregation off for this one statement) costs
 * about a third of hashing a year's half a million person-months.
 */
export async function monthlyTotals(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<IndicatorSnapshot["monthly"]> {
  const { masks, bit, counts, unpivot } = maskSql();
  const months = personMonthMasks(sources, filter, bit);
  if (!months) return [];
  const results = masks.results.filter((r) => r.key !== "all");
  const inOrder = Boolean(sources.personMonths) && isWholeMonths(filter);
  if (inOrder) await db.execute(sql`set local enable_hashagg = off`);
  let rows: Record<string, unknown>[];
  try {
    rows = (await db.execute(sql`
      with pm as (
        select m.month, m.person_key, bit_or(m.mask) as mask from (${months}) m group by m.month, m.person_key
      )
      select v.k, to_char(agg.month, 'YYYY-MM') as month, v.persons
      from (select month, ${counts(results, "r")} from pm group by month) agg
      cross join lateral (values ${unpivot(results, "r")}) v(k, persons)
      where v.persons > 0
    `)) as unknown as Record<string, unknown>[];
  } finally {
    if (inOrder) await db.execute(sql`set local enable_hashagg = on`);
  }
  return rows
    .map((r) => ({ key: String(r.k), month: String(r.month), persons: Number(r.persons) }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.key.localeCompare(b.key));
}

/**
 * The outputs (`outputs` above). For whole months with the month rollup's lines, the
 * sums come from the events (an index-only scan) and the people of each line from
 * one row per person (their months' line masks OR-ed), one filtered count per line;
 * a line numbered past the masks counts its people from the events. Otherwise the
 * events are summed per person first, so that people are counted with hash
 * aggregates instead of `count(distinct)` sorts.
 */
export async function outputTotals(db: Executor, sources: Sources, filter: ReportFilter): Promise<OutputRow[]> {
  const events = eventsSql(sources, ACTIVITIES, filter);
  if (!events) return [];
  const sort = (rows: OutputRow[]) =>
    rows.sort(
      (a, b) =>
        ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity) ||
        (a.detail ?? "").localeCompare(b.detail ?? ""),
    );
  if (sources.personMonths && sources.lines && isWholeMonths(filter)) {
    const lines = (
      (await db.execute(sql`select line_id, activity, detail from (${sources.lines}) l`)) as unknown as Record<
        string,
        unknown
      >[]
    ).map((l) => ({ id: Number(l.line_id), activity: String(l.activity), detail: String(l.detail) }));
    const folded = lines.filter((l) => Number.isInteger(l.id) && l.id >= 0 && l.id < 128);
    const unfolded = lines.filter((l) => !folded.includes(l));
    const persons = new Map<string, number>();
    const lineKey = (activity: unknown, detail: unknown) => `${String(activity)}\u0000${String(detail ?? "")}`;
    if (folded.length > 0) {
      // each line's bit is a constant computed here from an integer id, never input
      // (bit 63 is the sign: written in parentheses, else "-" would apply after the cast)
      const bit = (id: number) =>
        `${id < 64 ? "lo" : "hi"} & (${BigInt.asIntN(64, 1n << BigInt(id % 64)).toString()})::bigint <> 0`;
      const counts = sql.raw(folded.map((l) => `count(*) filter (where ${bit(l.id)})::int as l${l.id}`).join(", "));
      const unpivot = sql.raw(folded.map((l) => `(${l.id}, agg.l${l.id})`).join(", "));
      const rows = (await db.execute(sql`
        select v.line_id, v.persons from (
          select ${counts} from (
            select bit_or(pm.lines_lo) as lo, bit_or(pm.lines_hi) as hi from (${sources.personMonths}) pm
            where pm.month >= ${filter.from}::date and pm.month <= ${filter.to}::date
            ${filter.organisationId ? sql`and pm.organisation_id = ${filter.organisationId}::uuid` : sql``}
            group by pm.person_key
          ) pp
        ) agg cross join lateral (values ${unpivot}) v(line_id, persons)`)) as unknown as Record<string, unknown>[];
      for (const r of rows) {
        const line = folded.find((l) => l.id === Number(r.line_id));
        if (line) persons.set(lineKey(line.activity, line.detail), Number(r.persons));
      }
    }
    if (unfolded.length > 0) {
      // lines numbered past the masks' 128 bits: their people from the events
      const wanted = sql.join(
        unfolded.map((l) => sql`(${l.activity}::text, ${l.detail}::text)`),
        sql`, `,
      );
      const rows = (await db.execute(sql`
        select ev.activity, coalesce(ev.detail, '') as detail, count(distinct ev.person_key)::int as persons from (${events}) ev
        where (ev.activity, coalesce(ev.detail, '')) in (${wanted}) group by 1, 2`)) as unknown as Record<
        string,
        unknown
      >[];
      for (const r of rows) persons.set(lineKey(r.activity, r.detail), Number(r.persons));
    }
    const sums = (await db.execute(sql`
      select ev.activity, ev.detail, count(*)::int as events, sum(ev.quantity)::bigint as quantity, sum(ev.value_centimes)::bigint as value_centimes
      from (${events}) ev group by 1, 2`)) as unknown as Record<string, unknown>[];
    return sort(sums.map((r) => toOutputRow({ ...r, persons: persons.get(lineKey(r.activity, r.detail)) ?? 0 })));
  }
  const rows = (await db.execute(sql`
    select activity, detail, count(person_key)::int as persons, sum(n)::bigint as events, sum(q)::bigint as quantity, sum(v)::bigint as value_centimes
    from (
      select activity, detail, person_key, count(*) as n, sum(quantity) as q, sum(value_centimes) as v
      from (${events}) ev group by activity, detail, person_key
    ) op
    group by activity, detail
  `)) as unknown as Record<string, unknown>[];
  return sort(rows.map(toOutputRow));
}

/** Every indicator of the dashboard: the three statements above, one after another. */
export async function indicatorSnapshot(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<IndicatorSnapshot> {
  const people = await reachTotals(db, sources, filter);
  const monthly = await monthlyTotals(db, sources, filter);
  return { ...people, monthly, outputs: await outputTotals(db, sources, filter) };
}
