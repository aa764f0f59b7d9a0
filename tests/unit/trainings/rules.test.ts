import { describe, expect, it } from "vitest";
import {
  admissionFor,
  attendanceOpen,
  normaliseVerificationCode,
  attendancePercent,
  formatVerificationCode,
  initials,
  isCompleted,
  isEligible,
  nextToPromote,
  mayMoveSession,
  sessionMoveProblem,
  waitingPosition,
  type QueueEntry,
} from "../../../app/modules/trainings/rules";

describe("completion rule", () => {
  it("completes at exactly the required share of sessions attended", () => {
    expect(
      isCompleted({
        sessionCount: 5,
        marks: ["present", "present", "present", "present", "absent"],
        minAttendancePercent: 80,
      }),
    ).toBe(true);
    expect(
      isCompleted({
        sessionCount: 5,
        marks: ["present", "present", "present", "absent", "absent"],
        minAttendancePercent: 80,
      }),
    ).toBe(false);
  });
  it("counts an excused absence as an absence", () => {
    expect(
      isCompleted({ sessionCount: 4, marks: ["present", "present", "present", "excused"], minAttendancePercent: 80 }),
    ).toBe(false);
    expect(
      isCompleted({ sessionCount: 4, marks: ["present", "present", "present", "excused"], minAttendancePercent: 75 }),
    ).toBe(true);
  });
  it("is not complete while sessions remain unmarked, or with no session", () => {
    expect(isCompleted({ sessionCount: 3, marks: ["present", "present"], minAttendancePercent: 50 })).toBe(false);
    expect(isCompleted({ sessionCount: 0, marks: [], minAttendancePercent: 50 })).toBe(false);
  });
  it("rounds the attendance share for display", () => {
    expect(attendancePercent(3, 2)).toBe(67);
    expect(attendancePercent(0, 0)).toBe(0);
  });
});

describe("waiting list", () => {
  const entries: QueueEntry[] = [
    { id: "a", seq: 1, status: "confirmed" },
    { id: "b", seq: 7, status: "waiting" },
    { id: "c", seq: 3, status: "waiting" },
    { id: "d", seq: 2, status: "cancelled" },
    { id: "e", seq: 9, status: "waiting" },
  ];
  it("promotes the earliest waiting registration, not the first in the array", () => {
    expect(nextToPromote(entries)?.id).toBe("c");
    expect(nextToPromote(entries.filter((e) => e.id !== "c"))?.id).toBe("b");
    expect(nextToPromote(entries.filter((e) => e.status !== "waiting"))).toBeNull();
  });
  it("numbers waiting places from 1 in registration order", () => {
    expect(waitingPosition(entries, "c")).toBe(1);
    expect(waitingPosition(entries, "b")).toBe(2);
    expect(waitingPosition(entries, "e")).toBe(3);
    expect(waitingPosition(entries, "a")).toBeNull();
  });
  it("admits while seats are free, then puts on the list", () => {
    expect(admissionFor(19, 20)).toBe("confirmed");
    expect(admissionFor(20, 20)).toBe("waiting");
  });
});

describe("eligibility, codes and initials", () => {
  it("matches the audience, and lets an unknown group see all", () => {
    expect(isEligible("migrants", "migrant")).toBe(true);
    expect(isEligible("migrants", "young_moroccan")).toBe(false);
    expect(isEligible("young_moroccans", null)).toBe(true);
    expect(isEligible("both", "migrant")).toBe(true);
  });
  it("formats verification codes without ambiguous characters", () => {
    const code = formatVerificationCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(code.startsWith("ABCD")).toBe(true);
  });
  it("keeps only initials", () => {
    expect(initials("Aminata Diallo")).toBe("A. D.");
    expect(initials("Jean-Paul Mbarga")).toBe("J. P. M.");
    expect(initials("محمد أمين")).toBe("م. أ.");
  });
});

describe("moving a session", () => {
  const from = new Date("2030-01-10T08:00:00Z");
  const now = new Date("2030-01-01T08:00:00Z");
  const move = (to: Date, options: { attendanceMarked?: boolean; samePlace?: boolean } = {}) =>
    sessionMoveProblem({ attendanceMarked: false, samePlace: true, from, to, now, ...options });
  it("moves a session not yet held to a time still to come", () => {
    expect(move(new Date("2030-01-12T13:30:00Z"))).toBeNull();
  });
  it("refuses a session whose attendance is marked, whatever the new time or place", () => {
    expect(move(new Date("2030-01-12T13:30:00Z"), { attendanceMarked: true })).toBe("held");
    expect(move(new Date(from), { attendanceMarked: true, samePlace: false })).toBe("held");
  });
  it("refuses the past and the present moment", () => {
    expect(move(new Date("2029-12-31T08:00:00Z"))).toBe("past");
    expect(move(now)).toBe("past");
  });
  it("is for the session's trainer or an admin, not another coach", () => {
    expect(mayMoveSession({ id: "c1", role: "coach" }, { trainerId: "c1" })).toBe(true);
    expect(mayMoveSession({ id: "c2", role: "coach" }, { trainerId: "c1" })).toBe(false);
    expect(mayMoveSession({ id: "c2", role: "coach" }, { trainerId: null })).toBe(false);
    expect(mayMoveSession({ id: "a1", role: "admin" }, { trainerId: "c1" })).toBe(true);
  });
  it("the same time and place is no move; a new place at the same time is one", () => {
    expect(move(new Date(from))).toBe("unchanged");
    expect(move(new Date(from), { samePlace: false })).toBeNull();
  });
});

describe("the attendance register opens", () => {
  it("on the session's day on Morocco's clock, not before", () => {
    // 09:00 in Morocco on 15 June 2027 (UTC+1) is 08:00 UTC
    const session = new Date("2027-06-15T08:00:00Z");
    expect(attendanceOpen(session, new Date("2027-06-14T22:59:00Z"))).toBe(false); // 23:59 on the 14th
    expect(attendanceOpen(session, new Date("2027-06-14T23:00:00Z"))).toBe(true); // 00:00 on the 15th
    expect(attendanceOpen(session, new Date("2027-06-20T10:00:00Z"))).toBe(true);
  });
});

describe("verification codes as typed", () => {
  it("are read in any case, with or without dashes or spaces", () => {
    expect(normaliseVerificationCode("abcd-efgh-jkmn")).toBe("ABCD-EFGH-JKMN");
    expect(normaliseVerificationCode(" ABCDEFGHJKMN ")).toBe("ABCD-EFGH-JKMN");
    expect(normaliseVerificationCode("abcd efgh jkmn")).toBe("ABCD-EFGH-JKMN");
  });
  it("refuse what cannot be one", () => {
    expect(normaliseVerificationCode("ABCD-EFGH")).toBeNull();
    expect(normaliseVerificationCode("ABCD-EFGH-JKM0")).toBeNull(); // no 0 in the alphabet
    expect(normaliseVerificationCode("")).toBeNull();
  });
});
