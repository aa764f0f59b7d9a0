import { describe, expect, it } from "vitest";
import {
  ageBand,
  ageBandCaseSql,
  budgetFigures,
  linesFitBudget,
  madToUsdCents,
  monthsBetween,
  parseRate,
  quarterOf,
  quarterPeriod,
  offeredQuarters,
  quartersBetween,
  rateOn,
  donorPeriod,
  donorPeriodOf,
  monthPeriod,
  offeredPeriods,
  periodsOfYear,
  usdToMadCentimes,
} from "../../../app/modules/reporting/rules";
import { ageOn as ageAt } from "../../../app/lib/age";
import { ACTIVITY_SPECS, ACTIVITIES, frameworkPairs, regionOfCity } from "../../../app/modules/reporting/frameworks";

describe("age bands", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageAt("2000-06-15", "2026-06-14")).toBe(25);
    expect(ageAt("2000-06-15", "2026-06-15")).toBe(26);
    expect(ageAt("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageAt("2030-01-01", "2026-01-01")).toBeNull();
    expect(ageAt("not a date", "2026-01-01")).toBeNull();
  });
  it("puts each boundary age in the right band", () => {
    const cases: [number, string][] = [
      [0, "0-4"],
      [4, "0-4"],
      [5, "5-11"],
      [11, "5-11"],
      [12, "12-17"],
      [17, "12-17"],
      [18, "18-24"],
      [24, "18-24"],
      [25, "25-59"],
      [59, "25-59"],
      [60, "60+"],
      [97, "60+"],
    ];
    for (const [age, band] of cases) expect(ageBand(age)).toBe(band);
    expect(ageBand(null)).toBeNull();
    expect(ageBand(-1)).toBeNull();
  });
  it("writes the same boundaries in SQL", () => {
    const sql = ageBandCaseSql("a");
    expect(sql).toContain("when a <= 4 then '0-4'");
    expect(sql).toContain("when a <= 17 then '12-17'");
    expect(sql).toContain("when a >= 60 then '60+'");
  });
});

