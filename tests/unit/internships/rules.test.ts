import { describe, expect, it } from "vitest";
import {
  canRecordOutcome,
  canTransition,
  checkpointDate,
  daysSince,
  dueCheckpoints,
  evaluationAverage,
  isEmployed,
  isFollowUpOverdue,
  mayAnswerApplication,
  seatsProblem,
} from "../../../app/modules/internships/rules";

describe("placement status machine", () => {
  it("moves forward one step at a time", () => {
    expect(canTransition("proposed", "accepted")).toBe(true);
    expect(canTransition("accepted", "ongoing")).toBe(true);
    expect(canTransition("ongoing", "completed")).toBe(true);
    expect(canTransition("proposed", "ongoing")).toBe(false);
    expect(canTransition("proposed", "completed")).toBe(false);
  });
  it("can end early from any open status, never from a closed one", () => {
    for (const s of ["proposed", "accepted", "ongoing"] as const) expect(canTransition(s, "ended_early")).toBe(true);
    expect(canTransition("completed", "ended_early")).toBe(false);
    expect(canTransition("ended_early", "ongoing")).toBe(false);
  });
});

describe("overdue follow-up", () => {
  const base = { status: "ongoing" as const, startsOn: "2026-09-01", today: "2026-11-29" };
  it("is overdue after more than 14 days without contact", () => {
    expect(isFollowUpOverdue({ ...base, lastContactOn: "2026-11-14" })).toBe(true);
    expect(isFollowUpOverdue({ ...base, lastContactOn: "2026-11-15" })).toBe(false);
  });
  it("counts from the start when there was never a contact", () => {
    expect(isFollowUpOverdue({ ...base, startsOn: "2026-11-20", lastContactOn: null })).toBe(false);
    expect(isFollowUpOverdue({ ...base, startsOn: "2026-11-01", lastContactOn: null })).toBe(true);
  });
  it("reads an instant as Morocco's day: at 00:30 in Morocco it is already the next day", () => {
    const lastContactOn = "2026-11-14";
    // 23:30Z on 29 November is 00:30 on 30 November in Morocco (UTC+1): 16 days since
    expect(isFollowUpOverdue({ ...base, today: new Date("2026-11-29T23:30:00Z"), lastContactOn })).toBe(true);
    expect(isFollowUpOverdue({ ...base, today: new Date("2026-11-28T22:30:00Z"), lastContactOn })).toBe(false);
    expect(daysSince(lastContactOn, new Date("2026-11-29T23:30:00Z"))).toBe(16);
  });
  it("is never overdue before the start or once closed", () => {
    expect(isFollowUpOverdue({ ...base, startsOn: "2026-12-10", status: "accepted", lastContactOn: null })).toBe(false);
    expect(isFollowUpOverdue({ ...base, status: "completed", lastContactOn: "2026-01-01" })).toBe(false);
    expect(isFollowUpOverdue({ ...base, status: "proposed", lastContactOn: null })).toBe(false);
  });
});

describe("evaluations and outcomes", () => {
  it("averages the five criteria to one decimal", () => {
    expect(evaluationAverage({ punctuality: 4, teamwork: 3, communication: 3, technicalSkills: 2, autonomy: 3 })).toBe(
      3,
    );
    expect(evaluationAverage({ punctuality: 4, teamwork: 4, communication: 3, technicalSkills: 3, autonomy: 4 })).toBe(
      3.6,
    );
  });
  it("places checkpoints at the end, 3 and 6 months later, clamping month ends", () => {
    expect(checkpointDate("2026-08-31", "end")).toBe("2026-08-31");
    expect(checkpointDate("2026-08-31", "month_3")).toBe("2026-11-30");
    expect(checkpointDate("2026-08-31", "month_6")).toBe("2027-02-28");
  });
  it("records an outcome only for a closed placement whose checkpoint has come", () => {
    expect(canRecordOutcome({ status: "ongoing", endsOn: "2026-01-01", checkpoint: "end", today: "2026-11-29" })).toBe(
      false,
    );
    expect(
      canRecordOutcome({ status: "completed", endsOn: "2026-10-01", checkpoint: "end", today: "2026-11-29" }),
    ).toBe(true);
    expect(
      canRecordOutcome({ status: "completed", endsOn: "2026-10-01", checkpoint: "month_3", today: "2026-11-29" }),
    ).toBe(false);
    expect(
      canRecordOutcome({ status: "ended_early", endsOn: "2026-06-15", checkpoint: "month_6", today: "2026-12-14" }),
    ).toBe(false);
    expect(
      canRecordOutcome({ status: "ended_early", endsOn: "2026-06-15", checkpoint: "month_6", today: "2026-12-15" }),
    ).toBe(true);
  });
  it("lists the checkpoints due and not yet recorded", () => {
    expect(
      dueCheckpoints({ status: "completed", endsOn: "2026-05-01", recorded: ["end"], today: "2026-09-01" }),
    ).toEqual(["month_3"]);
  });
  it("counts hired and self-employed as employed", () => {
    expect(
      ["hired_by_host", "hired_elsewhere", "self_employed", "studying", "seeking", "unknown"].filter(isEmployed),
    ).toEqual(["hired_by_host", "hired_elsewhere", "self_employed"]);
  });
});

describe("the host's answer to an application", () => {
  it("is given to an application still waiting, once", () => {
    expect(mayAnswerApplication("submitted")).toBe(true);
    expect(mayAnswerApplication("proposed")).toBe(true);
    for (const done of ["accepted", "declined", "withdrawn"]) expect(mayAnswerApplication(done)).toBe(false);
  });
});

describe("an offer's corrected seats", () => {
  it("may come down to the acceptances given, never below", () => {
    expect(seatsProblem(2, 2)).toBeNull();
    expect(seatsProblem(5, 2)).toBeNull();
    expect(seatsProblem(1, 2)).toBe("belowAccepted");
  });
});
