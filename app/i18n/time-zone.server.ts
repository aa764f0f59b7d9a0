import { offsetReader, TIME_ZONE, type OffsetTable } from "./time-zone";

export { engineOffsetAt } from "./time-zone";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The years the table covers: the current rules (2018 on) and a decade ahead. */
export const OFFSET_TABLE_YEARS = { from: 2018, to: 2035 } as const;

/**
 * A time zone's offsets from 1 January of `from` to 31 December of `to`, from this
 * engine's time-zone data: sampled every day at noon UTC, then each change narrowed
 * down to the minute.
 */
export function computeOffsetTable(timeZone: string, from: number, to: number): OffsetTable {
  const offsetOf = offsetReader(timeZone);
  const start = Date.UTC(from, 0, 1);
  const table: [number, number][] = [[start, offsetOf(start)]];
  let before = Date.UTC(from, 0, 1, 12);
  let offset = offsetOf(before);
  if (offset !== table[0]![1]) table.push([findChange(offsetOf, start, before), offset]);
  for (let at = before + DAY; at <= Date.UTC(to, 11, 31, 12); at += DAY) {
    const next = offsetOf(at);
    if (next !== offset) table.push([findChange(offsetOf, before, at), next]);
    offset = next;
    before = at;
  }
  return table;
}

/** The first minute after `lo` whose offset is `hi`'s (one change in between). */
function findChange(offsetOf: (utcMillis: number) => number, lo: number, hi: number): number {
  const target = offsetOf(hi);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetOf(mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

let casablanca: OffsetTable | null = null;

/** Morocco's table, computed once per process. */
export function casablancaOffsetTable(): OffsetTable {
  casablanca ??= computeOffsetTable(TIME_ZONE, OFFSET_TABLE_YEARS.from, OFFSET_TABLE_YEARS.to);
  return casablanca;
}
