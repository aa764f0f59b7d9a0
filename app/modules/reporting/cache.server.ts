/**
 * Reports served from memory while nothing they read has changed.
 *
 * Every committed write to a table the reports read bumps `report_version` once, at
 * commit (migration 0015). A figure is computed once per key (audience, period,
 * association, framework) and version: fifty donors opening the dashboard at once cost
 * one computation, and the first request after a write computes afresh. Requests that
 * arrive while a computation runs share it. Each server keeps its own cache; they agree
 * because they all read the version from the database. Why: docs/decisions/0075-report-cache-by-version.md.
 */
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "~db/client";
import type { ReportFilter } from "./indicator-sql.server";
import { reachedThisQuarter } from "./queries.server";
import type { Audience, Report } from "./report-tables";
import { buildReport } from "./report.server";
import { wiredSources } from "./sources.server";
import type { Framework } from "./frameworks";
import { moroccoToday } from "~/lib/morocco-time";
import { donorFamily, donorReport } from "./donor.server";
import { donorPeriodOf, type DonorPeriod } from "./rules";
import { getBudget } from "./budget-queries.server";

/** Entries kept at most; the oldest goes first. A key is a few dozen bytes, a report tens of KB. */
const MAX_ENTRIES = 200;

type Entry = { version: string; value: Promise<unknown> };
/**
 * Entries per database handle: a version counts the writes of one database, so two databases
 * behind one process (the tests' files, each with its own copy) never read each other's figures.
 */
const byDatabase = new WeakMap<object, Map<string, Entry>>();
function entriesOf(db: Executor): Map<string, Entry> {
  let entries = byDatabase.get(db);
  if (!entries) byDatabase.set(db, (entries = new Map()));
  return entries;
}

/** How many times each cached figure was really computed (for tests and benchmarks). */
export const reportCacheStats = {
  computed: 0,
  served: 0,
  periodsRead: 0,
  periodsKept: 0,
  monthsRead: 0,
  monthsKept: 0,
};

/** The committed version of what the reports read. */
export async function reportVersion(db: Executor): Promise<string> {
  const rows = (await db.execute(sql`select version::text as version from report_version`)) as unknown as {
    version: string;
  }[];
  return rows[0]?.version ?? "0";
}

async function memo<T>(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
  // inside a transaction the caller may see its own uncommitted writes: never cache those
  if (db instanceof PgTransaction) return compute();
  const version = await reportVersion(db);
  const entries = entriesOf(db);
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    reportCacheStats.served++;
    // most recently used last, so the eviction below takes the oldest
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  reportCacheStats.computed++;
  const value = compute();
  const entry: Entry = { version, value };
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  // a failed computation (the database went away) is not kept
  value.catch(() => entries.get(key) === entry && entries.delete(key));
  return value;
}

/** The report of `buildReport` over the app's own sources, cached. */
export async function cachedReport(
  db: Executor,
  options: { audience: Audience; filter: ReportFilter; framework?: Framework },
): Promise<Report> {
  const { audience, filter, framework } = options;
  if (audience === "donor") {
    // donors get fixed periods of the whole programme only: anything else is refused before here
    const period = filter.organisationId ? null : donorPeriodOf(filter);
    if (!period) throw new Error("a donor's report is of a month, a quarter or a year of the whole programme");
    return cachedDonorReport(db, { period, framework });
  }
  // the day too: complaints past their deadline (due at the end of a Moroccan day) change with it, without a write
  const day = moroccoToday();
  const key = JSON.stringify([
    "report",
    audience,
    filter.from,
    filter.to,
    filter.organisationId,
    framework ?? null,
    day,
  ]);
  return memo(db, key, () => buildReport(db, { audience, filter, framework, sources: wiredSources() }));
}

/**
 * The programme's budget, period and exchange rates (`getBudget`), cached like the
 * reports: the budget tables bump the version too (migration 0015). The dashboard reads
 * it on every request for the periods it offers: three statements, one after the
 * other, became none while nothing changed. Shared between requests: never changed by
 * its readers.
 */
export function cachedBudget(db: Executor) {
  return memo(db, JSON.stringify(["budget"]), () => getBudget(db));
}

/**
 * A year's published family of donor tables (donor.server.ts), cached like the reports.
 * Computed again after any write, it reads afresh only the people of the quarters and the
 * year whose rows of the period rollup changed since they were last read, and the months of
 * the quarters whose rows of the month rollup changed (their versions, migration 0063); the
 * rest of the family (the outputs' sums, the app's own tables) is read afresh. Why:
 * docs/decisions/0193-report-reach-kept-per-period.md.
 */
