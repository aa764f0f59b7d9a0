import { afterEach, describe, expect, it } from "vitest";
import { installOffsetTable } from "../../../app/i18n/time-zone";
import { casablancaOffsetTable } from "../../../app/i18n/time-zone.server";
import {
  addDays,
  addMonths,
  daysBetween,
  endOfMoroccoDay,
  isIsoDate,
  moroccoDateTime,
  moroccoInstant,
  moroccoOffsetAt,
  moroccoToday,
  startOfMoroccoDay,
} from "../../../app/lib/morocco-time";

const iso = (d: Date) => d.toISOString();
const MINUTE = 60_000;

afterEach(() => installOffsetTable(null));

// The switches of 2026 and 2027, from the time-zone data (tests/unit/i18n/time-zone.test.ts
// checks the table against the engine): UTC+1 -> UTC+0 at 03:00 before Ramadan, back at 02:00.
const TO_RAMADAN_2026 = "2026-02-15T02:00:00.000Z";
const FROM_RAMADAN_2026 = "2026-03-22T02:00:00.000Z";
const TO_RAMADAN_2027 = "2027-02-07T02:00:00.000Z";
const FROM_RAMADAN_2027 = "2027-03-14T02:00:00.000Z";

// the server (table installed at start) and scripts (engine's own data) must agree
for (const source of ["the server's table", "the engine's data"] as const) {
  const fromTable = source === "the server's table";
  const install = () => installOffsetTable(fromTable ? casablancaOffsetTable() : null);
  // the engine is slower to ask: there, sweep the two months around each Ramadan
  const seasons = fromTable
    ? [{ from: Date.UTC(2026, 0, 1), to: Date.UTC(2028, 0, 1) }]
    : [2026, 2027].map((y) => ({ from: Date.UTC(y, 1, 1), to: Date.UTC(y, 3, 1) }));

  describe(`Morocco's clock, from ${source}`, () => {
    it("knows the 2026 and 2027 switches to the minute", () => {
      install();
      for (const at of [TO_RAMADAN_2026, TO_RAMADAN_2027]) {
        expect(moroccoOffsetAt(Date.parse(at) - MINUTE)).toBe(60);
        expect(moroccoOffsetAt(new Date(at))).toBe(0);
      }
      for (const at of [FROM_RAMADAN_2026, FROM_RAMADAN_2027]) {
        expect(moroccoOffsetAt(Date.parse(at) - MINUTE)).toBe(0);
        expect(moroccoOffsetAt(new Date(at))).toBe(60);
      }
    });

    it("stores a time typed on a Ramadan day with UTC+0, and on other days with UTC+1", () => {
      install();
      expect(iso(moroccoInstant("2026-02-14", "10:00"))).toBe("2026-02-14T09:00:00.000Z");
      expect(iso(moroccoInstant("2026-02-15", "10:00"))).toBe("2026-02-15T10:00:00.000Z");
      expect(iso(moroccoInstant("2026-03-01", "10:00"))).toBe("2026-03-01T10:00:00.000Z");
      expect(iso(moroccoInstant("2026-03-21", "10:00"))).toBe("2026-03-21T10:00:00.000Z");
      expect(iso(moroccoInstant("2026-03-22", "10:00"))).toBe("2026-03-22T09:00:00.000Z");
      expect(iso(moroccoInstant("2027-02-06", "10:00"))).toBe("2027-02-06T09:00:00.000Z");
      expect(iso(moroccoInstant("2027-02-07", "10:00"))).toBe("2027-02-07T10:00:00.000Z");
      expect(iso(moroccoInstant("2027-03-13", "23:30"))).toBe("2027-03-13T23:30:00.000Z");
      expect(iso(moroccoInstant("2027-03-14", "10:00"))).toBe("2027-03-14T09:00:00.000Z");
      expect(iso(moroccoInstant("2026-11-29", "10:00:30"))).toBe("2026-11-29T09:00:30.000Z");
    });

    it("going to UTC+0, reads 02:00-02:59 twice and takes the first", () => {
      install();
      expect(moroccoDateTime(new Date("2026-02-15T01:30:00Z"))).toEqual({ date: "2026-02-15", time: "02:30" });
      expect(moroccoDateTime(new Date("2026-02-15T01:59:00Z"))).toEqual({ date: "2026-02-15", time: "02:59" });
      expect(moroccoDateTime(new Date(TO_RAMADAN_2026))).toEqual({ date: "2026-02-15", time: "02:00" });
      expect(moroccoDateTime(new Date("2026-02-15T02:30:00Z"))).toEqual({ date: "2026-02-15", time: "02:30" });
      expect(iso(moroccoInstant("2026-02-15", "01:59"))).toBe("2026-02-15T00:59:00.000Z");
      expect(iso(moroccoInstant("2026-02-15", "02:00"))).toBe("2026-02-15T01:00:00.000Z");
      expect(iso(moroccoInstant("2026-02-15", "02:30"))).toBe("2026-02-15T01:30:00.000Z");
      expect(iso(moroccoInstant("2026-02-15", "02:59"))).toBe("2026-02-15T01:59:00.000Z");
      expect(iso(moroccoInstant("2026-02-15", "03:00"))).toBe("2026-02-15T03:00:00.000Z");
      expect(iso(moroccoInstant("2027-02-07", "02:30"))).toBe("2027-02-07T01:30:00.000Z");
    });

    it("going back to UTC+1, never reads 02:00-02:59 and moves such a time past the jump", () => {
      install();
      expect(moroccoDateTime(new Date("2026-03-22T01:59:00Z"))).toEqual({ date: "2026-03-22", time: "01:59" });
      expect(moroccoDateTime(new Date(FROM_RAMADAN_2026))).toEqual({ date: "2026-03-22", time: "03:00" });
      expect(iso(moroccoInstant("2026-03-22", "01:59"))).toBe("2026-03-22T01:59:00.000Z");
      expect(iso(moroccoInstant("2026-03-22", "02:00"))).toBe(FROM_RAMADAN_2026);
      expect(iso(moroccoInstant("2026-03-22", "02:30"))).toBe("2026-03-22T02:30:00.000Z");
      expect(moroccoDateTime(moroccoInstant("2026-03-22", "02:30"))).toEqual({ date: "2026-03-22", time: "03:30" });
      expect(iso(moroccoInstant("2026-03-22", "03:00"))).toBe(FROM_RAMADAN_2026);
      expect(iso(moroccoInstant("2027-03-14", "02:30"))).toBe("2027-03-14T02:30:00.000Z");
    });

    it("starts and ends a Moroccan day at its own midnights, 25 and 23 hours long at the switches", () => {
      install();
      expect(iso(startOfMoroccoDay("2026-11-29"))).toBe("2026-11-28T23:00:00.000Z");
      expect(iso(endOfMoroccoDay("2026-11-29"))).toBe("2026-11-29T22:59:59.999Z");
      expect(iso(startOfMoroccoDay("2026-03-01"))).toBe("2026-03-01T00:00:00.000Z");
      expect(iso(endOfMoroccoDay("2026-03-01"))).toBe("2026-03-01T23:59:59.999Z");
      expect(iso(startOfMoroccoDay("2026-02-15"))).toBe("2026-02-14T23:00:00.000Z");
      expect(iso(endOfMoroccoDay("2026-02-15"))).toBe("2026-02-15T23:59:59.999Z");
      expect(iso(startOfMoroccoDay("2026-03-22"))).toBe("2026-03-22T00:00:00.000Z");
      expect(iso(endOfMoroccoDay("2026-03-22"))).toBe("2026-03-22T22:59:59.999Z");
      const hours = (d: string) => (endOfMoroccoDay(d).getTime() + 1 - startOfMoroccoDay(d).getTime()) / 3_600_000;
      expect([hours("2026-02-15"), hours("2026-03-22"), hours("2026-03-01"), hours("2027-02-07")]).toEqual([
        25, 23, 24, 25,
      ]);
      // the end of a day still reads as that day, the next millisecond as the next
      for (const d of ["2026-11-29", "2026-03-01", "2026-02-15", "2026-03-22", "2026-02-14", "2026-03-21"]) {
        expect(moroccoDateTime(endOfMoroccoDay(d))).toEqual({ date: d, time: "23:59" });
        expect(moroccoToday(endOfMoroccoDay(d).getTime() + 1)).toBe(addDays(d, 1));
        expect(moroccoToday(startOfMoroccoDay(d))).toBe(d);
        expect(moroccoToday(startOfMoroccoDay(d).getTime() - 1)).toBe(addDays(d, -1));
      }
    });

    it("between midnight and 01:00 in Morocco it is already tomorrow, though UTC is still on today", () => {
      install();
      const late = new Date("2026-11-29T23:30:00Z");
      expect(moroccoToday(late)).toBe("2026-11-30");
      expect(moroccoDateTime(late)).toEqual({ date: "2026-11-30", time: "00:30" });
      expect(moroccoToday(new Date("2026-11-29T22:59:59.999Z"))).toBe("2026-11-29");
      expect(moroccoToday(new Date("2026-11-29T23:00:00Z"))).toBe("2026-11-30");
      // in Ramadan, Morocco's day is UTC's
      expect(moroccoToday(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-01");
      expect(moroccoToday(new Date("2026-03-02T00:00:00Z"))).toBe("2026-03-02");
    });

    it("crosses a year end", () => {
      install();
      const eve = moroccoInstant("2026-12-31", "23:30");
      expect(iso(eve)).toBe("2026-12-31T22:30:00.000Z");
      expect(moroccoToday(eve)).toBe("2026-12-31");
      expect(addDays(moroccoToday(eve), 1)).toBe("2027-01-01");
      // 00:30 on New Year's Day: UTC is still in the old year
      const newYear = new Date("2026-12-31T23:30:00Z");
      expect(moroccoDateTime(newYear)).toEqual({ date: "2027-01-01", time: "00:30" });
      expect(iso(moroccoInstant("2027-01-01", "00:30"))).toBe("2026-12-31T23:30:00.000Z");
      expect(iso(endOfMoroccoDay("2026-12-31"))).toBe("2026-12-31T22:59:59.999Z");
      expect(iso(startOfMoroccoDay("2027-01-01"))).toBe("2026-12-31T23:00:00.000Z");
      // Ramadan 2030 starts before the year ends: that year end is on UTC+0
      expect(iso(moroccoInstant("2029-12-31", "23:30"))).toBe("2029-12-31T23:30:00.000Z");
      expect(moroccoToday(new Date("2029-12-31T23:30:00Z"))).toBe("2029-12-31");
    });

    it("goes from every half hour (2026-2027) to Morocco's clock and back", () => {
      install();
      const repeated: string[] = [];
      for (const { from, to } of seasons) {
        for (let at = from; at < to; at += 30 * MINUTE) {
          const { date, time } = moroccoDateTime(at);
          const back = moroccoInstant(date, time).getTime();
          if (back !== at) repeated.push(`${new Date(at).toISOString()} ${time}`);
          // a reading that happens twice comes back as its first time, one hour earlier
          if (back !== at) expect(back).toBe(at - 60 * MINUTE);
        }
      }
      expect(repeated).toEqual([
        "2026-02-15T02:00:00.000Z 02:00",
        "2026-02-15T02:30:00.000Z 02:30",
        "2027-02-07T02:00:00.000Z 02:00",
        "2027-02-07T02:30:00.000Z 02:30",
      ]);
    });

    it("goes from every half hour typed (2026) to an instant and back, except the times that never happen", () => {
      install();
      const skipped: string[] = [];
      const [first, last] = fromTable ? ["2026-01-01", "2027-01-01"] : ["2026-02-01", "2026-04-01"];
      for (let day = first; day < last; day = addDays(day, 1)) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
          const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
          const read = moroccoDateTime(moroccoInstant(day, time));
          if (read.date !== day || read.time !== time) skipped.push(`${day} ${time} -> ${read.time}`);
        }
      }
      expect(skipped).toEqual(["2026-03-22 02:00 -> 03:00", "2026-03-22 02:30 -> 03:30"]);
    });
  });
}

