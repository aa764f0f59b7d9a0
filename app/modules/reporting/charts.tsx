/**
 * Charts as inline SVG rendered on the server: readable without JavaScript, each
 * hidden from screen readers in favour of the data table printed beside it.
 */
import type { ReactNode } from "react";
import { useI18n } from "~/i18n/i18n-context";
import type { Geometry, TextMark } from "./chart-geometry";

/**
 * SVG's text-anchor is logical: in a right-to-left page "end" is the text's left end. The
 * geometry's anchors are physical, so in Arabic they are swapped (before, every label
 * anchored at the right edge ran off it and was cut).
 */
function logicalAnchor(anchor: TextMark["anchor"], rtl: boolean): TextMark["anchor"] {
  if (!rtl || anchor === "middle") return anchor;
  return anchor === "start" ? "end" : "start";
}

export function SvgChart({
  geometry,
  title,
  legend,
}: {
  geometry: Geometry;
  title: string;
  legend?: { label: string; series: number }[];
}) {
  const { dir } = useI18n();
  const rtl = dir === "rtl";
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        className="chart-svg"
        role="img"
        aria-hidden="true"
        focusable="false"
        preserveAspectRatio="xMinYMin meet"
      >
        <title>{title}</title>
        {geometry.axes.map((a, i) => (
          <line key={`a${i}`} x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} className="chart-axis" />
        ))}
        {geometry.rects.map((r, i) => (
          <rect key={`r${i}`} x={r.x} y={r.y} width={r.w} height={r.h} className={`chart-s${r.series % 6}`} />
        ))}
        {geometry.lines.map((l, i) =>
          l.points.length === 1 ? (
            <circle
              key={`l${i}`}
              cx={l.points[0]?.[0]}
              cy={l.points[0]?.[1]}
              r={3}
              className={`chart-s${l.series % 6}`}
            />
          ) : (
            <polyline
              key={`l${i}`}
              points={l.points.map((p) => p.join(",")).join(" ")}
              className={`chart-line chart-stroke${l.series % 6}`}
            />
          ),
        )}
        {geometry.texts.map((t, i) => (
          <text
            key={`t${i}`}
            x={t.x}
            y={t.y}
            textAnchor={logicalAnchor(t.anchor, rtl)}
            direction={dir}
            className="chart-text"
          >
            {t.text}
          </text>
        ))}
      </svg>
      {legend && legend.length > 1 ? (
        <ul className="chart-legend" aria-hidden="true">
          {legend.map((l) => (
            <li key={l.series}>
              <span className={`chart-swatch chart-s${l.series % 6}`} />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}

/** A chart and its data table, side by side on wide screens, stacked on a phone. */
export function ChartWithTable({
  heading,
  chart,
  table,
  note,
}: {
  heading: string;
  chart: ReactNode;
  table: ReactNode;
  note?: string;
}) {
  return (
    <section className="chart-block">
      <h3>{heading}</h3>
      <div className="chart-pair">
        {chart}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={heading}>
          {table}
        </div>
      </div>
      {note ? <p className="hint">{note}</p> : null}
    </section>
  );
}