export function cachedDonorFamily(db: Executor, year: string) {
  const day = moroccoToday();
  return memo(db, JSON.stringify(["donor-family", year, day]), async () => {
    if (db instanceof PgTransaction) return donorFamily(db, wiredSources(), year, day);
    // the versions first, then the rows: what is kept under a version is never older than it
    const versions = await periodVersions(db, year);
    const version = (months: number, start: string) => versions.get(`${months} ${start}`) ?? "0";
    const kept = keptOf(db);
    return donorFamily(db, wiredSources(), year, day, {
      periodPeople: (period, read) =>
        keep(kept, `people ${period.key}`, version(period.kind === "year" ? 12 : 3, period.from), read, "periods"),
      // a quarter's months are kept while none of its three months changed
      quarterMonths: (quarter, read) =>
        keep(
          kept,
          `months ${quarter.key}`,
          monthsOf(quarter)
            .map((m) => version(1, m))
            .join(),
          read,
          "months",
        ),
    });
  });
}

/** The first days of a quarter's three months. */
function monthsOf(quarter: { from: string }): string[] {
  const [y, m] = quarter.from.split("-").map(Number) as [number, number];
  return [0, 1, 2].map((i) => `${y}-${String(m + i).padStart(2, "0")}-01`);
}

type Kept = Map<string, { version: string; value: Promise<unknown> }>;

/** What the family read last per period (its people, a quarter's months), with the versions it was read at (per database). */
const keptPeople = new WeakMap<object, Kept>();
function keptOf(db: Executor): Kept {
  let kept = keptPeople.get(db);
  if (!kept) keptPeople.set(db, (kept = new Map()));
  // a few years at most are asked for: the oldest go first
  while (kept.size > 100) kept.delete(kept.keys().next().value as string);
  return kept;
}

/** The value kept under `key` when read at `version`, else `read` afresh and kept. */
function keep<T>(kept: Kept, key: string, version: string, read: () => Promise<T>, what: "periods" | "months") {
  const hit = kept.get(key);
  if (hit && hit.version === version) {
    reportCacheStats[what === "periods" ? "periodsKept" : "monthsKept"]++;
    return hit.value as Promise<T>;
  }
  reportCacheStats[what === "periods" ? "periodsRead" : "monthsRead"]++;
  const value = read();
  const entry = { version, value };
  kept.set(key, entry);
  value.catch(() => kept.get(key) === entry && kept.delete(key));
  return value;
}

/** The committed versions of a year's months, quarters and of the year ("3 2026-04-01" -> version); absent: never changed. */
async function periodVersions(db: Executor, year: string): Promise<Map<string, string>> {
  const rows = (await db.execute(sql`
    select period_months::int as months, period_start::text as start, version::text as version
    from report_period_versions
    where period_start >= ${`${year}-01-01`}::date and period_start <= ${`${year}-12-31`}::date`)) as unknown as {
    months: number;
    start: string;
    version: string;
  }[];
  return new Map(rows.map((r) => [`${r.months} ${r.start}`, r.version]));
}

/** The donor's report of a fixed period, read from its year's cached family. */
export function cachedDonorReport(db: Executor, options: { period: DonorPeriod; framework?: Framework }) {
  const { period } = options;
  const framework = options.framework ?? "snia";
  const key = JSON.stringify(["donor", period.key, framework, moroccoToday()]);
  return memo(db, key, async () =>
    donorReport(db, {
      period,
      framework,
      sources: wiredSources(),
      // not awaited: the report's budget, money and targets are read while the family is computed
      family: cachedDonorFamily(db, period.year),
      familyOf: (year) => cachedDonorFamily(db, year),
    }),
  );
}

/** The home panel's figure, cached like the reports. */
export function cachedReachedThisQuarter(db: Executor, filter: ReportFilter): Promise<number> {
  const key = JSON.stringify(["reached", filter.from, filter.to, filter.organisationId]);
  return memo(db, key, () => reachedThisQuarter(db, wiredSources(), filter));
}

/** Empties the cache of a database (tests that compare the cached and computed paths). */
export function clearReportCache(db: Executor): void {
  byDatabase.delete(db);
  keptPeople.delete(db);
}
