/**
 * The outputs of a donor's year family (donor.server.ts): their events, quantities and
 * amounts read once per quarter, in one pass over the year's events, and the year's added
 * up from its quarters (every event of the year is in one of them; sums add up, people do
 * not: each period's people per line come from its own fold, reachTotals with `lines`).
 * Same figures as outputTotals of each period, which a test holds equal. Why:
 * docs/decisions/0160-donor-family-folds-once.md.
 */
import { sql } from "drizzle-orm";
import { isIsoDate } from "~/lib/morocco-time";
import type { Executor } from "~db/client";
import { ACTIVITIES } from "./frameworks";
import { eventsSql, lineMonthsSql, toOutputRow, type OutputRow } from "./indicator-sql.server";
import type { Period } from "./rules";
import type { Sources } from "./sources.server";
import { lineKey, sortOutputs } from "./queries.server";

type Keyed = Period & { key: string };

/** A date, checked, written into the statement (the quarters' bounds are constants of the year). */
function day(value: string): string {
  if (!isIsoDate(value)) throw new Error("a period's day must be YYYY-MM-DD");
  return `'${value}'::date`;
}

/**
 * The outputs' events, quantities and amounts per quarter, in one pass over the year's
 * events; the year's are their sums (every event of the year is in one of its quarters).
 */
export async function sumFamilyOutputs(db: Executor, sources: Sources, year: Keyed, quarters: Keyed[]) {
  const filter = { ...year, organisationId: null };
  const events = eventsSql(sources, ACTIVITIES, filter);
  const sums = new Map<string, Record<string, unknown>[]>([year, ...quarters].map((p) => [p.key, []]));
  if (!events) return sums;
  const part = (column: string) =>
    sql.raw(
      `case ${quarters.map((q, i) => `when ${column} >= ${day(q.from)} and ${column} <= ${day(q.to)} then ${i}`).join(" ")} end`,
    );
  // the year's sums per month and line when the sources keep them (a few thousand rows), else its events
  const months = lineMonthsSql(sources, filter);
  const rows = (await db.execute(
    months
      ? sql`
    select ${part("lm.month")} as part, lm.activity, lm.detail, sum(lm.events)::int as events,
      sum(lm.quantity)::bigint as quantity, sum(lm.value_centimes)::bigint as value_centimes
    from (${months}) lm group by 1, 2, 3 having sum(lm.events) > 0`
      : sql`
    select ${part("ev.occurred_on")} as part, ev.activity, ev.detail, count(*)::int as events,
      sum(ev.quantity)::bigint as quantity, sum(ev.value_centimes)::bigint as value_centimes
    from (${events}) ev group by 1, 2, 3`,
  )) as unknown as Record<string, unknown>[];
  const yearly = new Map<
    string,
    { activity: unknown; detail: unknown; events: number; quantity: number; value_centimes: number }
  >();
  for (const r of rows) {
    const quarter = r.part === null ? undefined : quarters[Number(r.part)];
    if (!quarter) throw new Error("an event of the year outside its quarters");
    sums.get(quarter.key)!.push(r);
    const key = lineKey(r.activity, r.detail);
    const y = yearly.get(key) ?? { activity: r.activity, detail: r.detail, events: 0, quantity: 0, value_centimes: 0 };
    y.events += Number(r.events);
    y.quantity += Number(r.quantity);
    y.value_centimes += Number(r.value_centimes);
    yearly.set(key, y);
  }
  sums.set(year.key, [...yearly.values()]);
  return sums;
}

/** A period's output rows from its sums and its lines' people (as outputTotals makes them). */
export function outputRows(sums: Record<string, unknown>[], persons: Map<string, number>): OutputRow[] {
  return sortOutputs(sums.map((r) => toOutputRow({ ...r, persons: persons.get(lineKey(r.activity, r.detail)) ?? 0 })));
}
