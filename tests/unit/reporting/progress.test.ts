/** Targets and progress: the status rule, the share of time gone by, and the table built from shown figures. */
import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../../app/modules/reporting/frameworks";
import { progressTable, type TargetRow } from "../../../app/modules/reporting/progress";
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
  const table = progressTable({
    shown,
    quarter: "2026-Q2",
    targets,
    value: (k) => values[k],
    toDate: { programme: { from: "2026-01-01", to: "2026-12-31" }, value: (k) => (k === "health" ? 100 : SUPPRESSED) },
    today: "2026-12-04",
  });
  const rowOf = (code: string, period: string) =>
    table.rows.find(
      (r) => JSON.stringify(r[0]) === JSON.stringify({ text: code }) && JSON.stringify(r[2]).includes(period),
    );

  it("has a row per indicator for the period shown, then one per programme target", () => {
    expect(table.rows).toHaveLength(INDICATORS.length + 2);
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
