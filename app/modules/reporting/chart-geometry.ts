/**
 * Chart layout as plain numbers, so the page (HTML SVG) and the PDF (react-pdf SVG)
 * draw the same picture. Right to left mirrors everything: labels on the right,
 * bars growing leftwards, time running from right to left.
 */
import type { Shown } from "./rules";

/**
 * A text at a point. `anchor` is physical, whatever the text's direction: "start" puts the
 * text's left end at x, "end" its right end (SvgChart turns it into SVG's logical anchor).
 */
export type TextMark = { x: number; y: number; text: string; anchor: "start" | "end" | "middle" };
export type RectMark = { x: number; y: number; w: number; h: number; series: number };
export type Geometry = {
  width: number;
  height: number;
  rects: RectMark[];
  texts: TextMark[];
  lines: { points: [number, number][]; series: number }[];
  axes: { x1: number; y1: number; x2: number; y2: number }[];
};

const numeric = (v: Shown): number => (typeof v === "number" ? v : 0);

function scaleMax(values: number[]): number {
  const max = Math.max(1, ...values);
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return max;
}

const LABEL_W = 150;
const VALUE_W = 48;
const ROW_H = 28;
const BAR_H = 18;

type BarOptions = {
  width?: number;
  rtl: boolean;
  format?: (n: number) => string;
  /**
   * `beside` (the default): labels in a column at the start edge, cut by the reader when
   * long. `above`: each label on its own line(s) over its bar, the bar across the whole
   * width, so long labels (an objective's name, Arabic) fit a phone's narrow chart.
   */
  labels?: "beside" | "above";
};

/** Horizontal bars, one row per item; suppressed values are not drawn, their label says "<5". */
export function barGeometry(items: { label: string; value: Shown }[], options: BarOptions): Geometry {
  return stackedGeometry(
    items.map((i) => ({ label: i.label, parts: [i.value], total: i.value })),
    options,
  );
}

/** Roughly how wide a 12-unit glyph is, in units, in Latin and Arabic text alike (kept on the wide side). */
const GLYPH_W = 7;
const LINE_H = 15;
const ABOVE_BAR_H = 16;
const ABOVE_GAP = 10;

/**
 * A label broken at spaces into lines of at most `maxChars` characters, `maxLines` at
 * most; what does not fit ends the last line with "…" (the table beside holds it whole).
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 2): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines).map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1] ?? "";
    kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  }
  return kept.length ? kept : [""];
}

/** Horizontal stacked bars: each item's parts side by side from the start edge. */
export function stackedGeometry(
  items: { label: string; parts: Shown[]; total: Shown }[],
  options: BarOptions,
): Geometry {
  if (options.labels === "above") return stackedAbove(items, options);
  const width = options.width ?? 560;
  const format = options.format ?? ((n: number) => String(n));
  const height = Math.max(1, items.length) * ROW_H + 8;
  const plotW = width - LABEL_W - VALUE_W;
  const max = scaleMax(items.map((i) => i.parts.reduce<number>((a, p) => a + numeric(p), 0)));
  const rects: RectMark[] = [];
  const texts: TextMark[] = [];
  items.forEach((item, row) => {
    const y = row * ROW_H + 4;
    let offset = 0;
    item.parts.forEach((part, series) => {
      const w = (numeric(part) / max) * plotW;
      if (w <= 0) return;
      const start = LABEL_W + offset;
      rects.push({ x: options.rtl ? width - start - w : start, y, w, h: BAR_H, series });
      offset += w;
    });
    const labelX = options.rtl ? width - 4 : 4;
    texts.push({ x: labelX, y: y + 13, text: item.label, anchor: options.rtl ? "end" : "start" });
    const valueX = options.rtl ? width - LABEL_W - offset - 4 : LABEL_W + offset + 4;
    texts.push({
      x: valueX,
      y: y + 13,
      text: typeof item.total === "number" ? format(item.total) : item.total,
      anchor: options.rtl ? "end" : "start",
    });
  });
  const axisX = options.rtl ? width - LABEL_W : LABEL_W;
  return { width, height, rects, texts, lines: [], axes: [{ x1: axisX, y1: 0, x2: axisX, y2: height }] };
}

