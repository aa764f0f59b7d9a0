/**
 * The indicator engine over a fixture with known counts. The fixture tables stand in
 * for the other modules' records (same column shape as their wired sources), so the
 * SQL aggregation, the disaggregations, the filters and the suppression are checked
 * independently of any one module.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../../app/modules/reporting/report.server";
import { assembleReport, type Report, type ReportTable } from "../../../app/modules/reporting/report-tables";
import { donorFamily, donorReport } from "../../../app/modules/reporting/donor.server";
import { donorPeriod } from "../../../app/modules/reporting/rules";
import { manualMoney, type Sources } from "../../../app/modules/reporting/sources.server";
import { addEntry, addRate, ensureBudget, updateBudget } from "../../../app/modules/reporting/service.server";
import {
  indicatorSnapshot,
  monthlyReach,
  outputs,
  reachByFramework,
  reachByResult,
} from "../../helpers/reporting-reference";
import { makeOrganisation, makeUser } from "../../factories";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
let orgA = "";
let orgB = "";

const persons: [string, string | null, string, string, boolean, string][] = [
  // key, sex, birth date, nationality, migrant, region
  ["p1", "f", "2026-01-15", "GN", true, "MA-04"], // 0 at the period end
  ["p2", "f", "2014-03-31", "GN", true, "MA-04"], // 12 on the period's last day
  ["p3", "f", "2014-04-01", "NG", true, "MA-04"], // still 11
  ["p4", "f", "2001-05-05", "ML", true, "MA-02"], // 24
  ["p5", "f", "1966-03-31", "CI", true, "MA-02"], // 60
  ["p6", "f", "1990-01-01", "CM", true, "MA-06"], // 36
  ["p7", "m", "1966-04-01", "MA", false, "MA-06"], // 59
  ["p8", "f", "1999-01-01", "MA", false, "MA-06"],
  ["p9", "m", "1999-01-01", "MA", false, "MA-06"],
  ["p10", "m", "1999-01-01", "SD", true, "MA-06"],
  ["p11", "m", "2003-01-01", "YE", true, "MA-01"],
  ["p12", null, "2003-01-01", "MA", false, "MA-01"],
];

const fixtureSources: Sources = {
  persons: sql`select person_key, sex, birth_date, nationality, is_migrant, region from fx_persons`,
  vulnerabilities: sql`select person_key, category from fx_vulnerabilities`,
  events: sql`select activity, person_key, occurred_on, organisation_id, detail, quantity, value_centimes from fx_events`,
  wired: ["medical_consultation", "aid_kit", "training_completed"],
  money: [
    manualMoney,
    sql`select 'health' as line_key, occurred_on as day, 'spent' as kind, value_centimes as mad_centimes from fx_events where activity = 'medical_consultation'`,
  ],
};

const Q1 = { from: "2026-01-01", to: "2026-03-31", organisationId: null };

function cell(table: ReportTable | undefined, rowLabel: unknown, column: number) {
  const row = table?.rows.find((r) => JSON.stringify(r[0]) === JSON.stringify(rowLabel));
  return row?.[column];
}

beforeAll(async () => {
  orgA = (await makeOrganisation(t.db)).id;
  orgB = (await makeOrganisation(t.db)).id;
  await t.db.execute(
    sql`create table fx_persons (person_key text primary key, sex text, birth_date date, nationality text, is_migrant boolean, region text)`,
  );
  await t.db.execute(sql`create table fx_vulnerabilities (person_key text, category text)`);
  await t.db.execute(
    sql`create table fx_events (activity text, person_key text, occurred_on date, organisation_id uuid, detail text, quantity bigint, value_centimes bigint)`,
  );
  for (const [key, sex, birth, nat, migrant, region] of persons) {
    await t.db.execute(sql`insert into fx_persons values (${key}, ${sex}, ${birth}, ${nat}, ${migrant}, ${region})`);
  }
  await t.db.execute(
    sql`insert into fx_vulnerabilities values ('p1','unaccompanied_child'), ('p2','unaccompanied_child'), ('p5','serious_medical_condition'), ('p10','irregular_situation')`,
  );
  const ev = (
    activity: string,
    key: string,
    day: string,
    org: string,
    detail: string | null,
    qty: number,
    value: number,
  ) =>
    t.db.execute(
      sql`insert into fx_events values (${activity}, ${key}, ${day}, ${org}::uuid, ${detail}, ${qty}, ${value})`,
    );
  // health: p1..p7, p1 twice; p1..p3 at association A
  for (const [i, key] of ["p1", "p2", "p3", "p4", "p5", "p6", "p7"].entries()) {
    await ev("medical_consultation", key, `2026-0${(i % 3) + 1}-10`, i < 3 ? orgA : orgB, "primary_care", 1, 200_00);
  }
  await ev("medical_consultation", "p1", "2026-03-20", orgA, "primary_care", 1, 200_00);
  // humanitarian: p1, p8, p9, p10 (two kits each, 150 MAD a kit); p12 after the quarter
  for (const key of ["p1", "p8", "p9", "p10"]) await ev("aid_kit", key, "2026-02-15", orgB, "hygiene_kit", 2, 300_00);
  await ev("aid_kit", "p12", "2026-04-02", orgB, "hygiene_kit", 2, 300_00);
  // employability: p11, p12
  await ev("training_completed", "p11", "2026-03-01", orgB, null, 1, 0);
  await ev("training_completed", "p12", "2026-03-01", orgB, null, 1, 0);
});

describe("indicators on a fixture with known counts", () => {
  it("counts distinct people per result and once across results", async () => {
    const rows = await reachByResult(t.db, fixtureSources, Q1);
    const total = (k: string) => rows.find((r) => r.key === k && r.dimension === null)?.persons;
    expect(total("health")).toBe(7);
    expect(total("humanitarian")).toBe(4);
    expect(total("employability")).toBe(2);
    expect(total("entrepreneurship")).toBeUndefined();
    expect(total("all")).toBe(12);
  });

  it("disaggregates by sex, age band (computed at the period end), nationality, migrant status and region", async () => {
    const rows = await reachByResult(t.db, fixtureSources, Q1);
    const n = (k: string, d: string, c: string) =>
      rows.find((r) => r.key === k && r.dimension === d && r.category === c)?.persons ?? 0;
    expect(n("health", "sex", "f")).toBe(6);
    expect(n("health", "sex", "m")).toBe(1);
    expect(n("all", "sex", "unknown")).toBe(1);
    expect(n("health", "age_band", "0-4")).toBe(1);
    expect(n("health", "age_band", "5-11")).toBe(1);
    expect(n("health", "age_band", "12-17")).toBe(1);
    expect(n("health", "age_band", "18-24")).toBe(1);
    expect(n("health", "age_band", "25-59")).toBe(2);
    expect(n("health", "age_band", "60+")).toBe(1);
    expect(n("health", "nationality", "GN")).toBe(2);
    expect(n("all", "nationality", "MA")).toBe(4);
    expect(n("health", "migrant", "migrant")).toBe(6);
    expect(n("health", "migrant", "national")).toBe(1);
    expect(n("all", "region", "MA-06")).toBe(5);
    expect(n("humanitarian", "region", "MA-06")).toBe(3);
  });

  it("filters by period and by partner association", async () => {
    const april = await reachByResult(t.db, fixtureSources, {
      from: "2026-04-01",
      to: "2026-06-30",
      organisationId: null,
    });
    expect(april.find((r) => r.key === "humanitarian" && r.dimension === null)?.persons).toBe(1);
    const a = await reachByResult(t.db, fixtureSources, { ...Q1, organisationId: orgA });
    expect(a.find((r) => r.key === "health" && r.dimension === null)?.persons).toBe(3);
    expect(a.find((r) => r.key === "humanitarian" && r.dimension === null)).toBeUndefined();
  });

  it("gives the same figures in the one-pass snapshot as in the indicator functions", async () => {
    for (const filter of [
      Q1,
      { ...Q1, organisationId: orgA },
      { from: "2026-01-01", to: "2026-12-31", organisationId: null },
    ]) {
      const snapshot = await indicatorSnapshot(t.db, fixtureSources, filter);
      const order = (rows: { key: string; dimension?: string | null; category?: string | null }[]) =>
        [...rows].map((r) => JSON.stringify(r)).sort();
      expect(order(snapshot.reach)).toEqual(order(await reachByResult(t.db, fixtureSources, filter)));
      // ("all" of the framework objectives is not a figure the report shows)
      expect(order(snapshot.frameworks)).toEqual(
        order((await reachByFramework(t.db, fixtureSources, filter)).filter((r) => r.key !== "all")),
      );
      expect(order(snapshot.monthly)).toEqual(order(await monthlyReach(t.db, fixtureSources, filter)));
      expect(snapshot.outputs.map((o) => JSON.stringify(o)).sort()).toEqual(
        (await outputs(t.db, fixtureSources, filter)).map((o) => JSON.stringify(o)).sort(),
      );
      expect(snapshot.reach.length).toBeGreaterThan(0);
    }
  });

  it("builds outputs, framework groups, the monthly series and vulnerability for staff", async () => {
    const report = await buildReport(t.db, {
      audience: "admin",
      filter: Q1,
      sources: fixtureSources,
      framework: "snia",
    });
    const outputs = report.tables.find((x) => x.id === "outputs");
    const kits = outputs?.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.activity.aid_kit" }),
    );
    expect(kits?.slice(2)).toEqual([4, 4, 8, 1200_00]);
    const consultations = outputs?.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.activity.medical_consultation" }),
    );
    expect(consultations?.slice(2, 4)).toEqual([7, 8]);
    const snia = report.tables.find((x) => x.id === "frameworks");
    expect(cell(snia, { key: "reporting.objective.OS5" }, 1)).toBe(7);
    expect(cell(snia, { key: "reporting.objective.OS10" }, 1)).toBe(2);
    expect(cell(snia, { key: "reporting.objective.OS7" }, 1)).toBe(0);
    expect(report.monthly.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(report.monthly.series.find((s) => s.key === "humanitarian")?.values).toEqual([0, 4, 0]);
    const vuln = report.tables.find((x) => x.id === "reach-vulnerability");
    expect(cell(vuln, { detail: "unaccompanied_child" }, 1)).toBe(2);
    expect(cell(vuln, { detail: "unaccompanied_child" }, 5)).toBe(2);
    expect(report.notWired).toContain("grant_awarded");
    expect(report.notWired).not.toContain("aid_kit");
  });

  it("gives donors fixed periods hidden together: a quarter that adds nothing to its year is hidden", async () => {
    const family = await donorFamily(t.db, fixtureSources, "2026", "2026-12-31");
    const report = (kind: "year" | "quarter" | "month", key: string) =>
      donorReport(t.db, { period: donorPeriod(kind, key)!, framework: "snia", sources: fixtureSources, family });
    const year = await report("year", "2026");
    const q1 = await report("quarter", "2026-Q1");
    const headline = (r: Report, k: string) => r.headline.find((h) => h.key === k)?.persons;
    // the year: 7 cared for, 5 given aid (p12's kit in April), 12 reached
    expect(headline(year, "health")).toBe(7);
    expect(headline(year, "humanitarian")).toBe(5);
    expect(headline(year, "all")).toBe(12);
    // the quarter's 7 are the year's 7: both shown would say that nobody else was cared for
    expect(headline(q1, "health")).toBe("x");
    expect(headline(q1, "humanitarian")).toBe("x");
    // a figure is one cell wherever it appears: the headline is the total row of every breakdown
    for (const r of [year, q1]) {
      for (const table of r.tables.filter((x) => x.id.startsWith("reach-"))) {
        const totals = table.rows.at(-1)!;
        expect(totals.slice(1), `${table.id}`).toEqual(r.headline.map((h) => h.persons));
        // no row of a breakdown shows a part of a hidden whole (the "all" column is each row's whole)
        for (const row of table.rows) if (row.at(-1) === "x") expect(row.slice(1)).toEqual(row.slice(1).map(() => "x"));
      }
    }
    expect(q1.tables.some((x) => x.id === "reach-vulnerability")).toBe(false);
    const kits = (r: Report) =>
      r.tables
        .find((x) => x.id === "outputs")
        ?.rows.find((row) => JSON.stringify(row[0]) === JSON.stringify({ key: "reporting.activity.aid_kit" }));
    // fewer than 5 people behind a line: its counts and amount too
    expect(kits(q1)?.slice(2)).toEqual(["x", "x", "x", "x"]);
    // the year's 5 given kits are the 5 given aid, shown in the headline: the line's people are hidden, its counts not
    expect(kits(year)?.slice(2)).toEqual(["x", 5, 10, 1500_00]);
    // a month: the headline only, and the same cells as the quarter's monthly series
    const february = await report("month", "2026-02");
    expect(february.headlineOnly).toBe(true);
    const series = q1.monthly.series.find((x) => x.key === "humanitarian")?.values[1];
    expect(headline(february, "humanitarian")).toBe(series);
    // the exact path refuses donors: their figures only come from the family
    expect(() =>
      assembleReport(
        {
          snapshot: { reach: [], frameworks: [], outputs: [], monthly: [] },
          vulnerability: null,
          budget: null,
          money: null,
        },
        { audience: "donor", filter: Q1, sources: fixtureSources },
      ),
    ).toThrow();
  });

  it("adds up the budget per line from records and manual entries, in MAD and USD", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    await ensureBudget(t.db);
    const lines = {
      health: 30_000_00,
      humanitarian_aid: 40_000_00,
      employability: 30_000_00,
      entrepreneurship_grants: 41_500_00,
      staff_operations: 10_000_00,
    };
    const set = await updateBudget(
      t.db,
      admin,
      {
        totalUsdCents: 151_500_00,
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        lines: Object.entries(lines).map(([line, plannedUsdCents]) => ({
          line: line as keyof typeof lines,
          plannedUsdCents,
        })),
      },
      {},
    );
    expect(set.ok).toBe(true);
    const over = await updateBudget(
      t.db,
      admin,
      {
        totalUsdCents: 151_500_00,
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        lines: [{ line: "health", plannedUsdCents: 151_500_01 }],
      },
      {},
    );
    expect(over.ok).toBe(false);
    await addRate(t.db, admin, { effectiveOn: "2026-01-01", rate: 100000 }, {});
    await addRate(t.db, admin, { effectiveOn: "2026-03-01", rate: 80000 }, {});
    expect((await addRate(t.db, admin, { effectiveOn: "2026-03-01", rate: 90000 }, {})).ok).toBe(false);
    await addEntry(
      t.db,
      admin,
      { lineKey: "staff_operations", kind: "spending", amount: 5_000_00, occurredOn: "2026-02-01", reference: "Loyer" },
      {},
    );
    await addEntry(
      t.db,
      admin,
      {
        lineKey: "entrepreneurship_grants",
        kind: "commitment",
        amount: 16_000_00,
        occurredOn: "2026-03-05",
        reference: "Convention",
      },
      {},
    );
    const report = await buildReport(t.db, { audience: "admin", filter: Q1, sources: fixtureSources });
    const budget = report.tables.find((x) => x.id === "budget");
    // health: consultations of the quarter at 200 MAD: Jan 3 (p1, p4, p7), Feb 2, Mar 3 (p3, p6, p1 again)
    const health = budget?.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.budgetLine.health" }),
    );
    // planned 30,000 USD at 8 MAD; spent 1,000 MAD at 10 (Jan, Feb) + 600 MAD at 8 (Mar)
    expect(health?.slice(1)).toEqual([30_000_00, 240_000_00, 0, 0, 1_600_00, 100_00 + 75_00, 30_000_00 - 175_00]);
    const staff = budget?.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.budgetLine.staff_operations" }),
    );
    expect(staff?.[5]).toBe(5_000_00);
    expect(staff?.[6]).toBe(500_00);
    const grants = budget?.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ key: "reporting.budgetLine.entrepreneurship_grants" }),
    );
    expect(grants?.[3]).toBe(16_000_00);
    expect(grants?.[4]).toBe(2_000_00);
    const total = budget?.rows.at(-1);
    expect(total?.[1]).toBe(151_500_00);
    expect(total?.[5]).toBe(6_600_00);
    expect(total?.[7]).toBe(151_500_00 - 175_00 - 500_00 - 2_000_00);
  });
});
