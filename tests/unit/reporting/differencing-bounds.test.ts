/**
 * The attacker's bounds (tests/helpers/differencing.ts), on tables small enough to check
 * by hand: what exact derivation through the lines misses and bounds find, and what they
 * must not find in a table hidden well.
 */
import { describe, expect, it } from "vitest";
import { boundLeaks, boundsOf, derivable, progressRange, type Relations } from "../../helpers/differencing";

const relations = (rest: Partial<Relations>): Relations => ({ lines: [], parts: [], parallels: [], same: [], ...rest });
const shown = (cells: Record<string, number | "x">) => new Map(Object.entries(cells));

describe("the attacker's bounds", () => {
  it("works out hidden counts adding up to 0: each is 0, as no count is negative", () => {
    // 6 = a + b + 6: one equation, two unknowns, no exact derivation; yet a = b = 0
    const cells = shown({ a: "x", b: "x", c: 6, total: 6 });
    const rel = relations({ lines: [{ interior: ["a", "b", "c"], margin: "total", people: false }] });
    expect(derivable(cells, rel.lines)).toEqual([]);
    expect(boundLeaks(cells, rel)).toEqual(["a is bounded to 0 exactly", "b is bounded to 0 exactly"]);
  });

  it("carries a bound from a part to a line: a hidden cell under a small whole, the other over it", () => {
    // 20 = a + b + 12, and a counts some of w's 3 people: a is 0 to 3, b 5 to 8
    const cells = shown({ a: "x", b: "x", c: 12, total: 20, w: 3 });
    const rel = relations({
      lines: [{ interior: ["a", "b", "c"], margin: "total", people: true }],
      parts: [{ part: "a", whole: "w" }],
    });
    expect(boundsOf(cells, rel).bounds.get("b")).toEqual({ lo: 5, hi: 8 });
    expect(boundLeaks(cells, rel).sort()).toEqual(["a is between 0 and 3 people", "w = 3 people, shown"]);
  });

  it("reads a value off its percentage of a known target, and a status", () => {
    expect(progressRange("v", 12, 25, null, 1)).toEqual([{ id: "v", lo: 3, hi: 3, why: "25 % of 12" }]);
    expect(progressRange("v", 400, 1, null, 1)[0]).toMatchObject({ lo: 4, hi: 7 });
    expect(progressRange("v", 10, null, "behind", 1)[0]).toMatchObject({ lo: 0, hi: 9 });
    expect(progressRange("v", 40, null, "on_track", 0.5)[0]).toMatchObject({ lo: 20, hi: 39 });
    expect(progressRange("v", 40, null, "reached", 0.5)[0]).toMatchObject({ lo: 40, hi: Infinity });
    // a hidden value beside its status against a target of 4: under 5 people
    const cells = shown({ v: "x", y: 30 });
    const rel = relations({ parts: [{ part: "v", whole: "y" }], ranges: progressRange("v", 4, null, "behind", 1) });
    expect(boundLeaks(cells, rel)).toEqual(["v is between 0 and 3 people"]);
  });

  it("finds nothing in a table hidden well, and says when a stated relation is wrong", () => {
    // 30 = a + b + 21 with a and b hidden: 9 people between them, each 0 to 9
    const cells = shown({ a: "x", b: "x", c: 21, total: 30 });
    const line = { interior: ["a", "b", "c"], margin: "total", people: true };
    expect(boundLeaks(cells, relations({ lines: [line] }))).toEqual([]);
    const wrong = relations({ lines: [line], parts: [{ part: "c", whole: "b" }], same: [["total", "c"]] });
    expect(boundLeaks(cells, wrong).some((l) => l.startsWith("contradiction"))).toBe(true);
  });
});
