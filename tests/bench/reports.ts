/**
 * `npm run bench:reports`: the time of each dashboard query and of the whole
 * dashboard (every query of the page, as the loader runs them) over the volume of
 * `npm run seed:scale`, for a quarter and for the whole year, as the donor and as an
 * admin, then the page itself over HTTP from the built app: served from the report cache
 * (decision 0075), and the first request after a change (the version bumped as a
 * committed write bumps it, so the report is computed again). Prints figures (median of
 * several runs); asserts nothing. Uses DATABASE_URL when set, else the embedded
 * database the scale seed filled.
 */
import { performance } from "node:perf_hooks";
import { createDb } from "../../db/client";
import { withDatabase } from "../../db/database";
import { getBudget, moneyByDay } from "../../app/modules/reporting/budget-queries.server";
import type { ReportFilter } from "../../app/modules/reporting/indicator-sql.server";
import {
  monthlyTotals,
  outputTotals,
  reachByVulnerability,
  reachTotals,
} from "../../app/modules/reporting/queries.server";
import { buildReport, readForReport } from "../../app/modules/reporting/report.server";
import { donorFamily, donorReport } from "../../app/modules/reporting/donor.server";
import { donorPeriodOf } from "../../app/modules/reporting/rules";
import { moroccoToday } from "../../app/lib/morocco-time";
import { wiredSources } from "../../app/modules/reporting/sources.server";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function time(run: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await run(); // warm the plan and cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 };
}

function printTime(name: string, median: number, max: number) {
  console.log(`  ${name.padEnd(58)} median ${median.toFixed(0).padStart(6)} ms   max ${max.toFixed(0).padStart(6)} ms`);
}

/**
 * The /reports requests to time: each period as each signed-in account asks for it. Donors
 * ask for a fixed period of the whole programme (a month, a quarter, a year), so a period
 * that is none, or that names one association, is not asked for as the donor.
 */
function pageRequests(periods: [string, ReportFilter][], cookies: Record<string, string>) {
  const requests: { label: string; who: string; cookie: string; query: URLSearchParams }[] = [];
  for (const [label, filter] of periods) {
    for (const [who, cookie] of Object.entries(cookies)) {
      const fixed = donorPeriodOf(filter);
      if (who === "donor" && (!fixed || filter.organisationId)) continue;
      const query = new URLSearchParams(
        who === "donor"
          ? { period: fixed!.key }
          : {
              from: filter.from,
              to: filter.to,
              ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
            },
      );
      requests.push({ label, who, cookie, query });
    }
  }
  return requests;
}

const { ensureEncryptionKey } = await import("../../app/modules/protection/crypto.server");
ensureEncryptionKey();