describe("Morocco's clock in the browser", () => {
  it("follows the table the page carries, not the engine's own data", () => {
    installOffsetTable([
      [0, 60],
      [Date.parse("2026-06-01T00:00:00Z"), 0],
    ]);
    expect(iso(moroccoInstant("2026-05-31", "10:00"))).toBe("2026-05-31T09:00:00.000Z");
    expect(iso(moroccoInstant("2026-06-02", "10:00"))).toBe("2026-06-02T10:00:00.000Z");
    expect(moroccoToday(new Date("2026-05-30T23:30:00Z"))).toBe("2026-05-31");
    expect(moroccoToday(new Date("2026-06-02T23:30:00Z"))).toBe("2026-06-02");
  });

  it("takes today from now by default", () => {
    installOffsetTable([[0, 60]]);
    const before = new Date(Date.now() + 60 * MINUTE).toISOString().slice(0, 10);
    const today = moroccoToday();
    const after = new Date(Date.now() + 60 * MINUTE).toISOString().slice(0, 10);
    expect([before, after]).toContain(today);
  });
});

describe("calendar days", () => {
  it("adds and counts days across months, leap days and years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-03-22", 7)).toBe("2026-03-29");
    expect(addDays("2026-03-22", 0)).toBe("2026-03-22");
    expect(daysBetween("2026-02-14", "2026-02-16")).toBe(2);
    expect(daysBetween("2026-03-21", "2026-03-23")).toBe(2);
    expect(daysBetween("2026-12-31", "2026-12-01")).toBe(-30);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("adds months, holding the day to the end of a shorter month", () => {
    expect(addMonths("2026-08-31", 0)).toBe("2026-08-31");
    expect(addMonths("2026-08-31", 3)).toBe("2026-11-30");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-10-15", 3)).toBe("2027-01-15");
    expect(addMonths("2027-01-31", -2)).toBe("2026-11-30");
    expect(() => addMonths("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("2026-01-01", 1.5)).toThrow(RangeError);
  });

  it("knows which days exist", () => {
    for (const good of ["2026-02-28", "2028-02-29", "2026-12-31", "2026-01-01"]) expect(isIsoDate(good)).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "26-01-01",
      "",
      20260101,
      null,
    ])
      expect(isIsoDate(bad)).toBe(false);
  });

  it("refuses days and times that no calendar has, instead of rolling them over", () => {
    expect(() => moroccoInstant("2026-02-30", "10:00")).toThrow(RangeError);
    expect(() => moroccoInstant("2026-03-01", "24:00")).toThrow(RangeError);
    expect(() => moroccoInstant("2026-03-01", "10:60")).toThrow(RangeError);
    expect(() => moroccoInstant("2026-03-01", "10h00")).toThrow(RangeError);
    expect(() => startOfMoroccoDay("tomorrow")).toThrow(RangeError);
    expect(() => addDays("2026-03-01", 0.5)).toThrow(RangeError);
    expect(() => moroccoToday(new Date("nope"))).toThrow(RangeError);
  });
});
