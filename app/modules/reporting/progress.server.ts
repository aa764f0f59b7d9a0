/** The targets the admin set, and what the progress table needs read from the database. */
import { asc } from "drizzle-orm";
import type { Executor } from "~db/client";
import { reportTargets } from "~db/schema";
import { INDICATOR_CODES, type IndicatorCode } from "./frameworks";
import type { TargetRow } from "./progress";

function isIndicatorCode(value: string): value is IndicatorCode {
  return (INDICATOR_CODES as readonly string[]).includes(value);
}

/** Every baseline and target, for every period (a few dozen rows at most). */
export async function listTargets(db: Executor): Promise<TargetRow[]> {
  const rows = await db
    .select({
      indicator: reportTargets.indicator,
      period: reportTargets.period,
      baseline: reportTargets.baseline,
      target: reportTargets.target,
    })
    .from(reportTargets)
    .orderBy(asc(reportTargets.period), asc(reportTargets.indicator));
  return rows.flatMap((r) => (isIndicatorCode(r.indicator) ? [{ ...r, indicator: r.indicator }] : []));
}
