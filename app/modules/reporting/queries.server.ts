/**
 * The indicator statements the dashboard runs. Each one aggregates in PostgreSQL
 * (grouping sets, distinct people counted in SQL) and returns a few dozen rows; no record
 * is ever loaded into Node to be counted. Scoping (period, association) is applied in SQL.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "~db/client";
import { ACTIVITIES } from "./frameworks";
import {
  dimensionColumns,
  eventsSql,
  lineMonthsSql,
  maskSql,
  personMasks,
  personMonthMasks,
  personsSql,
  reachCtes,
  toOutputRow,
  toReachRows,
  type IndicatorSnapshot,
  type OutputRow,
  type ReportFilter,
} from "./indicator-sql.server";
import { isWholeMonths } from "./rules";
import type { Sources } from "./sources.server";

/**
 * People reached per result, every disaggregation and every framework objective, in
 * one statement and one pass over the events. Each person's activities of the period
 * fold into one bit mask (see `activityMasks`); the reach of a group is the number of
 * people whose mask meets the group's, over one row per person, instead of joins of
 * people to groups. Same figures as the join-based reference of the tests
 * (tests/helpers/reporting-reference.ts), which a test holds equal. A whole quarter or
 * year of the whole programme reads its one row per person from the period rollup
 * (`personMasks`): no fold at all.
 *
 * With `lines` (whole months over the month rollup), the same fold also ORs each person's
 * output-line masks and counts the people of each line (`linePersons`, as outputTotals
 * counts them), so a caller that needs both folds the period once (the donor's family).
 */
