/**
 * The report: its independent reads (reach, the monthly series, the outputs, the
 * vulnerability breakdown and the budget), then the tables of report-tables.ts.
 */
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "~db/client";
import { getBudget, moneyByDay } from "./budget-queries.server";
import {
  monthlyTotals,
  outputSums,
  outputTotals,
  reachByVulnerability,
  reachTotals,
  readLines,
} from "./queries.server";
import { outputRows } from "./family-outputs.server";
import type { IndicatorSnapshot, OutputRow, ReportFilter } from "./indicator-sql.server";
import { isWholeMonths, programmeToDate } from "./rules";
import { assembleReport, type Fetched, type Report, type ReportOptions } from "./report-tables";
import { countFeedback } from "~/modules/feedback/queries.server";
import { moroccoToday } from "~/lib/morocco-time";
import { listTargets } from "./progress.server";
import { countGroupFigures } from "~/modules/groups/report.server";
import { countBusinessOutcomes } from "~/modules/businesses/report.server";
import { countEmploymentOutcomes } from "~/modules/coaching/report.server";
import type { Sources } from "./sources.server";

/**
 * A read-only transaction set up for the indicator statements: room to hash (the
 * distinct sets of a year spill to disk with PostgreSQL's default 4 MB), no JIT (the
 * statements are short: compiling them costs more than running them), and no nested
 * loops (the CTEs give the planner no estimates, and a loop chosen for "200 people"
 * meets tens of thousands).
 */
