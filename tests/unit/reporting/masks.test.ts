import { describe, expect, it } from "vitest";
import {
  ACTIVITIES,
  ACTIVITY_SPECS,
  activityMasks,
  frameworkPairs,
  FRAMEWORKS,
} from "../../../app/modules/reporting/frameworks";
import { isWholeMonths } from "../../../app/modules/reporting/rules";

const masks = activityMasks();
const activitiesOf = (mask: number) => ACTIVITIES.filter((a) => (mask & masks.bit[a]) !== 0);

describe("activity masks", () => {
  it("gives every activity its own bit, inside a signed 32-bit integer", () => {
    const bits = ACTIVITIES.map((a) => masks.bit[a]);
    expect(new Set(bits).size).toBe(ACTIVITIES.length);
    for (const b of bits) {
      expect(b).toBeGreaterThan(0);
      expect(b).toBeLessThan(2 ** 31);
      expect(b & (b - 1)).toBe(0); // a power of two
    }
  });

  it("masks each result with its reaching activities only, and 'all' with every reaching activity", () => {
    for (const r of masks.results) {
      const expected = ACTIVITIES.filter(
        (a) => ACTIVITY_SPECS[a].reach && (r.key === "all" || ACTIVITY_SPECS[a].result === r.key),
      );
      expect(activitiesOf(r.mask), r.key).toEqual(expected);
    }
    // an application does not make a person reached
    expect(activitiesOf(masks.results.find((r) => r.key === "all")?.mask ?? 0)).not.toContain("grant_application");
  });

  it("masks each framework objective with the reaching activities mapped to it", () => {
    for (const framework of FRAMEWORKS) {
      const byObjective = new Map<string, string[]>();
      for (const p of frameworkPairs(framework).filter((p) => ACTIVITY_SPECS[p.activity].reach)) {
        byObjective.set(`${framework}:${p.objective}`, [
          ...(byObjective.get(`${framework}:${p.objective}`) ?? []),
          p.activity,
        ]);
      }
      for (const [key, activities] of byObjective) {
        const found = masks.objectives.find((o) => o.key === key);
        expect(found, key).toBeDefined();
        expect(activitiesOf(found?.mask ?? 0)).toEqual(ACTIVITIES.filter((a) => activities.includes(a)));
      }
      expect(masks.objectives.filter((o) => o.key.startsWith(`${framework}:`)).length).toBe(byObjective.size);
    }
  });
});

describe("whole months", () => {
  it("recognises periods from a first day to a last day of a month", () => {
    expect(isWholeMonths({ from: "2026-04-01", to: "2026-06-30" })).toBe(true);
    expect(isWholeMonths({ from: "2026-01-01", to: "2026-12-31" })).toBe(true);
    expect(isWholeMonths({ from: "2024-02-01", to: "2024-02-29" })).toBe(true);
    expect(isWholeMonths({ from: "2026-02-01", to: "2026-02-28" })).toBe(true);
    expect(isWholeMonths({ from: "2026-04-02", to: "2026-06-30" })).toBe(false);
    expect(isWholeMonths({ from: "2026-04-01", to: "2026-06-29" })).toBe(false);
    expect(isWholeMonths({ from: "2026-07-01", to: "2026-06-30" })).toBe(false);
    expect(isWholeMonths({ from: "2026-02-30", to: "2026-03-31" })).toBe(false);
  });
});
