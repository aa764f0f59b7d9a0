/**
 * The donor's figures: the aggregates of a whole year's family (the year, its quarters
 * begun so far, and its months) read from the database, hidden together
 * (donor-family.ts), then any fixed period's report read from them (donor-report.ts).
 */
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "~db/client";
import { countFeedback } from "~/modules/feedback/queries.server";
import { countGroupFigures } from "~/modules/groups/report.server";
import { countBusinessOutcomes } from "~/modules/businesses/report.server";
import { countEmploymentOutcomes } from "~/modules/coaching/report.server";
import { getBudget, moneyByDay } from "./budget-queries.server";
import { publishFamily, type FamilyRaw, type PeriodFigures, type Published } from "./donor-family";
import { listTargets } from "./progress.server";
import { assembleDonorReport, publishedFigures } from "./donor-report";
import type { Framework } from "./frameworks";
import { foldedLines, monthlyTotals, outputTotals, reachTotals, readLines } from "./queries.server";
import { outputRows, sumFamilyOutputs } from "./family-outputs.server";
import type { Report } from "./report-tables";
import { readForReport } from "./report.server";
import { donorPeriodOf, periodsOfYear, programmeToDate, type DonorPeriod } from "./rules";
import { moroccoToday } from "~/lib/morocco-time";
import type { Sources } from "./sources.server";

/** Run the reads one after another inside a caller's transaction (one connection), else side by side. */
function runAll<T>(db: Executor, reads: (() => Promise<T>)[]): Promise<T[]> {
  if (!(db instanceof PgTransaction)) return Promise.all(reads.map((r) => r()));
  return reads.reduce<Promise<T[]>>(async (acc, r) => [...(await acc), await r()], Promise.resolve([]));
}

/** A period's people reached, its objectives' and its output lines' people (reachTotals with the lines). */
export type PeriodPeople = Awaited<ReturnType<typeof reachTotals>>;

/**
 * How the family reads a quarter's or the year's people: `read` reads them afresh; the
 * report cache hands back those it kept while the period's rows did not change
 * (cache.server.ts, decision 0193-report-reach-kept-per-period).
 */
export type PeriodPeopleReader = (period: DonorPeriod, read: () => Promise<PeriodPeople>) => Promise<PeriodPeople>;

/** A quarter's months: people reached per result and in all, per month (monthlyTotals). */
export type QuarterMonths = Awaited<ReturnType<typeof monthlyTotals>>;

/** How the family reads a quarter's months: as PeriodPeopleReader, for the months' counts. */
export type QuarterMonthsReader = (quarter: DonorPeriod, read: () => Promise<QuarterMonths>) => Promise<QuarterMonths>;

/** What the report cache hands the family: the people and the months it kept (see readFamily). */
export type FamilyReaders = { periodPeople?: PeriodPeopleReader; quarterMonths?: QuarterMonthsReader };

/** Two reads one after the other inside a caller's transaction (one connection), else side by side. */
async function runBoth<A, B>(db: Executor, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  if (db instanceof PgTransaction) return [await a(), await b()];
  return Promise.all([a(), b()]);
}

/** The aggregates of a year's family; periods that begin after `today` are known to be empty and not read. */
export async function readFamily(
  db: Executor,
  sources: Sources,
  year: string,
  today: string,
  options: FamilyReaders = {},
): Promise<FamilyRaw> {
  const periods = periodsOfYear(year);
  const begun = new Set(periods.filter((p) => p.from <= today).map((p) => p.key));
  const full = periods.filter((p) => p.kind !== "month" && begun.has(p.key));
  const { figures, monthly } =
    sources.personMonths && sources.lines
      ? await readFolded(db, sources, periods, full, options)
      : await readEachPeriod(db, sources, periods[0]!, full);
  const months = new Map<string, Map<string, number>>();
  for (const row of monthly) {
    const counts = months.get(row.month) ?? new Map<string, number>();
    counts.set(row.key, row.persons);
    months.set(row.month, counts);
  }
  return { periods, wired: sources.wired, begun, figures: new Map(figures), months };
}

/** The app's own tables (decision 0111): complaints, group sessions and households, businesses, employment. */
function readOwnTables(db: Executor, sources: Sources, p: DonorPeriod) {
  return async () => {
    const filter = { from: p.from, to: p.to, organisationId: null };
    const complaints = await countFeedback(db, filter);
    const groups = sources.groups ? await readForReport(db, (tx) => countGroupFigures(tx, sources, filter)) : null;
    const businesses = sources.groups ? await countBusinessOutcomes(db, filter) : null;
    const employment = sources.groups ? await countEmploymentOutcomes(db, filter) : null;
    return { complaints, groups, businesses, employment };
  };
}

/**
 * The family over the month rollup: each period folded once for its people reached and
 * its output lines' people (reachTotals with `lines`), the outputs' sums read once per
 * quarter for the whole year (family-outputs.server.ts), the year's months, and the app's own
 * tables per period.
 */
