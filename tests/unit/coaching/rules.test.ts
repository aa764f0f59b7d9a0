import { describe, expect, it } from "vitest";
import {
  appointmentChangeProblem,
  appointmentProblem,
  buildCaseloadRow,
  employmentCheckSchedule,
  mayChangeAppointment,
  reminderDueAt,
  sortCaseload,
  isBehind,
  stageOf,
  toldLateEnough,
  trainingEndOf,
} from "../../../app/modules/coaching/rules";
import { employmentRate } from "../../../app/modules/coaching/report";

const today = "2026-11-29";
const row = (name: string, extra: Partial<Parameters<typeof buildCaseloadRow>[0]> = {}) =>
  buildCaseloadRow({
    beneficiary: { id: name, displayName: name },
    placements: [],
    nextAction: null,
    inTraining: false,
    inJobSearch: false,
    today,
    ...extra,
  });

describe("caseload", () => {
  it("shows the furthest stage under way", () => {
    expect(stageOf({ openPlacement: true, closedPlacement: false, inJobSearch: true, inTraining: true })).toBe(
      "internship",
    );
    expect(stageOf({ openPlacement: false, closedPlacement: true, inJobSearch: false, inTraining: true })).toBe(
      "job_search",
    );
    expect(stageOf({ openPlacement: false, closedPlacement: false, inJobSearch: false, inTraining: true })).toBe(
      "training",
    );
    expect(stageOf({ openPlacement: false, closedPlacement: false, inJobSearch: false, inTraining: false })).toBe(
      "guidance",
    );
  });
  it("puts overdue follow-ups first, then late actions, then by due date", () => {
    const overdue = row("Zoe", {
      placements: [{ id: "p", status: "ongoing", startsOn: "2026-09-01", lastContactOn: "2026-11-01" }],
    });
    const late = row("Yann", { nextAction: { description: "CV", dueOn: "2026-11-20" } });
    const soon = row("Xavier", { nextAction: { description: "CV", dueOn: "2026-12-01" } });
    const later = row("Adam", { nextAction: { description: "CV", dueOn: "2026-12-20" } });
    const none = row("Bea");
    expect(overdue.overdue).toBe(true);
    expect(late.actionLate).toBe(true);
    expect(sortCaseload([none, later, soon, late, overdue]).map((r) => r.displayName)).toEqual([
      "Zoe",
      "Yann",
      "Xavier",
      "Adam",
      "Bea",
    ]);
  });
  it("counts an internship's outcomes due and not recorded as behind, and opens that internship", () => {
    const closed = {
      id: "closed",
      status: "completed" as const,
      startsOn: "2026-03-01",
      endsOn: "2026-05-01",
      lastContactOn: null,
    };
    const later = { id: "later", status: "proposed" as const, startsOn: "2026-12-10", lastContactOn: null };
    // ended 1 May: the end and 3 months after (1 August) are due on 29 November, 6 months after (1 November) too
    const counted = row("Zoe", { placements: [{ ...closed, recordedCheckpoints: [] }] });
    expect(counted.internshipOutcomesDue).toBe(3);
    expect(isBehind(counted)).toBe(true);
    const recorded = row("Zoe", { placements: [{ ...closed, recordedCheckpoints: ["end", "month_3", "month_6"] }] });
    expect(recorded.internshipOutcomesDue).toBe(0);
    expect(isBehind(recorded)).toBe(false);
    // an internship under way is opened first; with none, the one whose outcome is due
    const both = row("Zoe", { placements: [later, { ...closed, recordedCheckpoints: ["end"] }] });
    expect(both.placementId).toBe("later");
    expect(both.internshipOutcomesDue).toBe(2);
    const ongoingNotEnded = row("Yann", {
      placements: [{ ...closed, status: "ongoing", endsOn: "2026-12-31", recordedCheckpoints: [] }],
    });
    expect(ongoingNotEnded.internshipOutcomesDue).toBe(0);
    expect(sortCaseload([row("Adam"), counted]).map((r) => r.displayName)).toEqual(["Zoe", "Adam"]);
  });

  it("counts a late next step as behind for every beneficiary, in an internship or not", () => {
    const late = row("Yann", { nextAction: { description: "CV", dueOn: "2026-11-20" } });
    const soon = row("Xavier", { nextAction: { description: "CV", dueOn: "2026-12-01" } });
    expect(late.overdue).toBe(false);
    expect(isBehind(late)).toBe(true);
    expect(isBehind(soon)).toBe(false);
    expect(isBehind(row("Bea"))).toBe(false);
  });
});

