import { describe, expect, it } from "vitest";
import { hiddenCells, type DisclosureModel } from "../../../app/modules/reporting/disclosure";

const model = (values: Record<string, number>, rest: Partial<DisclosureModel> = {}): DisclosureModel => ({
  values: new Map(Object.entries(values)),
  lines: [],
  parts: [],
  ...rest,
});

describe("hiddenCells", () => {
  it("hides every count of people under 5, zero included", () => {
    const hidden = hiddenCells(model({ a: 0, b: 4, c: 5, d: 12 }));
    expect([...hidden].sort()).toEqual(["a", "b"]);
  });

  it("never leaves a line with one hidden cell: the smallest shown interior cell goes too", () => {
    // 3 + 7 + 9 = 19: hiding the 3 alone leaves 19 - 7 - 9
    const hidden = hiddenCells(
      model({ f: 3, m: 7, x: 9, total: 19 }, { lines: [{ interior: ["f", "m", "x"], margin: "total" }] }),
    );
    expect([...hidden].sort()).toEqual(["f", "m"]);
  });

  it("hides more when the hidden cells of a line add up to fewer than 5 (two cells of 1 and 2)", () => {
    const hidden = hiddenCells(
      model({ a: 1, b: 2, c: 8, d: 30, total: 41 }, { lines: [{ interior: ["a", "b", "c", "d"], margin: "total" }] }),
    );
    expect([...hidden].sort()).toEqual(["a", "b", "c"]);
  });

  it("hides a line's cell when its hidden margin could be read from the others", () => {
    const hidden = hiddenCells(
      model({ f: 6, m: 7, total: 13 }, { forced: ["total"], lines: [{ interior: ["f", "m"], margin: "total" }] }),
    );
    expect(hidden.has("f")).toBe(true);
    expect(hidden.has("total")).toBe(true);
  });

  it("shows a part only with its whole, and only 5 or more apart (a row never says 8 beside a hidden total)", () => {
    const parts = [
      { part: "health-G", whole: "all-G" },
      { part: "Q1", whole: "year" },
      { part: "Q2", whole: "year" },
    ];
    // all-G is a row of the "all" column (a line): health-G beside it hidden would bound it from below
    const lines = [{ interior: ["all-G", "all-S"], margin: "all" }];
    const hidden = hiddenCells(
      model({ "health-G": 8, "all-G": 9, "all-S": 2, all: 11, Q1: 20, Q2: 40, year: 44 }, { parts, lines }),
    );
    expect(hidden.has("health-G")).toBe(true); // its whole is hidden
    expect(hidden.has("Q2")).toBe(true); // 44 - 40 = 4 people reached only outside Q2
    expect(hidden.has("Q1")).toBe(false);
    expect(hidden.has("year")).toBe(false); // a whole is hidden for its parts only if ranked lower
  });

  it("hides the whole instead when it ranks lower (an objective too close to a result), bounded both ways", () => {
    const parts = [
      { part: "health", whole: "GCM15" },
      { part: "GCM15", whole: "all" },
      { part: "health", whole: "all" },
    ];
    const rank = new Map([["GCM15", -1]]);
    const hidden = hiddenCells(model({ health: 20, GCM15: 22, all: 40 }, { parts, rank }));
    expect([...hidden]).toEqual(["GCM15"]);
  });

  it("hides more when a line's hidden amounts add up to 0 (each would be 0), the margin when none is left", () => {
    // events of a line behind fewer than 5 people: Q1 and Q2 are hidden, and are 0; with Q3 and Q4 shown, 10 - 6 - 4 = 0
    const lines = [{ interior: ["Q1", "Q2", "Q3", "Q4"], margin: "Y" }];
    const kinds = new Map(["Q1", "Q2", "Q3", "Q4", "Y"].map((id) => [id, "amount" as const]));
    const hidden = hiddenCells(model({ Q1: 0, Q2: 0, Q3: 6, Q4: 4, Y: 10 }, { lines, kinds, forced: ["Q1", "Q2"] }));
    expect([...hidden].sort()).toEqual(["Q1", "Q2", "Q4"]);
    // a money value that is 0 every quarter: hiding other zeros would not help, the year's goes
    const zeros = hiddenCells(
      model({ Q1: 0, Q2: 0, Q3: 0, Q4: 0, Y: 0 }, { lines, kinds, forced: ["Q1", "Q2", "Q3", "Q4"] }),
    );
    expect([...zeros].sort()).toEqual(["Q1", "Q2", "Q3", "Q4", "Y"]);
  });

  it("counts cells the reader knows anyway (a quarter not begun) as shown in lines", () => {
    // 10 + 3 + 0 + 0 = 13: with Q3 and Q4 known to be empty, hiding Q2 alone would give it away
    const lines = [{ interior: ["Q1", "Q2", "Q3", "Q4"], margin: "Y" }];
    const kinds = new Map(["Q1", "Q2", "Q3", "Q4", "Y"].map((id) => [id, "amount" as const]));
    const hidden = hiddenCells(
      model({ Q1: 10, Q2: 3, Q3: 0, Q4: 0, Y: 13 }, { lines, kinds, forced: ["Q2"], known: ["Q3", "Q4"] }),
    );
    expect([...hidden].sort()).toEqual(["Q1", "Q2"]);
  });

  it("protects the difference of two parallel breakdowns: new people in hidden categories add up to 5 or more", () => {
    // quarter: 20 = 12 + 5 + 3; year: 34 = 25 + 6 + 3. The 3s are hidden, with the 5 and the 6;
    // then (6 - 5) + (3 - 3) = 1 newcomer in b and c could be read: a is hidden in the quarter too.
    const values = { qa: 12, qb: 5, qc: 3, q: 20, ya: 25, yb: 6, yc: 3, y: 34 };
    const quarter = { interior: ["qa", "qb", "qc"], margin: "q" };
    const year = { interior: ["ya", "yb", "yc"], margin: "y" };
    const parts = ["a", "b", "c", ""].map((c) => ({ part: `q${c}`, whole: `y${c}` }));
    const hidden = hiddenCells(
      model(values, { lines: [quarter, year], parts, parallels: [{ part: quarter, whole: year }] }),
    );
    const newcomers = ["a", "b", "c"]
      .filter((c) => hidden.has(`q${c}`) || hidden.has(`y${c}`))
      .reduce((n, c) => n + values[`y${c}` as "ya"] - values[`q${c}` as "qa"], 0);
    expect([...hidden].sort()).toEqual(["qa", "qb", "qc", "yb", "yc"]);
    expect(newcomers).toBeGreaterThanOrEqual(5);
  });

  it("is deterministic, and hides nothing in a table with no small cell", () => {
    const values = { a: 10, b: 20, total: 30 };
    const lines = [{ interior: ["a", "b"], margin: "total" }];
    expect(hiddenCells(model(values, { lines })).size).toBe(0);
    const small = { a: 2, b: 20, c: 20, total: 42 };
    const once = hiddenCells(model(small, { lines: [{ interior: ["a", "b", "c"], margin: "total" }] }));
    const twice = hiddenCells(model(small, { lines: [{ interior: ["a", "b", "c"], margin: "total" }] }));
    expect([...once]).toEqual([...twice]);
    expect([...once].sort()).toEqual(["a", "b"]); // ties broken by order: the first 20
  });
});