async function readFolded(
  db: Executor,
  sources: Sources,
  periods: DonorPeriod[],
  full: DonorPeriod[],
  { periodPeople, quarterMonths }: FamilyReaders,
) {
  const yearPeriod = periods[0]!;
  const quarters = periods.filter((p) => p.kind === "quarter");
  const lines = await readLines(db, sources);
  // a period's people come from its rows of the period rollup alone when every line has its
  // bit there (lines past 128 are counted from the events): only then may they be kept
  const keepable = Boolean(periodPeople && sources.personPeriods) && foldedLines(lines).length === lines.length;
  const read = (p: DonorPeriod) => async (): Promise<[string, Omit<PeriodFigures, "outputs">, Map<string, number>]> => {
    const filter = { from: p.from, to: p.to, organisationId: null };
    const fresh = () => readForReport(db, (tx) => reachTotals(tx, sources, filter, { lines }));
    const [{ linePersons, ...people }, own] = await runBoth(
      db,
      () => (keepable && periodPeople ? periodPeople(p, fresh) : fresh()),
      readOwnTables(db, sources, p),
    );
    return [p.key, { ...people, ...own }, linePersons ?? new Map()];
  };
  const [figures, sums, monthly] = await Promise.all([
    runAll(db, full.map(read)),
    readForReport(db, (tx) => sumFamilyOutputs(tx, sources, yearPeriod, quarters)),
    quarterMonths
      ? // every quarter's months (a quarter not begun may hold records dated ahead), each as kept or afresh
        Promise.all(
          quarters.map((q) =>
            quarterMonths(q, () =>
              readForReport(db, (tx) =>
                monthlyTotals(tx, sources, { from: q.from, to: q.to, organisationId: null }, { withAll: true }),
              ),
            ),
          ),
        ).then((rows) => rows.flat())
      : readForReport(db, (tx) =>
          monthlyTotals(
            tx,
            sources,
            { from: yearPeriod.from, to: yearPeriod.to, organisationId: null },
            { withAll: true },
          ),
        ),
  ]);
  return {
    figures: figures.map(([key, f, persons]): [string, PeriodFigures] => [
      key,
      { ...f, outputs: outputRows(sums.get(key) ?? [], persons) },
    ]),
    monthly,
  };
}

/** The family read period by period: sources without the month rollup (or its lines). */
async function readEachPeriod(db: Executor, sources: Sources, yearPeriod: DonorPeriod, full: DonorPeriod[]) {
  const read = (p: DonorPeriod) => async (): Promise<[string, PeriodFigures]> => {
    const filter = { from: p.from, to: p.to, organisationId: null };
    const people = await readForReport(db, (tx) => reachTotals(tx, sources, filter));
    const outputs = await readForReport(db, (tx) => outputTotals(tx, sources, filter));
    return [p.key, { ...people, outputs, ...(await readOwnTables(db, sources, p)()) }];
  };
  const [figures, monthly] = await Promise.all([
    runAll(db, full.map(read)),
    readForReport(db, (tx) =>
      monthlyTotals(tx, sources, { from: yearPeriod.from, to: yearPeriod.to, organisationId: null }, { withAll: true }),
    ),
  ]);
  return { figures, monthly };
}

type Family = { raw: FamilyRaw; published: Published };

/** A year's family, published. */
export async function donorFamily(
  db: Executor,
  sources: Sources,
  year: string,
  today: string,
  options: FamilyReaders = {},
) {
  const raw = await readFamily(db, sources, year, today, options);
  return { raw, published: publishFamily(raw) };
}

/** The donor's report of one fixed period, from its year's published family. */
export async function donorReport(
  db: Executor,
  options: {
    period: DonorPeriod;
    framework: Framework;
    sources: Sources;
    /** the year's family, or its computation still running: the report's own reads go side by side with it */
    family: Family | Promise<Family>;
    /** another year's family (the programme-to-date figure may be one of its cells); read afresh by default */
    familyOf?: (year: string) => Promise<{ published: Published }>;
    today?: string;
  },
): Promise<Report> {
  const { period, sources } = options;
  const today = options.today ?? moroccoToday();
  const [budget, money, targets, family] = await Promise.all([
    getBudget(db),
    moneyByDay(db, sources, period.to),
    listTargets(db),
    options.family,
  ]);
  // people reached since the programme began: published only where that span is itself a
  // donor period (a cell of its year's family); any other span would let hidden cells be
  // worked out by difference, so it is hidden (decision: targets and progress)
  const programme = budget.startsOn && budget.endsOn ? { from: budget.startsOn, to: budget.endsOn } : null;
  const span = programme ? programmeToDate(programme, period) : null;
  const spanPeriod = span ? donorPeriodOf(span) : null;
  const familyOf = options.familyOf ?? ((year: string) => donorFamily(db, sources, year, today));
  const spanFamily = spanPeriod ? (spanPeriod.year === period.year ? family : await familyOf(spanPeriod.year)) : null;
  const toDate = programme
    ? {
        programme,
        // a span that is no donor period: nothing published, every value hidden
        figures: spanPeriod && spanFamily ? publishedFigures(spanFamily.published, spanPeriod.key) : null,
      }
    : null;
  return assembleDonorReport({
    progress: { targets, toDate, today },
    period,
    published: family.published,
    framework: options.framework,
    wired: sources.wired,
    budget,
    money,
    complaints: family.raw.figures.get(period.key)?.complaints ?? null,
  });
}