export function readForReport<T>(db: Executor, run: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local enable_nestloop = off`);
      return run(tx);
    },
    { accessMode: "read only" },
  );
}

/**
 * People reached and the outputs of a period. Over the month rollup's lines the period is
 * folded once: reachTotals also counts the output lines' people, and the outputs read only
 * their sums, side by side (docs/decisions/0160-donor-family-folds-once.md);
 * otherwise reachTotals and outputTotals. Inside a caller's transaction, one after another.
 */
export async function readReachAndOutputs(
  db: Executor,
  sources: Sources,
  filter: ReportFilter,
): Promise<{ people: Pick<IndicatorSnapshot, "reach" | "frameworks">; outputs: OutputRow[] }> {
  const lines = sources.personMonths && sources.lines && isWholeMonths(filter) ? await readLines(db, sources) : null;
  const both = [
    () => readForReport(db, (tx) => reachTotals(tx, sources, filter, lines ? { lines } : {})),
    () =>
      readForReport(db, async (tx): Promise<{ sums: Record<string, unknown>[] } | { rows: OutputRow[] }> =>
        lines ? { sums: await outputSums(tx, sources, filter) } : { rows: await outputTotals(tx, sources, filter) },
      ),
  ] as const;
  const [withLines, read] =
    db instanceof PgTransaction ? [await both[0](), await both[1]()] : await Promise.all([both[0](), both[1]()]);
  const { linePersons, ...people } = withLines;
  const outputs = "rows" in read ? read.rows : outputRows(read.sums, linePersons ?? new Map());
  return { people, outputs };
}

/**
 * The report. Its independent reads run at the same time, each on its own
 * connection (`readForReport`): reach, the monthly series, the outputs, the
 * vulnerability breakdown (admins) and the budget. Inside a caller's transaction (one
 * connection) they run one after another.
 */
export async function buildReport(db: Executor, options: ReportOptions): Promise<Report> {
  const { audience, filter, sources } = options;
  const hasBudget = audience !== "association";
  const readOnly = <T>(run: (tx: Executor) => Promise<T>): Promise<T> => readForReport(db, run);
  const reads = [
    // people reached and the outputs together: the period folded once
    () => readReachAndOutputs(db, sources, filter),
    () => readOnly((tx) => monthlyTotals(tx, sources, filter)),
    () => (audience === "admin" ? readOnly((tx) => reachByVulnerability(tx, sources, filter)) : Promise.resolve(null)),
    () => (hasBudget ? getBudget(db) : Promise.resolve(null)),
    () => (hasBudget ? moneyByDay(db, sources, filter.to) : Promise.resolve(null)),
    // complaints are the programme's, not an association's: not in an association's report
    () => (hasBudget && !filter.organisationId ? countFeedback(db, filter) : Promise.resolve(null)),
    () => (sources.groups ? readOnly((tx) => countGroupFigures(tx, sources, filter)) : Promise.resolve(null)),
    // businesses belong to grants, not to an association: the programme's reports only
    () => (sources.groups && !filter.organisationId ? countBusinessOutcomes(db, filter) : Promise.resolve(null)),
    // people trained or interned are the programme's, followed by its coaches: likewise
    () => (sources.groups && !filter.organisationId ? countEmploymentOutcomes(db, filter) : Promise.resolve(null)),
  ] as const;
  let fetched: Fetched;
  if (db instanceof PgTransaction) {
    const { people, outputs } = await reads[0]();
    const monthly = await reads[1]();
    fetched = {
      snapshot: { ...people, monthly, outputs },
      vulnerability: await reads[2](),
      budget: await reads[3](),
      money: await reads[4](),
      complaints: await reads[5](),
      groups: await reads[6](),
      businesses: await reads[7](),
      employment: await reads[8](),
    };
  } else {
    const [{ people, outputs }, monthly, vulnerability, budget, money, complaints, groups, businesses, employment] =
      await Promise.all([
        reads[0](),
        reads[1](),
        reads[2](),
        reads[3](),
        reads[4](),
        reads[5](),
        reads[6](),
        reads[7](),
        reads[8](),
      ]);
    fetched = {
      snapshot: { ...people, monthly, outputs },
      vulnerability,
      budget,
      money,
      complaints,
      groups,
      businesses,
      employment,
    };
  }
  return assembleReport({ ...fetched, progress: await readProgress(db, options, fetched) }, options);
}

/**
 * What the progress table needs beyond the report: the targets and the figures since the
 * programme began (people reached, outputs, employment, businesses and group sessions: each read as the
 * report reads it, over that span). Targets are the programme's: an association's figures
 * are not measured against them (not for associations, nor for an admin looking at one).
 */
async function readProgress(db: Executor, options: ReportOptions, fetched: Fetched): Promise<Fetched["progress"]> {
  const { audience, filter, sources } = options;
  if (audience !== "admin" || filter.organisationId || !fetched.budget) return null;
  const targets = await listTargets(db);
  const { startsOn, endsOn } = fetched.budget;
  const programme = startsOn && endsOn ? { from: startsOn, to: endsOn } : null;
  const span = programme ? programmeToDate(programme, filter) : null;
  let toDate: NonNullable<Fetched["progress"]>["toDate"] = null;
  if (programme && span) {
    const same = span.from === filter.from && span.to === filter.to;
    const figures = same
      ? {
          reach: fetched.snapshot.reach,
          outputs: fetched.snapshot.outputs,
          employment: fetched.employment,
          businesses: fetched.businesses,
          groups: fetched.groups,
        }
      : await readSpan(db, sources, span);
    toDate = { programme, figures: { ...figures, reach: figures.reach.filter((r) => r.dimension === null) } };
  }
  return { targets, toDate, today: options.today ?? moroccoToday() };
}

/** The programme-to-date span's figures, one read after another (rarely asked: cached with the report). */
async function readSpan(db: Executor, sources: Sources, span: { from: string; to: string }) {
  const filter = { ...span, organisationId: null };
  const {
    people: { reach },
    outputs,
  } = await readReachAndOutputs(db, sources, filter);
  // the app's own tables only, as the report reads them (buildReport)
  const employment = sources.groups ? await countEmploymentOutcomes(db, filter) : null;
  const businesses = sources.groups ? await countBusinessOutcomes(db, filter) : null;
  const groups = sources.groups ? await readForReport(db, (tx) => countGroupFigures(tx, sources, filter)) : null;
  return { reach, outputs, employment, businesses, groups };
}
