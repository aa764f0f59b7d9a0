/** Targets and progress: the status rule, the share of time gone by, and the table built from shown figures. */
import { describe, expect, it } from "vitest";
import { indicatorUnit, INDICATORS } from "../../../app/modules/reporting/frameworks";
import {
  exactFigures,
  indicatorValue,
  progressTable,
  type IndicatorFigures,
  type TargetRow,
} from "../../../app/modules/reporting/progress";
import {
  elapsedShare,
  isTargetPeriod,
  programmeToDate,
  progressOf,
  SUPPRESSED,
} from "../../../app/modules/reporting/rules";

describe("progressOf", () => {
  it("is reached at the target and beyond, whatever the time gone by", () => {
    expect(progressOf(100, 100, 0.1)).toEqual({ percent: 100, status: "reached" });
    expect(progressOf(130, 100, 0)).toEqual({ percent: 130, status: "reached" });
  });
  it("is on track while the value keeps up with the time gone by, behind when it does not", () => {
    expect(progressOf(50, 100, 0.5)).toEqual({ percent: 50, status: "on_track" });
    expect(progressOf(49, 100, 0.5)).toEqual({ percent: 49, status: "behind" });
    expect(progressOf(0, 100, 0)).toEqual({ percent: 0, status: "on_track" });
  });
  it("is behind for an unreached target once its period is over", () => {
    expect(progressOf(99, 100, 1)).toEqual({ percent: 99, status: "behind" });
  });
  it("rounds the percentage down: 99.6% of the way is not 100%", () => {
    expect(progressOf(996, 1000, 1).percent).toBe(99);
  });
  it("has no percentage for a target of 0, which any value reaches", () => {
    expect(progressOf(0, 0, 0.3)).toEqual({ percent: null, status: "reached" });
  });
  it("has neither without a target", () => {
    expect(progressOf(12, null, 0.5)).toEqual({ percent: null, status: null });
  });
  it("hides the percentage and the status of a hidden value", () => {
    expect(progressOf(SUPPRESSED, 100, 0.5)).toEqual({ percent: SUPPRESSED, status: null });
  });
});

describe("elapsedShare", () => {
  const q = { from: "2026-04-01", to: "2026-06-30" }; // 91 days
  it("counts the days gone by, the last day included", () => {
    expect(elapsedShare(q, "2026-03-31")).toBe(0);
    expect(elapsedShare(q, "2026-04-01")).toBeCloseTo(1 / 91);
    expect(elapsedShare(q, "2026-05-15")).toBeCloseTo(45 / 91);
    expect(elapsedShare(q, "2026-06-30")).toBe(1);
    expect(elapsedShare(q, "2027-01-01")).toBe(1);
  });
});

describe("programmeToDate", () => {
  const programme = { from: "2026-02-01", to: "2026-11-30" };
  it("runs from the programme's start to the end of the period shown, never past the programme's end", () => {
    expect(programmeToDate(programme, { from: "2026-04-01", to: "2026-06-30" })).toEqual({
      from: "2026-02-01",
      to: "2026-06-30",
    });
    expect(programmeToDate(programme, { from: "2026-10-01", to: "2026-12-31" })).toEqual(programme);
  });
  it("is nothing before the programme starts", () => {
    expect(programmeToDate(programme, { from: "2025-10-01", to: "2025-12-31" })).toBeNull();
  });
});

describe("isTargetPeriod", () => {
  it("takes the programme or a quarter, nothing else", () => {
    expect(isTargetPeriod("programme")).toBe(true);
    expect(isTargetPeriod("2026-Q3")).toBe(true);
    for (const bad of ["2026", "2026-Q5", "2026-05", "0000-Q1", "Programme", ""])
      expect(isTargetPeriod(bad)).toBe(false);
  });
});

