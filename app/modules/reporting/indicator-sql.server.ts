/**
 * The pieces the indicator statements are built from: the events of a period, the
 * people they describe, the dimensions of a person, and activities as bits. Both the
 * dashboard's statements (queries.server.ts) and the join-based reference the tests hold
 * them equal to (tests/helpers/reporting-reference.ts) start from these.
 */
import { sql, type SQL } from "drizzle-orm";
import { isIsoDate } from "~/lib/morocco-time";
import { ACTIVITIES, ACTIVITY_SPECS, activityMasks, type ActivityKey } from "./frameworks";
import { ageBandCaseSql, DIMENSIONS, isWholeMonths, rolledUpMonths, type Dimension, type Period } from "./rules";
import type { Sources } from "./sources.server";

export type ReportFilter = Period & { organisationId: string | null };

/** A count of distinct people: `key` is the group ("all" for everyone), `dimension` null for the total. */
export type ReachRow = { key: string; dimension: Dimension | null; category: string | null; persons: number };

export type OutputRow = {
  activity: ActivityKey;
  detail: string | null;
  events: number;
  quantity: number;
  valueCentimes: number;
  persons: number;
};

export type IndicatorSnapshot = {
  reach: ReachRow[];
  frameworks: ReachRow[];
  outputs: OutputRow[];
  monthly: { key: string; month: string; persons: number }[];
};

/** The events of the given activities, filtered by period and association. */
export function eventsSql(sources: Sources, activities: readonly ActivityKey[], filter: ReportFilter): SQL | null {
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

/**
 * The sums per month and line (`sources.lineMonths`) of a period of whole months, filtered
 * by association as the events are; null when the sources have none or the period is not
 * whole months. Every activity's, as `eventsSql` of every activity gives them.
 */
export function lineMonthsSql(sources: Sources, filter: ReportFilter): SQL | null {
  if (!sources.lineMonths || !sources.events || !isWholeMonths(filter)) return null;
  return sql`select lm.month, lm.activity::text as activity, lm.detail::text as detail, lm.events, lm.quantity, lm.value_centimes
    from (${sources.lineMonths}) lm
    where lm.month >= ${filter.from}::date and lm.month <= ${filter.to}::date
    ${filter.organisationId ? sql`and lm.organisation_id = ${filter.organisationId}::uuid` : sql``}`;
}

/**
 * `ev`, the events of the activities that reach people, and `keys(activity, k)`, each such
 * activity with its result: the opening of a `with`. Null when none of them is wired.
 */
export function reachCtes(sources: Sources, filter: ReportFilter): SQL | null {
  const reachActivities = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach);
  const events = eventsSql(sources, reachActivities, filter);
  if (!events) return null;
  const keys = sql.join(
    reachActivities.map((a) => sql`(${a}::text, ${ACTIVITY_SPECS[a].result}::text)`),
    sql`, `,
  );
  return sql`ev as (${events}), keys(activity, k) as (values ${keys})`;
}

export function personsSql(sources: Sources): SQL {
  return (
    sources.persons ??
    sql`select null::uuid as person_key, null::text as sex, null::date as birth_date, null::text as nationality, null::boolean as is_migrant, null::text as region where false`
  );
}

/**
 * The dimensions of a person `p`, unknowns as 'unknown' so that grouping sets can tell
 * them from roll-ups. The age at the reference date is computed once per person (the
 * lateral subquery, kept apart by `offset 0`), not once per age band; a row of the period
 * rollup carries it already (`described`: its age_years, at its period's last day, the
 * reference date of a period's figures).
 */
export function dimensionColumns(reference: string, options: { described?: boolean } = {}): { columns: SQL; age: SQL } {
  // the reference date is written into the statement: only a checked ISO date may get there
  if (!isIsoDate(reference)) throw new Error("reference date must be YYYY-MM-DD");
  return {
    age: options.described
      ? sql.raw(`cross join lateral (select p.age_years::int as years) a`)
      : sql.raw(
          `cross join lateral (select extract(year from age('${reference}'::date, p.birth_date))::int as years offset 0) a`,
        ),
    columns: sql`coalesce(p.sex, 'unknown') as sex,
    coalesce(${sql.raw(ageBandCaseSql("a.years"))}, 'unknown') as age_band,
    coalesce(p.nationality, 'unknown') as nationality,
    case when p.is_migrant is null then 'unknown' when p.is_migrant then 'migrant' else 'national' end as migrant,
    coalesce(p.region, 'unknown') as region`,
  };
}

export function toReachRows(rows: Record<string, unknown>[]): ReachRow[] {
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

export function toOutputRow(r: Record<string, unknown>): OutputRow {
  return {
    activity: r.activity as ActivityKey,
    detail: r.detail === null ? null : String(r.detail),
    events: Number(r.events),
    quantity: Number(r.quantity),
    valueCentimes: Number(r.value_centimes),
    persons: Number(r.persons),
  };
}

/** Activities as bits, and the groups' masks as counts, for the dashboard's statements. */
export function maskSql() {
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
export function personMonthMasks(sources: Sources, filter: ReportFilter, bit: SQL): SQL | null {
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
 * One row per person with events in the period: person_key and mask (their activities'
 * bits OR-ed), and with `lines` lo and hi (their output lines' bits, from the month
 * rollup: only for whole months over sources that have it). A whole quarter or year of
 * the whole programme reads these rows as they are from the period rollup
 * (`personPeriods`), which also describes each person (`described`: sex, age_years,
 * nationality, is_migrant, region, as `describedColumns` reads them); any other period
 * folds each person's months (or events) here, a hash aggregate of the period's
 * person-months, and the caller joins the people.
 */
export function personMasks(
  sources: Sources,
  filter: ReportFilter,
  bit: SQL,
  options: { lines?: boolean } = {},
): { rows: SQL; described: boolean } | null {
  const span = rolledUpMonths(filter);
  const lines = Boolean(options.lines);
  if (sources.personPeriods && span && !filter.organisationId) {
    return {
      rows: sql`select pp.person_key, pp.mask${lines ? sql`, pp.lines_lo as lo, pp.lines_hi as hi` : sql``},
        pp.sex, pp.age_years, pp.nationality, pp.is_migrant, pp.region
      from (${sources.personPeriods}) pp where pp.period_months = ${span} and pp.period_start = ${filter.from}::date`,
      described: true,
    };
  }
  if (lines && !(sources.personMonths && isWholeMonths(filter))) {
    throw new Error("output lines are folded from the month rollup, over whole months only");
  }
  const months = lines
    ? sql`select pm.person_key, pm.mask, pm.lines_lo, pm.lines_hi from (${sources.personMonths}) pm
      where pm.month >= ${filter.from}::date and pm.month <= ${filter.to}::date
      ${filter.organisationId ? sql`and pm.organisation_id = ${filter.organisationId}::uuid` : sql``}`
    : personMonthMasks(sources, filter, bit);
  if (!months) return null;
  return {
    rows: sql`select m.person_key, bit_or(m.mask) as mask${
      lines ? sql`, bit_or(m.lines_lo) as lo, bit_or(m.lines_hi) as hi` : sql``
    } from (${months}) m group by 1`,
    described: false,
  };
}
