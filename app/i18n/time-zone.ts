/**
 * Morocco's clock, as a table of UTC offsets, so that the server and the browser show
 * the same time. Engines disagree on `Africa/Casablanca` (Node's ICU and Debian's
 * Chromium give different offsets for the same instant), and a page formatted by both
 * during hydration must read the same. The server computes the table from its own
 * time-zone data (`time-zone.server.ts`, the authority), renders it into every page
 * (root's Layout), and the browser installs it before hydrating (`entry.client.tsx`).
 * Dates are then formatted as "UTC" wall-clock times, which every engine agrees on.
 */

/** The portal's time zone: every date and time is shown as it reads in Morocco. */
export const TIME_ZONE = "Africa/Casablanca";

/**
 * `[utcMillis, offsetMinutes]`, ascending: from `utcMillis` on, local time is UTC plus
 * `offsetMinutes`, until the next entry. The first entry is the start of the range
 * covered; its offset also stands for anything earlier.
 */
export type OffsetTable = readonly (readonly [number, number])[];

/** The id of the JSON script that carries the table in every page. */
export const OFFSET_TABLE_ELEMENT_ID = "masar-tz";

let installed: OffsetTable | null = null;

/** Make this table the one formatDate uses (once at start, server and browser). */
export function installOffsetTable(table: OffsetTable | null): void {
  installed = table;
}

export function installedOffsetTable(): OffsetTable | null {
  return installed;
}

/** The offset (minutes) in force at an instant. */
export function offsetAt(table: OffsetTable, utcMillis: number): number {
  let lo = 0;
  let hi = table.length - 1;
  if (hi < 0) return 0;
  if (utcMillis < table[0]![0]) return table[0]![1];
  // the last entry that starts at or before the instant
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table[mid]![0] <= utcMillis) lo = mid;
    else hi = mid - 1;
  }
  return table[lo]![1];
}

/** The instant shifted by the local offset: its UTC fields read as Morocco's clock. */
export function toWallClock(table: OffsetTable, date: Date): Date {
  const ms = date.getTime();
  return new Date(ms + offsetAt(table, ms) * 60_000);
}

const MINUTE = 60_000;
const readers = new Map<string, (utcMillis: number) => number>();

export function offsetReader(timeZone: string): (utcMillis: number) => number {
  const known = readers.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const read = (utcMillis: number) => {
    const minute = Math.floor(utcMillis / MINUTE) * MINUTE;
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(minute)) if (part.type !== "literal") parts[part.type] = Number(part.value);
    const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return Math.round((local - minute) / MINUTE);
  };
  readers.set(timeZone, read);
  return read;
}

/**
 * The offset (minutes) of a time zone at an instant, from this engine's own data: what
 * stands in where no table is installed (scripts, tests that install none).
 */
export function engineOffsetAt(timeZone: string, utcMillis: number): number {
  return offsetReader(timeZone)(utcMillis);
}

// every page writes the installed table: its text is made once per table, not per page
const serialized = new WeakMap<OffsetTable, string>();

export function serializeOffsetTable(table: OffsetTable): string {
  let text = serialized.get(table);
  if (text === undefined) {
    text = JSON.stringify(table);
    serialized.set(table, text);
  }
  return text;
}

/** A table read back from a page; null unless it is a well-formed ascending table. */
export function parseOffsetTable(text: string | null | undefined): OffsetTable | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length === 0) return null;
  const table: [number, number][] = [];
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [at, offset] = entry as unknown[];
    if (typeof at !== "number" || typeof offset !== "number" || !Number.isFinite(at) || !Number.isInteger(offset))
      return null;
    if (Math.abs(offset) > 24 * 60) return null;
    if (table.length && at <= table[table.length - 1]![0]) return null;
    table.push([at, offset]);
  }
  return table;
}