describe("progressTable", () => {
  const shown = { from: "2026-04-01", to: "2026-06-30" };
  const targets: TargetRow[] = [
    { indicator: "R1.1", period: "2026-Q2", baseline: 0, target: 40 },
    { indicator: "R2.1", period: "2026-Q2", baseline: 3, target: 20 },
    { indicator: "R1.1", period: "programme", baseline: 10, target: 200 },
    { indicator: "R2.1", period: "programme", baseline: 0, target: 100 },
    { indicator: "R3.1", period: "2026-Q3", baseline: 0, target: 40 },
  ];
  const values = { all: 70, health: 42, humanitarian: SUPPRESSED, employability: 9, entrepreneurship: 0 } as const;
  const figures = (reach: IndicatorFigures["reach"]): IndicatorFigures => ({
    reach,
    outputLines: [],
    output: () => 0,
    employment: () => 0,
    business: () => 0,
    group: () => 0,
  });
  const table = progressTable({
    shown,
    quarter: "2026-Q2",
    targets,
    figures: figures((k) => values[k]),
    toDate: {
      programme: { from: "2026-01-01", to: "2026-12-31" },
      figures: figures((k) => (k === "health" ? 100 : SUPPRESSED)),
    },
    today: "2026-12-04",
  });
  const rowOf = (code: string, period: string) =>
    table.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ text: code }) && JSON.stringify(r[2]).includes(period),
    );

  it("has a row per indicator for the period shown, each followed by its programme-to-date row when it has a programme target", () => {
    expect(table.rows).toHaveLength(INDICATORS.length + 2);
    const codes = table.rows.map((r) => JSON.stringify(r[0]));
    expect(codes.slice(0, 5)).toEqual(["OG.1", "OG.2", "R1.1", "R1.1", "R1.2"].map((text) => JSON.stringify({ text })));
    expect(JSON.stringify(table.rows[3]?.[2])).toContain("programmeToDate");
  });
  it("puts each group of indicators under its heading: the overall objective, then each result", () => {
    const code = (row: number) => JSON.stringify(table.rows[row]?.[0]);
    expect(table.sections?.map((s) => s.label)).toEqual([
      { indicatorGroup: null },
      { indicatorGroup: "health" },
      { indicatorGroup: "humanitarian" },
      { indicatorGroup: "employability" },
      { indicatorGroup: "entrepreneurship" },
    ]);
    // each heading stands above its group's first indicator (programme-to-date rows shift them)
    expect(table.sections?.map((s) => code(s.row))).toEqual(
      ["OG.1", "R1.1", "R2.1", "R3.1", "R4.1"].map((text) => JSON.stringify({ text })),
    );
    // a table of some indicators only (a donor's month) has a heading per group it shows
    const month = progressTable({
      shown,
      quarter: null,
      targets: [],
      figures: figures((k) => values[k]),
      toDate: null,
      today: "2026-12-04",
      indicators: INDICATORS.filter((i) => i.measure.kind === "reach"),
    });
    expect(month.sections?.map((s) => s.row)).toEqual([0, 1, 2, 3, 4]);
  });
  it("measures the period shown against its quarter's target", () => {
    expect(rowOf("R1.1", "periodShown")?.slice(3)).toEqual([
      0,
      42,
      40,
      105,
      { key: "reporting.progress.status.reached" },
    ]);
  });
  it("shows a hidden value with no percentage and no status", () => {
    expect(rowOf("R2.1", "periodShown")?.slice(3)).toEqual([3, SUPPRESSED, 20, SUPPRESSED, null]);
    expect(rowOf("R2.1", "programmeToDate")?.slice(3)).toEqual([0, SUPPRESSED, 100, SUPPRESSED, null]);
  });
  it("hides every programme-to-date value when no figures are published for the span", () => {
    const hidden = progressTable({
      shown,
      quarter: "2026-Q2",
      targets,
      figures: figures((k) => values[k]),
      toDate: { programme: { from: "2026-01-01", to: "2026-12-31" }, figures: null },
      today: "2026-12-04",
    });
    const toDate = hidden.rows.filter((r) => JSON.stringify(r[2]).includes("programmeToDate"));
    expect(toDate).toHaveLength(2);
    for (const r of toDate) expect(r.slice(4, 8)).toEqual([SUPPRESSED, r[5], SUPPRESSED, null]);
  });
  it("ignores another quarter's target", () => {
    expect(rowOf("R3.1", "periodShown")?.slice(3)).toEqual([null, 9, null, null, null]);
  });
  it("measures the programme to date against the programme's target and the time gone by", () => {
    // 100 of 200 (50%) at the end of June, with 181 of 365 days of the programme gone by (49.6%)
    expect(rowOf("R1.1", "programmeToDate")?.slice(3)).toEqual([
      10,
      100,
      200,
      50,
      { key: "reporting.progress.status.on_track" },
    ]);
  });
});