describe("a follow-up appointment's time", () => {
  const now = new Date("2030-06-01T10:00:00Z");
  it("is later than now, and within a year", () => {
    expect(appointmentProblem(new Date("2030-06-01T10:01:00Z"), now)).toBeNull();
    expect(appointmentProblem(new Date("2031-05-31T10:00:00Z"), now)).toBeNull();
    expect(appointmentProblem(now, now)).toBe("past");
    expect(appointmentProblem(new Date("2029-06-01T10:00:00Z"), now)).toBe("past");
    expect(appointmentProblem(new Date("2031-06-03T10:00:00Z"), now)).toBe("tooFar");
  });
});

describe("an appointment's reminder", () => {
  it("falls due at 09:00 Morocco time on the day before, in and out of Ramadan", () => {
    // Monday 14 December 2026, 10:30 in Morocco (UTC+1) is 09:30 UTC: recalled Sunday 09:00 (08:00 UTC)
    expect(reminderDueAt(new Date("2026-12-14T09:30:00Z")).toISOString()).toBe("2026-12-13T08:00:00.000Z");
    // 00:30 on 15 December in Morocco is still 14 December in UTC: the Morocco day counts
    expect(reminderDueAt(new Date("2026-12-14T23:30:00Z")).toISOString()).toBe("2026-12-14T08:00:00.000Z");
    // during Ramadan 2027 Morocco is UTC+0: 09:00 there is 09:00 UTC
    expect(reminderDueAt(new Date("2027-02-20T10:00:00Z")).toISOString()).toBe("2027-02-19T09:00:00.000Z");
  });
  it("is not repeated when the message that set the appointment came after it fell due", () => {
    const startsAt = new Date("2026-12-14T09:30:00Z");
    expect(toldLateEnough(startsAt, new Date("2026-12-13T07:59:00Z"))).toBe(false);
    expect(toldLateEnough(startsAt, new Date("2026-12-13T14:00:00Z"))).toBe(true);
  });
});

describe("changing an appointment", () => {
  const startsAt = new Date("2026-12-14T09:30:00Z");
  it("is possible until its time, never once cancelled", () => {
    expect(appointmentChangeProblem({ startsAt, cancelledAt: null }, new Date("2026-12-14T09:29:00Z"))).toBeNull();
    expect(appointmentChangeProblem({ startsAt, cancelledAt: null }, startsAt)).toBe("over");
    expect(appointmentChangeProblem({ startsAt, cancelledAt: new Date("2026-12-01T00:00:00Z") }, new Date(0))).toBe(
      "cancelled",
    );
  });
  it("is for the one who set it, or an admin", () => {
    expect(mayChangeAppointment({ id: "c1", role: "coach" }, { coachId: "c1" })).toBe(true);
    expect(mayChangeAppointment({ id: "c2", role: "coach" }, { coachId: "c1" })).toBe(false);
    expect(mayChangeAppointment({ id: "a1", role: "admin" }, { coachId: "c1" })).toBe(true);
  });
});

describe("employment checks after a training", () => {
  const cert = (cohortEndsOn: string, revoked = false) => ({ cohortEndsOn, revoked });
  it("start from the end of the first cohort the person holds a certificate of; a revoked one does not count", () => {
    expect(trainingEndOf([])).toBeNull();
    expect(trainingEndOf([cert("2026-03-31", true)])).toBeNull();
    expect(trainingEndOf([cert("2026-06-30"), cert("2026-02-28"), cert("2026-01-15", true)])).toBe("2026-02-28");
  });
  it("are due 3 and 6 months after it (month ends kept), unless recorded; none for a person not trained", () => {
    const certificates = [cert("2026-05-31")];
    expect(employmentCheckSchedule({ certificates: [], recorded: [], today })).toEqual([]);
    expect(employmentCheckSchedule({ certificates, recorded: [], today: "2026-08-30" })).toEqual([
      { monthsAfter: 3, dueOn: "2026-08-31", state: "later" },
      { monthsAfter: 6, dueOn: "2026-11-30", state: "later" },
    ]);
    expect(employmentCheckSchedule({ certificates, recorded: [], today: "2026-08-31" }).map((c) => c.state)).toEqual([
      "due",
      "later",
    ]);
    expect(employmentCheckSchedule({ certificates, recorded: [3], today: "2026-12-01" }).map((c) => c.state)).toEqual([
      "recorded",
      "due",
    ]);
  });
  it("put the person among the follow-ups due at the top of the caseload", () => {
    const due = row("Zoe", { employmentChecksDue: 1 });
    expect(isBehind(due)).toBe(true);
    expect(sortCaseload([row("Adam", { nextAction: { description: "CV", dueOn: "2026-11-20" } }), due])[0]).toBe(due);
  });
  it("give a rate rounded down, hidden when either figure is, none of nobody", () => {
    expect(employmentRate(3, 2)).toBe(66);
    expect(employmentRate(0, 0)).toBeNull();
    expect(employmentRate("x", 2)).toBe("x");
    expect(employmentRate(7, "x")).toBe("x");
  });
});
