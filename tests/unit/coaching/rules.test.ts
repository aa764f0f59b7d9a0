import { describe, expect, it } from "vitest";
import { appointmentProblem, buildCaseloadRow, sortCaseload, stageOf } from "../../../app/modules/coaching/rules";

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
