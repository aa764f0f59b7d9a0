import { describe, expect, it } from "vitest";
import { followUpProblems, followUpSchedule } from "../../../app/modules/businesses/rules";

describe("the visits of a funded business", () => {
  it("are not scheduled before the last tranche is paid", () => {
    expect(followUpSchedule(null, [], "2027-06-01")).toEqual([]);
  });

  it("fall 3, 6 and 12 months after the last tranche, due from their day", () => {
    expect(followUpSchedule("2026-03-15", [], "2026-09-14")).toEqual([
      { monthsAfter: 3, dueOn: "2026-06-15", state: "due" },
      { monthsAfter: 6, dueOn: "2026-09-15", state: "later" },
      { monthsAfter: 12, dueOn: "2027-03-15", state: "later" },
    ]);
    expect(followUpSchedule("2026-03-15", [3], "2026-09-15").map((v) => v.state)).toEqual(["recorded", "due", "later"]);
  });

  it("keep to the month's last day when the month is shorter", () => {
    expect(followUpSchedule("2026-11-30", [], "2026-12-01").map((v) => v.dueOn)).toEqual([
      "2027-02-28",
      "2027-05-30",
      "2027-11-30",
    ]);
  });
});

describe("what a visit records", () => {
  const ok = {
    visitedOn: "2026-06-20",
    stillRunning: true,
    revenueBand: "2000_5000" as const,
    jobsCreated: 2,
    jobsWomen: 1,
    jobsMigrants: 2,
  };

  it("holds together", () => {
    expect(followUpProblems(ok, "2026-06-15", "2026-06-20")).toEqual({});
    expect(followUpProblems({ ...ok, stillRunning: false, revenueBand: null }, "2026-06-15", "2026-06-20")).toEqual({});
  });

  it("names each field that does not", () => {
    expect(followUpProblems({ ...ok, visitedOn: "2026-05-14" }, "2026-06-15", "2026-06-20")).toEqual({
      visitedOn: "visitedBeforeDue",
    });
    expect(followUpProblems({ ...ok, visitedOn: "2026-05-15" }, "2026-06-15", "2026-06-20")).toEqual({});
    expect(followUpProblems({ ...ok, visitedOn: "2026-06-21" }, "2026-06-15", "2026-06-20")).toEqual({
      visitedOn: "visitedInFuture",
    });
    expect(followUpProblems({ ...ok, revenueBand: null }, "2026-06-15", "2026-06-20")).toEqual({
      revenueBand: "revenueNeeded",
    });
    expect(followUpProblems({ ...ok, stillRunning: false }, "2026-06-15", "2026-06-20")).toEqual({
      revenueBand: "revenueOfClosed",
    });
    expect(followUpProblems({ ...ok, jobsWomen: 3, jobsMigrants: 3 }, "2026-06-15", "2026-06-20")).toEqual({
      jobsWomen: "jobsWomen",
      jobsMigrants: "jobsMigrants",
    });
  });
});
