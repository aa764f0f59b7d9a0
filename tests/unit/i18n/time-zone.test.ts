import { afterEach, describe, expect, it } from "vitest";
import { LOCALES } from "../../../app/i18n/config";
import {
  installOffsetTable,
  offsetAt,
  parseOffsetTable,
  serializeOffsetTable,
  TIME_ZONE,
  toWallClock,
  type OffsetTable,
} from "../../../app/i18n/time-zone";
import { casablancaOffsetTable, computeOffsetTable, engineOffsetAt } from "../../../app/i18n/time-zone.server";
import { formatDate } from "../../../app/i18n/translate";

const RAMADAN_2026 = "2026-03-01T10:00:00Z"; // Morocco on UTC+0
const NORMAL_2026 = "2026-11-29T10:00:00Z"; // Morocco on UTC+1
const MINUTE = 60_000;

afterEach(() => installOffsetTable(null));

describe("Morocco's offset table", () => {
  const table = casablancaOffsetTable();

  it("is small enough to ship in every page, and ascending", () => {
    expect(table.length).toBeGreaterThan(20);
    expect(table.length).toBeLessThan(80);
    expect(serializeOffsetTable(table).length).toBeLessThan(1500);
    for (let i = 1; i < table.length; i++) {
      expect(table[i]![0]).toBeGreaterThan(table[i - 1]![0]);
      expect(table[i]![1]).not.toBe(table[i - 1]![1]);
    }
  });

  it("has UTC+0 during Ramadan 2026 and UTC+1 otherwise", () => {
    expect(offsetAt(table, Date.parse(RAMADAN_2026))).toBe(0);
    expect(offsetAt(table, Date.parse(NORMAL_2026))).toBe(60);
    // since October 2018 Morocco is on UTC+1, except during Ramadan
    expect(new Set(table.filter(([at]) => at >= Date.UTC(2018, 10, 1)).map(([, o]) => o))).toEqual(new Set([0, 60]));
  });

  it("changes at the very minute the engine's own data does", () => {
    for (const [at, offset] of table.slice(1)) {
      expect(offsetAt(table, at)).toBe(offset);
      expect(engineOffsetAt(TIME_ZONE, at)).toBe(offset);
      expect(engineOffsetAt(TIME_ZONE, at - MINUTE)).toBe(offsetAt(table, at - MINUTE));
      expect(offsetAt(table, at - MINUTE)).not.toBe(offset);
    }
  });

  it("agrees with the engine's data every six hours from 2018 to 2035", () => {
    const disagree: string[] = [];
    for (let at = Date.UTC(2018, 0, 1); at < Date.UTC(2036, 0, 1); at += 6 * 60 * MINUTE) {
      if (offsetAt(table, at) !== engineOffsetAt(TIME_ZONE, at)) disagree.push(new Date(at).toISOString());
    }
    expect(disagree).toEqual([]);
  });

  it("keeps the first offset before the range and the last after it", () => {
    const t: OffsetTable = [
      [1000, 0],
      [2000, 60],
      [3000, 0],
    ];
    expect(offsetAt(t, 0)).toBe(0);
    expect(offsetAt(t, 1999)).toBe(0);
    expect(offsetAt(t, 2000)).toBe(60);
    expect(offsetAt(t, 2999)).toBe(60);
    expect(offsetAt(t, 10_000)).toBe(0);
  });

  it("finds a zone's changes for any zone, to the minute", () => {
    const paris = computeOffsetTable("Europe/Paris", 2026, 2026);
    expect(paris).toEqual([
      [Date.UTC(2026, 0, 1), 60],
      [Date.parse("2026-03-29T01:00:00Z"), 120],
      [Date.parse("2026-10-25T01:00:00Z"), 60],
    ]);
  });

  it("moves an instant to Morocco's wall clock", () => {
    expect(toWallClock(table, new Date(NORMAL_2026)).toISOString()).toBe("2026-11-29T11:00:00.000Z");
    expect(toWallClock(table, new Date(RAMADAN_2026)).toISOString()).toBe("2026-03-01T10:00:00.000Z");
  });

  it("goes through the page and back unchanged, and refuses anything else", () => {
    expect(parseOffsetTable(serializeOffsetTable(table))).toEqual(table);
    for (const bad of [
      null,
      undefined,
      "",
      "nope",
      "{}",
      "[]",
      "[[1,60,2]]",
      '[["1",60]]',
      "[[1,60.5]]",
      "[[2,0],[1,60]]",
      "[[1,5000]]",
    ]) {
      expect(parseOffsetTable(bad)).toBeNull();
    }
  });
});