/** The `above` layout: per item, its label's lines, then its bar from the start edge and its total after it. */
function stackedAbove(items: { label: string; parts: Shown[]; total: Shown }[], options: BarOptions): Geometry {
  const width = options.width ?? 340;
  const format = options.format ?? ((n: number) => String(n));
  const edge = 4;
  const plotW = width - edge * 2 - VALUE_W;
  const maxChars = Math.floor((width - edge * 4) / GLYPH_W);
  const max = scaleMax(items.map((i) => i.parts.reduce<number>((a, p) => a + numeric(p), 0)));
  const rects: RectMark[] = [];
  const texts: TextMark[] = [];
  // physical anchors: "start" is the left end of the text, "end" its right end
  const anchor = options.rtl ? "end" : "start";
  let y = 4;
  for (const item of items) {
    for (const line of wrapLabel(item.label, maxChars)) {
      // clear of the axis drawn at the start edge
      texts.push({ x: options.rtl ? width - edge - 4 : edge + 4, y: y + 12, text: line, anchor });
      y += LINE_H;
    }
    y += 2;
    let offset = 0;
    item.parts.forEach((part, series) => {
      const w = (numeric(part) / max) * plotW;
      if (w <= 0) return;
      const start = edge + offset;
      rects.push({ x: options.rtl ? width - start - w : start, y, w, h: ABOVE_BAR_H, series });
      offset += w;
    });
    texts.push({
      x: options.rtl ? width - edge - offset - 4 : edge + offset + 4,
      y: y + 12,
      text: typeof item.total === "number" ? format(item.total) : item.total,
      anchor,
    });
    y += ABOVE_BAR_H + ABOVE_GAP;
  }
  const height = Math.max(y, 24);
  const axisX = options.rtl ? width - edge : edge;
  return { width, height, rects, texts, lines: [], axes: [{ x1: axisX, y1: 0, x2: axisX, y2: height }] };
}

/**
 * Lines over months; a suppressed or missing point breaks the line. Each month has its mark
 * under the axis, named by `monthLabel` (as the monthly table names it: "octobre 2026"); with
 * more months than `maxMonthLabels`, every n-th is named and the others left blank, so the
 * names never overlap.
 */
export function seriesGeometry(
  months: string[],
  series: { values: Shown[] }[],
  options: {
    width?: number;
    rtl: boolean;
    format?: (n: number) => string;
    monthLabel?: (month: string) => string;
    maxMonthLabels?: number;
    labelsInside?: boolean;
  },
): Geometry {
  const width = options.width ?? 560;
  const height = 200;
  const format = options.format ?? ((n: number) => String(n));
  const pad = { top: 10, bottom: 28, side: 44 };
  const plotW = width - pad.side * 2;
  const plotH = height - pad.top - pad.bottom;
  const max = scaleMax(series.flatMap((s) => s.values.map(numeric)));
  const xOf = (i: number) => {
    const t = months.length <= 1 ? 0.5 : i / (months.length - 1);
    return options.rtl ? width - pad.side - t * plotW : pad.side + t * plotW;
  };
  const yOf = (v: number) => pad.top + plotH - (v / max) * plotH;
  const lines: Geometry["lines"] = [];
  series.forEach((s, index) => {
    let run: [number, number][] = [];
    s.values.forEach((v, i) => {
      if (typeof v === "number") run.push([xOf(i), yOf(v)]);
      else {
        if (run.length) lines.push({ points: run, series: index });
        run = [];
      }
    });
    if (run.length) lines.push({ points: run, series: index });
  });
  const monthLabel = options.monthLabel ?? ((m: string) => m);
  const step = Math.max(1, Math.ceil(months.length / (options.maxMonthLabels ?? months.length)));
  const texts: TextMark[] = months.map((m, i) => {
    const text = i % step === 0 ? monthLabel(m) : "";
    // centred under its mark, but moved in so that a long name at either end is not cut by the edge
    // (on the page, whose text is 12 units: `labelsInside`)
    const half = options.labelsInside ? (text.length * GLYPH_W) / 2 : 0;
    const x = options.labelsInside ? Math.min(Math.max(xOf(i), half + 2), width - half - 2) : xOf(i);
    return { x, y: height - 8, text, anchor: "middle" };
  });
  const axisX = options.rtl ? width - pad.side : pad.side;
  texts.push({
    x: options.rtl ? width - pad.side + 4 : pad.side - 4,
    y: pad.top + 8,
    text: format(max),
    anchor: options.rtl ? "start" : "end",
  });
  texts.push({
    x: options.rtl ? width - pad.side + 4 : pad.side - 4,
    y: pad.top + plotH,
    text: "0",
    anchor: options.rtl ? "start" : "end",
  });
  return {
    width,
    height,
    rects: [],
    texts,
    lines,
    axes: [
      { x1: axisX, y1: pad.top, x2: axisX, y2: pad.top + plotH },
      { x1: pad.side, y1: pad.top + plotH, x2: width - pad.side, y2: pad.top + plotH },
    ],
  };
}

/** The palette, by series index (colour-blind safe, Okabe-Ito). */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"] as const;
