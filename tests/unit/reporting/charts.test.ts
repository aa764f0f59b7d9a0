import { describe, expect, it } from "vitest";
import { formatMonth } from "../../../app/i18n/translate";
import { barGeometry, seriesGeometry, stackedGeometry, wrapLabel } from "../../../app/modules/reporting/chart-geometry";

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

  it("puts each label over its bar, whole width, from the right edge in Arabic, wrapped when long", () => {
    const long =
      "OS6 : coordination des associations de santé et des services sociaux de la région et de sa province voisine";
    const items = [
      { label: "OS3 : langues et culture", value: 3 },
      { label: long, value: 10 },
    ];
    const ltr = barGeometry(items, { rtl: false, width: 340, labels: "above" });
    const rtl = barGeometry(items, { rtl: true, width: 340, labels: "above" });
    // label lines first, then the value: the long label takes two lines, cut with "…"
    const lines = ltr.texts.filter((t) => t.text.startsWith("OS") || /[a-z]/.test(t.text));
    expect(lines.map((t) => t.text)).toHaveLength(3);
    expect(lines[2]!.text.endsWith("…")).toBe(true);
    for (const t of lines) expect(t.text.length * 7).toBeLessThanOrEqual(340 - 16);
    // each label line sits over its bar, the bar spans the width left by the value
    const [bar0, bar1] = ltr.rects;
    expect(lines[0]!.y).toBeLessThan(bar0!.y);
    expect(lines[2]!.y).toBeLessThan(bar1!.y);
    expect(lines[1]!.y).toBeGreaterThan(bar0!.y);
    expect(bar1!.x).toBe(4);
    expect(bar1!.w).toBeCloseTo(340 - 8 - 48);
    // mirrored: the labels' right ends at the right edge, the bars growing leftwards from it
    expect(rtl.texts[0]).toMatchObject({ anchor: "end", x: 332 });
    expect(rtl.rects[1]!.x + rtl.rects[1]!.w).toBeCloseTo(336);
    expect(ltr.height).toBe(rtl.height);
  });

  it("wraps at spaces, never more lines than asked", () => {
    expect(wrapLabel("a bb ccc", 4)).toEqual(["a bb", "ccc"]);
    expect(wrapLabel("one two three four", 7, 2)).toEqual(["one two", "three…"]);
    expect(wrapLabel("incomprehensibilities", 8)).toEqual(["incompr…"]);
    expect(wrapLabel("", 8)).toEqual([""]);
  });

  it("keeps a long month name at either end inside the chart, on the page", () => {
    const months = ["2026-10", "2026-11", "2026-12"];
    const g = seriesGeometry(months, [{ values: [1, 2, 3] }], {
      rtl: false,
      width: 340,
      monthLabel: (m) => formatMonth("fr", m),
      labelsInside: true,
    });
    for (const t of g.texts.slice(0, 3)) {
      expect(t.x - (t.text.length * 7) / 2).toBeGreaterThanOrEqual(0);
      expect(t.x + (t.text.length * 7) / 2).toBeLessThanOrEqual(340);
    }
  });
});