describe("formatDate", () => {
  const DAY: Record<(typeof LOCALES)[number], { mar1: RegExp; nov29: RegExp; nov30: RegExp; mar31: RegExp }> = {
    fr: { mar1: /^1 mars?\.? 2026/, nov29: /^29 nov\.? 2026/, nov30: /^30 nov\.? 2026/, mar31: /^31 mars?\.? 2026$/ },
    en: { mar1: /^1 Mar 2026/, nov29: /^29 Nov 2026/, nov30: /^30 Nov 2026/, mar31: /^31 Mar 2026$/ },
    ar: {
      mar1: /^0?1\u200f?\/0?3\u200f?\/2026/,
      nov29: /^29\u200f?\/11\u200f?\/2026/,
      nov30: /^30\u200f?\/11\u200f?\/2026/,
      mar31: /^31\u200f?\/0?3\u200f?\/2026$/,
    },
  };

  for (const locale of LOCALES) {
    it(`shows Morocco's time through the server's table, in ${locale}`, () => {
      installOffsetTable(casablancaOffsetTable());
      const ramadan = formatDate(locale, RAMADAN_2026, true);
      expect(ramadan).toMatch(DAY[locale].mar1);
      expect(ramadan).toMatch(/10:00$/);
      const normal = formatDate(locale, new Date(NORMAL_2026), true);
      expect(normal).toMatch(DAY[locale].nov29);
      expect(normal).toMatch(/11:00$/);
      // late evening UTC is already the next day in Morocco
      const late = formatDate(locale, "2026-11-29T23:30:00Z", true);
      expect(late).toMatch(DAY[locale].nov30);
      expect(late).toMatch(/00:30$/);
      expect(formatDate(locale, "2026-11-29T23:30:00Z")).toMatch(DAY[locale].nov30);
    });

    it(`shows a date without a time as that calendar day, in ${locale}`, () => {
      // whatever the offset: a day is not an instant
      for (const offset of [-600, 0, 60, 600]) {
        installOffsetTable([[0, offset]]);
        expect(formatDate(locale, "2026-03-31")).toMatch(DAY[locale].mar31);
      }
      installOffsetTable(null);
      expect(formatDate(locale, "2026-03-31")).toMatch(DAY[locale].mar31);
    });
  }

  it("follows the installed table, not the engine's own time-zone data", () => {
    installOffsetTable([[0, 120]]);
    expect(formatDate("en", NORMAL_2026, true)).toBe(formatDate("en", "2026-11-29T12:00:00Z", false) + ", 12:00");
    installOffsetTable([
      [0, 60],
      [Date.parse("2026-11-01T00:00:00Z"), 0],
    ]);
    expect(formatDate("en", NORMAL_2026, true)).toMatch(/10:00$/);
    expect(formatDate("en", RAMADAN_2026, true)).toMatch(/11:00$/);
  });

  it("without a table, uses the engine's data for Casablanca (server scripts)", () => {
    installOffsetTable(null);
    expect(formatDate("en", NORMAL_2026, true)).toMatch(/^29 Nov 2026, 11:00$/);
    expect(formatDate("en", RAMADAN_2026, true)).toMatch(/^1 Mar 2026, 10:00$/);
  });
});
