import { describe, expect, it } from "vitest";
import { formatMonth } from "../../../app/i18n/translate";
import { barGeometry, seriesGeometry, stackedGeometry } from "../../../app/modules/reporting/chart-geometry";

describe("chart geometry", () => {
  it("draws bars from the start edge, mirrored right to left", () => {
    const items = [
      { label: "Santé", value: 40 },
      { label: "Aide", value: "x" as const },
    ];
    const ltr = barGeometry(items, { rtl: false, width: 560 });
    const rtl = barGeometry(items, { rtl: true, width: 560 });
    expect(ltr.rects).toHaveLength(1); // a hidden value is not drawn
    const [a] = ltr.rects;
    const [b] = rtl.rects;
    expect(a!.x).toBe(150);
    // mirrored: same width, ending where the left-to-right bar starts from the other side
    expect(b!.w).toBeCloseTo(a!.w);
    expect(b!.x + b!.w).toBeCloseTo(560 - 150);
    expect(ltr.texts[0]).toMatchObject({ text: "Santé", anchor: "start", x: 4 });
    expect(rtl.texts[0]).toMatchObject({ text: "Santé", anchor: "end", x: 556 });
    expect(rtl.texts[3]?.text).toBe("x");
  });

  it("stacks parts side by side, scaled to the largest total", () => {
    const g = stackedGeometry(
      [
        { label: "A", parts: [10, 30], total: 40 },
        { label: "B", parts: [20, "x"], total: 22 },
      ],
      { rtl: false, width: 560 },
    );
    const row0 = g.rects.filter((r) => r.y === g.rects[0]!.y);
    expect(row0).toHaveLength(2);
    expect(row0[1]!.x).toBeCloseTo(row0[0]!.x + row0[0]!.w);
    expect(row0[0]!.w * 3).toBeCloseTo(row0[1]!.w);
  });

  it("runs time from right to left in Arabic and breaks the line at a hidden month", () => {
    const months = ["2026-01", "2026-02", "2026-03"];
    const ltr = seriesGeometry(months, [{ values: [5, "x", 9] }], { rtl: false });
    const rtl = seriesGeometry(months, [{ values: [5, "x", 9] }], { rtl: true });
    expect(ltr.lines).toHaveLength(2);
    expect(ltr.lines[0]!.points[0]![0]).toBeLessThan(ltr.lines[1]!.points[0]![0]);
    expect(rtl.lines[0]!.points[0]![0]).toBeGreaterThan(rtl.lines[1]!.points[0]![0]);
  });

  it("names the months as the monthly table does, never as '26-10', and names no more than asked", () => {
    const months = ["2026-10", "2026-11", "2026-12"];
    const plain = seriesGeometry(months, [{ values: [1, 2, 3] }], { rtl: false });
    expect(plain.texts.slice(0, 3).map((t) => t.text)).toEqual(months);
    const named = seriesGeometry(months, [{ values: [1, 2, 3] }], {
      rtl: true,
      monthLabel: (m) => formatMonth("ar", m),
    });
    expect(named.texts.slice(0, 3).map((t) => t.text)).toEqual(months.map((m) => formatMonth("ar", m)));
    expect(named.texts[0]!.text).toContain("أكتوبر");
    const year = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
    const thinned = seriesGeometry(year, [{ values: year.map(() => 1) }], {
      rtl: false,
      monthLabel: (m) => formatMonth("fr", m),
      maxMonthLabels: 4,
    });
    const shown = thinned.texts.slice(0, 12).filter((t) => t.text);
    expect(shown.map((t) => t.text)).toEqual(["janvier 2026", "avril 2026", "juillet 2026", "octobre 2026"]);
  });
});