describe("periods", () => {
  it("turns a quarter into its first and last day", () => {
    expect(quarterPeriod("2026-Q1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(quarterPeriod("2024-Q1")).toEqual({ from: "2024-01-01", to: "2024-03-31" });
    expect(quarterPeriod("2026-Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(quarterPeriod("2026-Q5")).toBeNull();
    expect(quarterOf("2026-08-31")).toBe("2026-Q3");
  });
  it("lists the quarters and months of a period", () => {
    expect(quartersBetween("2025-11-10", "2026-04-01")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(monthsBetween("2025-11-10", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
  it("offers the programme's quarters up to today, newest first, and always this quarter", () => {
    const programme = { startsOn: "2026-02-01", endsOn: "2027-12-31" };
    expect(offeredQuarters(programme, "2026-08-15")).toEqual(["2026-Q3", "2026-Q2", "2026-Q1"]);
    // ended: its quarters, then this one on top
    expect(offeredQuarters({ startsOn: "2025-10-01", endsOn: "2026-01-31" }, "2026-08-15")).toEqual([
      "2026-Q3",
      "2026-Q1",
      "2025-Q4",
    ]);
    // no programme dates: this year so far
    expect(offeredQuarters({ startsOn: null, endsOn: null }, "2026-05-02")).toEqual(["2026-Q2", "2026-Q1"]);
  });
  it("knows the donor's fixed periods, and no other", () => {
    expect(monthPeriod("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    for (const bad of ["2026-00", "2026-13", "2026-99", "0000-01", "2026-1"]) expect(monthPeriod(bad), bad).toBeNull();
    expect(quarterPeriod("0000-Q1")).toBeNull();
    expect(donorPeriod("year", "2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-31", year: "2026" });
    expect(periodsOfYear("2026").map((p) => p.key)).toEqual([
      "2026",
      ...["Q1", "Q2", "Q3", "Q4"].map((q) => `2026-${q}`),
      ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    ]);
    expect(donorPeriodOf({ from: "2026-04-01", to: "2026-06-30" })?.key).toBe("2026-Q2");
    expect(donorPeriodOf({ from: "2026-05-01", to: "2026-05-31" })?.key).toBe("2026-05");
    expect(donorPeriodOf({ from: "2026-01-01", to: "2026-12-31" })?.key).toBe("2026");
    expect(donorPeriodOf({ from: "2026-05-02", to: "2026-05-31" })).toBeNull();
    expect(donorPeriodOf({ from: "2026-04-01", to: "2026-05-31" })).toBeNull();
  });
  it("offers donors the programme's years, quarters and months up to today, newest first", () => {
    const offered = offeredPeriods({ startsOn: "2026-02-01", endsOn: "2027-01-31" }, "2026-05-10");
    expect(offered).toEqual({
      years: ["2026"],
      quarters: ["2026-Q2", "2026-Q1"],
      months: ["2026-05", "2026-04", "2026-03", "2026-02"],
    });
  });
});

describe("money and budget", () => {
  it("reads and converts rates", () => {
    expect(parseRate("9.8765")).toBe(98765);
    expect(parseRate("10,5")).toBe(105000);
    expect(parseRate("0")).toBeNull();
    expect(parseRate("abc")).toBeNull();
    expect(madToUsdCents(1000_00, 100000)).toBe(100_00);
    expect(madToUsdCents(1, 100000)).toBe(0);
    expect(madToUsdCents(5, 100000)).toBe(1); // half a cent rounds up
    expect(usdToMadCentimes(151_500_00, 98765)).toBe(1_496_289_75);
  });
  it("picks the rate in force on a date", () => {
    const rates = [
      { effectiveOn: "2026-04-01", madPerUsdE4: 95000 },
      { effectiveOn: "2026-01-01", madPerUsdE4: 100000 },
    ];
    expect(rateOn(rates, "2026-03-31")?.madPerUsdE4).toBe(100000);
    expect(rateOn(rates, "2026-04-01")?.madPerUsdE4).toBe(95000);
    expect(rateOn(rates, "2025-06-01")?.madPerUsdE4).toBe(100000);
    expect(rateOn([], "2026-01-01")).toBeNull();
  });
  it("adds committed and spent per line, each at the rate of its day", () => {
    const rates = [
      { effectiveOn: "2026-01-01", madPerUsdE4: 100000 },
      { effectiveOn: "2026-07-01", madPerUsdE4: 80000 },
    ];
    const { lines, total } = budgetFigures(
      [
        { line: "health", plannedUsdCents: 30_000_00 },
        { line: "entrepreneurship_grants", plannedUsdCents: 50_000_00 },
      ],
      [
        { line: "health", day: "2026-02-01", kind: "spent", madCentimes: 10_000_00 },
        { line: "health", day: "2026-08-01", kind: "spent", madCentimes: 8_000_00 },
        { line: "entrepreneurship_grants", day: "2026-08-01", kind: "committed", madCentimes: 40_000_00 },
      ],
      rates,
      "2026-09-30",
    );
    const health = lines.find((l) => l.line === "health");
    expect(health?.spentMadCentimes).toBe(18_000_00);
    expect(health?.spentUsdCents).toBe(1_000_00 + 1_000_00);
    expect(health?.plannedMadCentimes).toBe(240_000_00);
    expect(health?.remainingUsdCents).toBe(28_000_00);
    const grants = lines.find((l) => l.line === "entrepreneurship_grants");
    expect(grants?.committedUsdCents).toBe(5_000_00);
    expect(grants?.remainingUsdCents).toBe(45_000_00);
    expect(total.plannedUsdCents).toBe(80_000_00);
    expect(total.spentMadCentimes).toBe(18_000_00);
    expect(total.remainingUsdCents).toBe(73_000_00);
    expect(lines).toHaveLength(5);
  });
  it("shows no USD when no rate is set", () => {
    const { total } = budgetFigures(
      [{ line: "health", plannedUsdCents: 100 }],
      [{ line: "health", day: "2026-01-01", kind: "spent", madCentimes: 100 }],
      [],
      "2026-01-01",
    );
    expect(total.spentUsdCents).toBeNull();
    expect(total.plannedMadCentimes).toBeNull();
  });
  it("refuses lines over the donor budget, by one cent", () => {
    expect(linesFitBudget([100_000_00, 51_500_00], 151_500_00)).toBe(true);
    expect(linesFitBudget([100_000_00, 51_500_01], 151_500_00)).toBe(false);
    expect(linesFitBudget([-1], 151_500_00)).toBe(false);
  });
});

describe("frameworks", () => {
  it("maps every activity to a result and the SNIA objectives to the right activities", () => {
    for (const a of ACTIVITIES) expect(ACTIVITY_SPECS[a].result).toBeTruthy();
    const snia = frameworkPairs("snia");
    expect(snia.filter((p) => p.objective === "OS7").map((p) => p.activity)).toEqual(["shelter"]);
    expect(snia.filter((p) => p.objective === "OS3").map((p) => p.activity)).toEqual(["language_training"]);
    expect(snia.some((p) => p.objective === "OS5" && p.activity === "medical_consultation")).toBe(true);
  });
  it("finds a city's region, accents and case folded", () => {
    expect(regionOfCity("Fès")).toBe("MA-03");
    expect(regionOfCity("CASABLANCA")).toBe("MA-06");
    expect(regionOfCity("Tan-Tan")).toBe("MA-10");
    expect(regionOfCity("Atlantis")).toBeNull();
  });
});