await withDatabase(async ({ url, migrationUrl }) => {
  // as many connections as the app's default pool (DB_POOL_SIZE): the page runs its reads side by side
  const handle = createDb(url, { max: 10 });
  const { db, sql } = handle;
  try {
    const [counts] = await sql`
      select (select count(*) from beneficiary_cases)::int as cases, (select count(*) from profiles)::int as profiles,
        (select count(*) from case_services)::int as services, (select count(*) from distributions)::int as distributions,
        (select count(*) from vouchers)::int as vouchers, (select count(*) from grant_applications)::int as applications`;
    console.log("volume:", counts);
    if ((counts?.services ?? 0) < 100_000)
      console.log("(little data: run `npm run seed:scale -- --beneficiaries 100000` first)");
    const sources = wiredSources();
    const periods: [string, ReportFilter][] = [
      ["2026-Q2", { from: "2026-04-01", to: "2026-06-30", organisationId: null }],
      ["2026 (year)", { from: "2026-01-01", to: "2026-12-31", organisationId: null }],
    ];
    const [org] = await sql`select id from organisations where kind = 'partner_association' order by name limit 1`;
    if (org)
      periods.push(["2026 one association", { from: "2026-01-01", to: "2026-12-31", organisationId: String(org.id) }]);
    for (const [label, filter] of periods) {
      console.log(`\n${label}`);
      const rows: [string, () => Promise<unknown>][] = [
        [
          "reachTotals (reach, disaggregations, frameworks)",
          () => readForReport(db, (tx) => reachTotals(tx, sources, filter)),
        ],
        [
          "monthlyTotals (people reached per month)",
          () => readForReport(db, (tx) => monthlyTotals(tx, sources, filter)),
        ],
        [
          "outputTotals (outputs per activity and detail)",
          () => readForReport(db, (tx) => outputTotals(tx, sources, filter)),
        ],
        [
          "reachByVulnerability (admin, decrypts)",
          () => readForReport(db, (tx) => reachByVulnerability(tx, sources, filter)),
        ],
        [
          "budget (getBudget + moneyByDay)",
          async () => Promise.all([getBudget(db), moneyByDay(db, sources, filter.to)]),
        ],
        // a donor's report: its year's family of published tables and the period's own reads side by side, then the period's tables (as the cache computes it)
        ...(donorPeriodOf(filter) && !filter.organisationId
          ? [
              [
                "WHOLE DASHBOARD as donor (the year's family and the period)",
                async () => {
                  const period = donorPeriodOf(filter)!;
                  const family = donorFamily(db, sources, period.year, moroccoToday());
                  return donorReport(db, { period, framework: "snia", sources, family });
                },
              ] as [string, () => Promise<unknown>],
            ]
          : []),
        ["WHOLE DASHBOARD as admin", () => buildReport(db, { audience: "admin", filter, sources })],
      ];
      for (const [name, run] of rows) {
        const { median, max } = await time(run);
        printTime(name, median, max);
      }
    }
    // the whole page as a browser gets it: the built app (`npm run build` first) as a
    // child process, signed in, one request at a time, the HTML read to its end
    const { signIn, startApp } = await import("./harness");
    // the app migrates as it starts: as the owner role, like `npm start` with DATABASE_MIGRATION_URL
    const app = await startApp(url, { quiet: true, env: { DATABASE_MIGRATION_URL: migrationUrl } });
    try {
      const cookies = {
        donor: await signIn(app.url, "donor@masar.test"),
        admin: await signIn(app.url, "admin@masar.test"),
      };
      console.log("\nGET /reports over HTTP (loader, queries and server rendering)");
      for (const { label, who, cookie, query } of pageRequests(periods, cookies)) {
        let bytes = 0;
        const { median, max } = await time(async () => {
          const response = await fetch(`${app.url}/reports?${query}`, { headers: { cookie } });
          const html = await response.text();
          if (response.status !== 200) throw new Error(`/reports answered ${response.status} to ${who}`);
          bytes = Buffer.byteLength(html);
        });
        const name = `${label} as ${who} (${Math.round(bytes / 1024)} KB)`;
        printTime(name, median, max);
      }
      // the cold path: each request the first after a change, which every cached report
      // misses. A committed write bumps report_version, and the versions of the month, the
      // quarter and the year whose people it changed (a donor's family reads those again,
      // decision 0193-report-reach-kept-per-period): a write about today (a service recorded
      // today), and one about every period of the year (say a person's sex corrected, who
      // was reached in every month)
      const today = moroccoToday();
      const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
      const changes: [string, () => Promise<unknown>][] = [
        [
          `a write about today (${today})`,
          () => sql`insert into report_period_versions (period_months, period_start, version)
            values (1, ${`${today.slice(0, 7)}-01`}::date, 1), (3, ${quarterStart}::date, 1), (12, ${`${today.slice(0, 4)}-01-01`}::date, 1)
            on conflict (period_months, period_start) do update set version = report_period_versions.version + 1`,
        ],
        [
          "a write about every period",
          () => sql`insert into report_period_versions (period_months, period_start, version)
            select distinct period_months, period_start, 1 from report_person_periods
            union select distinct 1::smallint, month, 1 from report_person_months
            on conflict (period_months, period_start) do update set version = report_period_versions.version + 1`,
        ],
      ];
      for (const [change, bumpPeriods] of changes) {
        console.log(`\nGET /reports over HTTP, the first request after ${change} (versions bumped before each)`);
        for (const { label, who, cookie, query } of pageRequests(periods, cookies)) {
          const { median, max } = await time(async () => {
            await bumpPeriods();
            await sql`update report_version set version = version + 1`;
            const response = await fetch(`${app.url}/reports?${query}`, { headers: { cookie } });
            await response.text();
            if (response.status !== 200) throw new Error(`/reports answered ${response.status} to ${who}`);
          });
          printTime(`${label} as ${who}, after a change`, median, max);
        }
      }
    } finally {
      await app.stop();
    }
  } finally {
    await handle.close();
  }
});