describe("indicatorValue", () => {
  const byCode = (code: string) => {
    const found = INDICATORS.find((i) => i.code === code);
    if (!found) throw new Error(code);
    return found;
  };
  const outputs = [
    { activity: "aid_kit", detail: "hygiene", events: 3, quantity: 12, valueCentimes: 0, persons: 3 },
    { activity: "aid_kit", detail: "blanket", events: 2, quantity: 4, valueCentimes: 0, persons: 2 },
    { activity: "internship", detail: "completed", events: 5, quantity: 5, valueCentimes: 0, persons: 5 },
    { activity: "internship", detail: "ongoing", events: 7, quantity: 7, valueCentimes: 0, persons: 7 },
    { activity: "training_completed", detail: "soft_skills", events: 6, quantity: 6, valueCentimes: 0, persons: 6 },
    { activity: "language_training", detail: "language_culture", events: 4, quantity: 4, valueCentimes: 0, persons: 4 },
    { activity: "voucher", detail: "issued", events: 8, quantity: 8, valueCentimes: 0, persons: 8 },
    { activity: "voucher", detail: "redeemed", events: 3, quantity: 3, valueCentimes: 0, persons: 3 },
    { activity: "legal_assistance", detail: "documents", events: 2, quantity: 2, valueCentimes: 0, persons: 2 },
    { activity: "legal_assistance", detail: "court", events: 1, quantity: 1, valueCentimes: 0, persons: 1 },
    { activity: "avrr", detail: "request", events: 4, quantity: 4, valueCentimes: 0, persons: 4 },
    { activity: "avrr", detail: "withdrawn", events: 1, quantity: 1, valueCentimes: 0, persons: 1 },
    { activity: "avrr", detail: "departure", events: 2, quantity: 2, valueCentimes: 0, persons: 2 },
    { activity: "avrr", detail: "monitoring", events: 1, quantity: 1, valueCentimes: 0, persons: 1 },
  ] as const;
  const exact = exactFigures({
    reach: [{ key: "health", dimension: null, category: null, persons: 11 }],
    outputs: outputs.map((o) => ({ ...o })),
    employment: [
      { months: 3, checked: 9, employed: 2 },
      { months: 6, checked: 8, employed: 5 },
    ],
    businesses: [
      { months: 3, visited: 7, running: 6, jobs: 8, jobsWomen: 4, jobsMigrants: 3 },
      { months: 6, visited: 6, running: 5, jobs: 9, jobsWomen: 4, jobsMigrants: 3 },
      { months: 12, visited: 4, running: 3, jobs: 7, jobsWomen: 2, jobsMigrants: 1 },
    ],
    groups: {
      kinds: [
        { kind: "awareness", activities: 2, participants: 25, linked: 3, unregistered: 22 },
        { kind: "information", activities: 0, participants: 0, linked: 0, unregistered: 0 },
        { kind: "psychosocial", activities: 1, participants: 9, linked: 9, unregistered: 0 },
      ],
      linkedOnly: 2,
      unregistered: 22,
      householdMembers: 5,
    },
  });

  it("reads each indicator from its figure: people, a sum of output lines, a milestone", () => {
    expect(indicatorValue(byCode("R1.1"), exact)).toBe(11);
    expect(indicatorValue(byCode("R1.2"), exact)).toBe(0);
    // items: the quantities of every kind
    expect(indicatorValue(byCode("R2.3"), exact)).toBe(16);
    // completed internships only
    expect(indicatorValue(byCode("R3.3"), exact)).toBe(5);
    // certificates of vocational and language trainings
    expect(indicatorValue(byCode("R3.2"), exact)).toBe(10);
    expect(indicatorValue(byCode("R3.4"), exact)).toBe(5);
    expect(indicatorValue(byCode("R4.3"), exact)).toBe(5);
    expect(indicatorValue(byCode("R4.4"), exact)).toBe(3);
    expect(indicatorValue(byCode("R4.5"), exact)).toBe(9);
  });

  it("reads the indicators of group sessions, vouchers redeemed, legal assistance, returns and 3-month visits", () => {
    // every kind's headcount, linked or not
    expect(indicatorValue(byCode("OG.2"), exact)).toBe(34);
    // vouchers: issued counts both lines, redeemed its own
    expect(indicatorValue(byCode("R2.4"), exact)).toBe(11);
    expect(indicatorValue(byCode("R2.5"), exact)).toBe(3);
    expect(indicatorValue(byCode("R2.6"), exact)).toBe(3);
    // returns made: departed and later stages, not requests nor withdrawals
    expect(indicatorValue(byCode("R2.7"), exact)).toBe(3);
    expect(indicatorValue(byCode("R4.6"), exact)).toBe(6);
    // no group sessions read (another source's shape): none
    expect(indicatorValue(byCode("OG.2"), exactFigures({ reach: [], outputs: [] }))).toBe(0);
  });

  it("gives the donor the group table's total as published: hidden when it is", () => {
    const shown = (participants: number | typeof SUPPRESSED): IndicatorFigures => ({
      ...exact,
      group: () => participants,
    });
    expect(indicatorValue(byCode("OG.2"), shown(SUPPRESSED))).toBe(SUPPRESSED);
    expect(indicatorValue(byCode("OG.2"), shown(40))).toBe(40);
  });

  it("hides a sum when any of its lines is hidden, and shows it when all are", () => {
    const shown: IndicatorFigures = {
      ...exact,
      output: (activity, detail, measure) =>
        activity === "aid_kit" && detail === "blanket" ? SUPPRESSED : exact.output(activity, detail, measure),
    };
    expect(indicatorValue(byCode("R2.3"), shown)).toBe(SUPPRESSED);
    expect(indicatorValue(byCode("R3.3"), shown)).toBe(5);
  });
});

describe("indicatorUnit", () => {
  it("is people for people reached and people in work, a count for everything else", () => {
    const unitOf = (code: string) => indicatorUnit(INDICATORS.find((i) => i.code === code)!.measure);
    expect(["OG.1", "R1.1", "R3.4"].map(unitOf)).toEqual(["people", "people", "people"]);
    expect(["OG.2", "R1.2", "R2.2", "R2.5", "R4.3", "R4.5", "R4.6"].map(unitOf)).toEqual(Array(7).fill("count"));
  });
  it("is derived for every indicator from what it is read from", () => {
    for (const indicator of INDICATORS) {
      expect(indicator, indicator.code).not.toHaveProperty("unit");
      const people = indicator.measure.kind === "reach" || indicator.measure.kind === "employment";
      expect(indicatorUnit(indicator.measure), indicator.code).toBe(people ? "people" : "count");
    }
  });
});
