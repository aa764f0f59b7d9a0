/**
 * Decision 0160. A donor's year family over the month rollup (donor.server.ts: each period folded once
 * for its people reached and its output lines' people, the outputs' sums read once per
 * quarter and added up for the year) equals the family read period by period without the
 * rollup's lines (people per line counted from the events, sums per period), on demo-like
 * data spread over the year; so does an admin's report of one period, whose people and
 * output lines' people come from one fold of the period. The outputs' sums read from
 * their sums per month and line (report_line_months, decision 0188-report-output-sums-per-month)
 * equal those read from the events.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import { seedScale } from "../../../db/seed-scale";
import { readFamily } from "../../../app/modules/reporting/donor.server";
import { buildReport } from "../../../app/modules/reporting/report.server";
import type { FamilyRaw } from "../../../app/modules/reporting/donor-family";
import { wiredSources } from "../../../app/modules/reporting/sources.server";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

beforeAll(async () => {
  await seedDemo(t.db);
  await seedScale(t.sql, 300);
}, 120_000);

/** The family as comparable data: rows of unordered statements sorted, maps as sorted entries. */
function comparable(raw: FamilyRaw) {
  const sorted = <T>(rows: T[]) => [...rows].map((r) => JSON.stringify(r)).sort();
  return {
    begun: [...raw.begun].sort(),
    figures: [...raw.figures]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, f]) => ({ ...f, key, reach: sorted(f.reach), frameworks: sorted(f.frameworks) })),
    months: [...raw.months].sort(([a], [b]) => a.localeCompare(b)).map(([m, counts]) => [m, [...counts].sort()]),
  };
}

describe("the donor's year family over the month rollup", () => {
  for (const today of ["2026-12-31", "2026-08-10"]) {
    it(`equals the family read period by period from the events (today ${today})`, async () => {
      const sources = wiredSources();
      const folded = await readFamily(t.db, sources, "2026", today);
      const perPeriod = await readFamily(t.db, { ...sources, lines: undefined }, "2026", today);
      expect(comparable(folded)).toEqual(comparable(perPeriod));
      // and without the period rollup (each quarter and the year folded from the months), with or without the lines
      const fromMonths = { ...sources, personPeriods: undefined };
      expect(comparable(await readFamily(t.db, fromMonths, "2026", today))).toEqual(comparable(folded));
      expect(comparable(await readFamily(t.db, { ...fromMonths, lines: undefined }, "2026", today))).toEqual(
        comparable(folded),
      );
      // and with the outputs' sums read from the events rather than from their sums per month and line
      expect(comparable(await readFamily(t.db, { ...sources, lineMonths: undefined }, "2026", today))).toEqual(
        comparable(folded),
      );
      // not an empty comparison: every begun period has people, lines with people and amounts
      expect([...folded.figures.keys()].sort()).toEqual(
        today === "2026-12-31"
          ? ["2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
          : ["2026", "2026-Q1", "2026-Q2", "2026-Q3"],
      );
      for (const [key, f] of folded.figures) {
        expect(f.reach.find((r) => r.key === "all" && r.dimension === null)?.persons, key).toBeGreaterThan(0);
        expect(
          f.outputs.some((o) => o.persons > 0),
          key,
        ).toBe(true);
        expect(
          f.outputs.some((o) => o.valueCentimes > 0),
          key,
        ).toBe(true);
      }
      // the year's sums are its four quarters' (events after today too), not its begun ones'
      const year = folded.figures.get("2026")!;
      const begunQuarters = [...folded.figures.keys()].filter((k) => k.includes("-Q"));
      const events = (key: string) => folded.figures.get(key)!.outputs.reduce((n, o) => n + o.events, 0);
      const quarterEvents = begunQuarters.reduce((n, k) => n + events(k), 0);
      if (today === "2026-12-31") expect(events("2026")).toBe(quarterEvents);
      else expect(events("2026")).toBeGreaterThan(quarterEvents);
      expect(year.outputs.length).toBeGreaterThan(0);
    });
  }
});

describe("an admin's report of one period over the month rollup", () => {
  for (const filter of [
    { from: "2026-04-01", to: "2026-06-30", organisationId: null },
    { from: "2026-01-01", to: "2026-12-31", organisationId: null },
  ]) {
    it(`equals the report read without the rollup's lines (${filter.from} to ${filter.to})`, async () => {
      const sources = wiredSources();
      const options = { audience: "admin" as const, filter, today: "2026-12-31" };
      const folded = await buildReport(t.db, { ...options, sources });
      const apart = await buildReport(t.db, { ...options, sources: { ...sources, lines: undefined } });
      expect(folded).toEqual(apart);
      const fromMonths = await buildReport(t.db, { ...options, sources: { ...sources, personPeriods: undefined } });
      expect(folded).toEqual(fromMonths);
      const fromEvents = await buildReport(t.db, { ...options, sources: { ...sources, lineMonths: undefined } });
      expect(folded).toEqual(fromEvents);
      const outputs = folded.tables.find((x) => x.id === "outputs");
      expect(outputs?.rows.length).toBeGreaterThan(3);
    });
  }
});