export async function reachTotals(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
  options: { lines?: Line[] } = {},
): Promise<Pick<IndicatorSnapshot, "reach" | "frameworks"> & { linePersons?: Map<string, number> }> {
  const { masks, bit, counts, unpivot, all } = maskSql();
  const folded = options.lines && sources.personMonths && isWholeMonths(filter) ? foldedLines(options.lines) : null;
  const people = personMasks(sources, filter, bit, { lines: Boolean(folded) });
  if (!people) return { reach: [], frameworks: [] };
  const dims = dimensionColumns(filter.to, { described: people.described });
  // rows of the period rollup describe their person; folded rows are joined to the people
  const described = people.described
    ? sql`from pp p ${dims.age} where p.mask & ${all} <> 0`
    : sql`from pp left join (${personsSql(sources)}) p on p.person_key = pp.person_key ${dims.age}
      where pp.mask & ${all} <> 0`;
  const lineSection =
    folded && folded.length > 0
      ? sql`union all
    select 'line', v.k::text, null, null, null, null, null, 1, 1, 1, 1, 1, v.persons
    from (select ${lineCounts(folded)} from pp) agg cross join lateral (values ${lineUnpivot(folded)}) v(k, persons)`
      : sql``;
  const rows = (await db.execute(sql`
    with pp as materialized (${people.rows}),
    pdim as (select ${people.described ? sql`p.mask` : sql`pp.mask`}, ${dims.columns} ${described})
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
    ${lineSection}
  `)) as unknown as Record<string, unknown>[];
  const result = {
    reach: toReachRows(rows.filter((r) => r.section === "reach")),
    frameworks: rows
      .filter((r) => r.section === "framework")
      .map((r) => ({ key: String(r.k), dimension: null, category: null, persons: Number(r.persons) })),
  };
  if (!folded || !options.lines) return result;
  const linePersons = linePersonsOf(
    folded,
    rows.filter((r) => r.section === "line"),
  );
  const events = eventsSql(sources, ACTIVITIES, filter);
  const unfolded = options.lines.filter((l) => !folded.includes(l));
  if (events) for (const [key, n] of await unfoldedLinePersons(db, events, unfolded)) linePersons.set(key, n);
  return { ...result, linePersons };
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
  options: { withAll?: boolean } = {},
): Promise<IndicatorSnapshot["monthly"]> {
  const { masks, bit, counts, unpivot } = maskSql();
  const months = personMonthMasks(sources, filter, bit);
  if (!months) return [];
  // "all" too for the donor's months, whose headline it is
  const results = masks.results.filter((r) => options.withAll || r.key !== "all");
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
 * The outputs per activity and sub-category (consultations, referrals by status,
 * nights...). For whole months with the month rollup's lines, the
 * sums come from the events (an index-only scan) and the people of each line from
 * one row per person (their months' line masks OR-ed), one filtered count per line;
 * a line numbered past the masks counts its people from the events. Otherwise the
 * events are summed per person first, so that people are counted with hash
 * aggregates instead of `count(distinct)` sorts.
 */
export async function outputTotals(db: Executor, sources: Sources, filter: ReportFilter): Promise<OutputRow[]> {
  const events = eventsSql(sources, ACTIVITIES, filter);
  if (!events) return [];
  if (sources.personMonths && sources.lines && isWholeMonths(filter)) {
    const lines = await readLines(db, sources);
    const folded = foldedLines(lines);
    const unfolded = lines.filter((l) => !folded.includes(l));
    let persons = new Map<string, number>();
    const people = personMasks(sources, filter, maskSql().bit, { lines: true });
    if (folded.length > 0 && people) {
      const rows = (await db.execute(sql`
        select v.k, v.persons from (
          select ${lineCounts(folded)} from (${people.rows}) pp
        ) agg cross join lateral (values ${lineUnpivot(folded)}) v(k, persons)`)) as unknown as Record<
        string,
        unknown
      >[];
      persons = linePersonsOf(folded, rows);
    }
    for (const [key, count] of await unfoldedLinePersons(db, events, unfolded)) persons.set(key, count);
    const sums = await outputSums(db, sources, filter);
    return sortOutputs(
      sums.map((r) => toOutputRow({ ...r, persons: persons.get(lineKey(r.activity, r.detail)) ?? 0 })),
    );
  }
  const rows = (await db.execute(sql`
    select activity, detail, count(person_key)::int as persons, sum(n)::bigint as events, sum(q)::bigint as quantity, sum(v)::bigint as value_centimes
    from (
      select activity, detail, person_key, count(*) as n, sum(quantity) as q, sum(value_centimes) as v
      from (${events}) ev group by activity, detail, person_key
    ) op
    group by activity, detail
  `)) as unknown as Record<string, unknown>[];
  return sortOutputs(rows.map(toOutputRow));
}

/** The lines the month rollup's masks hold (numbered below 128); the others are counted from the events. */
export function foldedLines(lines: Line[]): Line[] {
  return lines.filter((l) => Number.isInteger(l.id) && l.id >= 0 && l.id < 128);
}

/**
 * Each folded line's people over rows `pp` of one person each with masks `lo` and `hi`.
 * A line's bit is a constant computed here from an integer id, never input (bit 63 is the
 * sign: written in parentheses, else "-" would apply after the cast).
 */
function lineCounts(folded: Line[]): SQL {
  const bit = (id: number) =>
    `${id < 64 ? "lo" : "hi"} & (${BigInt.asIntN(64, 1n << BigInt(id % 64)).toString()})::bigint <> 0`;
  return sql.raw(folded.map((l) => `count(*) filter (where ${bit(l.id)})::int as l${l.id}`).join(", "));
}

/** The lines' counts of lineCounts as rows (k: the line's id, persons). */
function lineUnpivot(folded: Line[]): SQL {
  return sql.raw(folded.map((l) => `(${l.id}, agg.l${l.id})`).join(", "));
}

/** People per line key from rows (k: a line's id, persons). */
function linePersonsOf(folded: Line[], rows: Record<string, unknown>[]): Map<string, number> {
  const persons = new Map<string, number>();
  for (const r of rows) {
    const line = folded.find((l) => l.id === Number(r.k));
    if (line) persons.set(lineKey(line.activity, line.detail), Number(r.persons));
  }
  return persons;
}

/**
 * The outputs' events, quantities and amounts of a period, per activity and detail (no
 * people): for whole months summed from the sums per month and line (`lineMonths`, a few
 * hundred rows a month), else from the events.
 */
export async function outputSums(db: Executor, sources: Sources, filter: ReportFilter) {
  const events = eventsSql(sources, ACTIVITIES, filter);
  if (!events) return [];
  const months = lineMonthsSql(sources, filter);
  if (months) {
    return (await db.execute(sql`
      select lm.activity, lm.detail, sum(lm.events)::int as events, sum(lm.quantity)::bigint as quantity,
        sum(lm.value_centimes)::bigint as value_centimes
      from (${months}) lm group by 1, 2 having sum(lm.events) > 0`)) as unknown as Record<string, unknown>[];
  }
  return (await db.execute(sql`
    select ev.activity, ev.detail, count(*)::int as events, sum(ev.quantity)::bigint as quantity, sum(ev.value_centimes)::bigint as value_centimes
    from (${events}) ev group by 1, 2`)) as unknown as Record<string, unknown>[];
}

/** An output line of the month rollup: line n is bit n of its masks (below 128). */
export type Line = { id: number; activity: string; detail: string };

/** The output lines the month rollup has numbered. */
export async function readLines(db: Executor, sources: Sources): Promise<Line[]> {
  if (!sources.lines) return [];
  const rows = (await db.execute(sql`select line_id, activity, detail from (${sources.lines}) l`)) as unknown as Record<
    string,
    unknown
  >[];
  return rows.map((l) => ({ id: Number(l.line_id), activity: String(l.activity), detail: String(l.detail) }));
}

/** An output line's key: its activity and detail ("" for none). */
export const lineKey = (activity: unknown, detail: unknown) => `${String(activity)}\u0000${String(detail ?? "")}`;

/** Outputs in the order of the activities, then of their detail. */
export function sortOutputs(rows: OutputRow[]): OutputRow[] {
  return rows.sort(
    (a, b) =>
      ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity) || (a.detail ?? "").localeCompare(b.detail ?? ""),
  );
}

/** The people of lines numbered past the masks' 128 bits, from the events (`events`: eventsSql of the period). */
export async function unfoldedLinePersons(db: Executor, events: SQL, unfolded: Line[]): Promise<Map<string, number>> {
  const persons = new Map<string, number>();
  if (unfolded.length === 0) return persons;
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
  return persons;
}

/** Indicator (authorised staff only): people reached per result and vulnerability category. */
export async function reachByVulnerability(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<{ key: string; category: string; persons: number }[]> {
  const reach = reachCtes(sources, filter);
  if (!reach) return [];
  if (sources.vulnerabilities) {
    const rows = await db.execute(sql`
      with ${reach},
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
  const people = personMasks(sources, filter, bit);
  if (!people) return [];
  const rows = (await db.execute(sql`
    with pp as (${people.rows}),
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

/** The home panel's one figure: distinct people reached this quarter, for the actor's scope. */
export async function reachedThisQuarter(db: Executor, sources: Sources, filter: ReportFilter): Promise<number> {
  // the same rows as the dashboard's (a quarter reads the period rollup), counted only
  const { bit, all } = maskSql();
  const people = personMasks(sources, filter, bit);
  if (!people) return 0;
  const [row] = (await db.execute(sql`
    select count(*)::int as persons from (${people.rows}) pp
    where pp.mask & ${all} <> 0`)) as unknown as { persons: number }[];
  return Number(row?.persons ?? 0);
}
