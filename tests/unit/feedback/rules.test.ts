import { describe, expect, it } from "vitest";
import {
  CONFIDENTIAL_CATEGORIES,
  FEEDBACK_CATEGORIES,
  FEEDBACK_STATUSES,
} from "../../../app/modules/feedback/constants";
import {
  FEEDBACK_THROTTLE,
  REFERENCE_ALPHABET,
  canonicalReference,
  countByCategory,
  dashboardRows,
  dueAt,
  formatReference,
  isConfidential,
  isOverdue,
  mayAnswer,
  mayAssign,
  mayClose,
  mayRead,
  mayRefer,
  median,
  newReference,
  publicView,
  retryAt,
  type CountedItem,
} from "../../../app/modules/feedback/rules";
import { feedbackCategoryEnum, feedbackStatusEnum } from "../../../db/schema";
import { ROLES } from "../../../app/modules/auth/roles";

describe("references", () => {
  it("draws 8 characters from an alphabet with no look-alikes", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(29);
    for (const c of "01OILUV") expect(REFERENCE_ALPHABET).not.toContain(c);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const ref = newReference((n) => Math.floor(Math.random() * n));
      expect(ref).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
      seen.add(ref);
    }
    expect(seen.size).toBe(200);
  });

  it("uses every symbol: the first and the last of the alphabet", () => {
    expect(newReference(() => 0)).toBe("22222222");
    expect(newReference((n) => n - 1)).toBe("ZZZZZZZZ");
  });

  it.each([
    ["K7QM-3XPA", "K7QM3XPA"],
    ["k7qm3xpa", "K7QM3XPA"],
    [" k7qm 3xpa ", "K7QM3XPA"],
    ["K7QM–3XPA", "K7QM3XPA"],
    ["K.7.Q.M.3.X.P.A", "K7QM3XPA"],
    ["٢٣٤٥-٦٧٨٩", "23456789"],
  ])("reads %s as %s", (typed, stored) => {
    expect(canonicalReference(typed)).toBe(stored);
  });

  it.each(["", "K7QM3XP", "K7QM3XPAB", "K7QM3XP0", "K7QM3XPO", "K7QM3XPI", "K7QM3XPL", "K7QM3XPU", "<script>"])(
    "refuses %j without a lookup",
    (typed) => {
      expect(canonicalReference(typed)).toBeNull();
    },
  );

  it("prints as two groups of four", () => {
    expect(formatReference("K7QM3XPA")).toBe("K7QM-3XPA");
  });
});

describe("categories", () => {
  it("match the database's enums", () => {
    expect([...FEEDBACK_CATEGORIES].sort()).toEqual([...feedbackCategoryEnum.enumValues].sort());
    expect([...FEEDBACK_STATUSES]).toEqual([...feedbackStatusEnum.enumValues]);
  });

  it("sends abuse and staff misconduct to the focal point, and nothing else", () => {
    expect(FEEDBACK_CATEGORIES.filter(isConfidential)).toEqual([...CONFIDENTIAL_CATEGORIES]);
    expect(isConfidential("sexual_exploitation_abuse")).toBe(true);
    expect(isConfidential("staff_misconduct")).toBe(true);
    expect(isConfidential("complaint")).toBe(false);
  });
});

describe("the deadline", () => {
  it("is the end of the 14th Moroccan day after the day it came", () => {
    // 23:30 UTC on 9 May is already 10 May in Morocco (UTC+1)
    expect(dueAt(new Date("2026-05-09T23:30:00Z")).toISOString()).toBe("2026-05-24T22:59:59.999Z");
    // in Ramadan (UTC+0) it is still 9 March; the 23rd ends after Ramadan, at UTC+1
    expect(dueAt(new Date("2026-03-09T23:30:00Z")).toISOString()).toBe("2026-03-23T22:59:59.999Z");
  });

  it("passes only for messages not closed", () => {
    const item = { status: "in_progress" as const, dueAt: new Date("2026-03-24T22:59:59.999Z") };
    expect(isOverdue(item, new Date("2026-03-24T22:59:59.999Z"))).toBe(false);
    expect(isOverdue(item, new Date("2026-03-24T23:00:00Z"))).toBe(true);
    expect(isOverdue({ ...item, status: "closed" }, new Date("2026-04-30T00:00:00Z"))).toBe(false);
    expect(isOverdue({ ...item, status: "received" }, new Date("2026-04-30T00:00:00Z"))).toBe(true);
  });
});

describe("the throttle", () => {
  const rule = FEEDBACK_THROTTLE.submit;
  const now = new Date("2026-03-10T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it("lets the first ten of an hour through, then waits for the oldest to leave the hour", () => {
    const nine = Array.from({ length: 9 }, (_, i) => minutesAgo(50 - i));
    expect(retryAt(nine, rule, now)).toBeNull();
    const ten = [...nine, minutesAgo(1)];
    expect(retryAt(ten, rule, now)?.toISOString()).toBe(new Date(minutesAgo(50).getTime() + 3_600_000).toISOString());
  });

  it("forgets tries older than the window", () => {
    const old = Array.from({ length: 30 }, () => minutesAgo(61));
    expect(retryAt(old, rule, now)).toBeNull();
  });
});

describe("who reads and acts", () => {
  const admin = { id: "a", role: "admin" as const };
  const focal = { id: "f", role: "focal_point" as const };
  const coach = { id: "c", role: "coach" as const };
  const open = { confidential: false, assignedToId: null, status: "received" as const, answer: null };
  const confidential = { ...open, confidential: true };

  it("shows a confidential message to the focal point and to no other role", () => {
    for (const role of ROLES) {
      const actor = { id: "f", role };
      expect(mayRead(actor, confidential), role).toBe(role === "focal_point");
      // even assigned (the database forbids it), the assignment gives no reach
      expect(mayRead(actor, { ...confidential, assignedToId: "f" }), role).toBe(role === "focal_point");
    }
  });

  it("shows the others to admins and to the one it is assigned to, never to the focal point", () => {
    expect(mayRead(admin, open)).toBe(true);
    expect(mayRead(coach, open)).toBe(false);
    expect(mayRead(coach, { ...open, assignedToId: "c" })).toBe(true);
    expect(mayRead(focal, open)).toBe(false);
    expect(mayRead(focal, { ...open, assignedToId: "f" })).toBe(false);
  });

  it("answers until closed, closes once answered, assigns and refers only ordinary open messages as an admin", () => {
    expect(mayAnswer(focal, confidential)).toBe(true);
    expect(mayAnswer(focal, { ...confidential, status: "closed" })).toBe(false);
    expect(mayClose(focal, confidential)).toBe(false);
    expect(mayClose(focal, { ...confidential, answer: "Merci" })).toBe(true);
    expect(mayAssign(admin, open)).toBe(true);
    expect(mayAssign(admin, confidential)).toBe(false);
    expect(mayAssign(admin, { ...open, status: "closed" })).toBe(false);
    expect(mayAssign(coach, { ...open, assignedToId: "c" })).toBe(false);
    expect(mayRefer(admin, open)).toBe(true);
    expect(mayRefer(focal, confidential)).toBe(false);
  });
});

describe("the follow page", () => {
  it("shows the status and the answer, nothing else", () => {
    const shown = publicView({
      status: "closed",
      answer: "Nous avons corrigé la liste.",
      answeredAt: new Date("2026-03-12T10:00:00Z"),
      ...{ category: "sexual_exploitation_abuse", message: "secret", contactPhone: "+212600000000" },
    } as Parameters<typeof publicView>[0]);
    expect(Object.keys(shown).sort()).toEqual(["answer", "answeredAt", "status"]);
  });
});

describe("the dashboard's counts", () => {
  const now = new Date("2026-04-30T12:00:00Z");
  const day = (d: string) => new Date(`${d}T10:00:00Z`);
  const item = (category: CountedItem["category"], received: string, closed: string | null): CountedItem => ({
    category,
    status: closed ? "closed" : "in_progress",
    receivedAt: day(received),
    dueAt: dueAt(day(received)),
    closedAt: closed ? day(closed) : null,
  });
  const items = [
    item("complaint", "2026-03-01", "2026-03-04"),
    item("complaint", "2026-03-02", "2026-03-30"),
    item("complaint", "2026-03-03", "2026-03-09"),
    item("complaint", "2026-03-04", null),
    item("suggestion", "2026-03-05", null),
    item("sexual_exploitation_abuse", "2026-03-06", "2026-03-07"),
  ];

  it("counts received, closed, closed within 14 days, median days and overdue", () => {
    const counts = countByCategory(items, now);
    expect(counts.find((c) => c.category === "complaint")).toEqual({
      category: "complaint",
      received: 4,
      closed: 3,
      closedInTime: 2,
      openOverdue: 1,
      medianDays: 6,
    });
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("gives admins exact counts, and confidential categories a count and nothing else", () => {
    const rows = dashboardRows(countByCategory(items, now));
    expect(rows.find((r) => r.category === "complaint")?.cells).toEqual([4, 3, 2, 6, 1]);
    expect(rows.find((r) => r.category === "sexual_exploitation_abuse")?.cells).toEqual([1, null, null, null, null]);
    expect(rows.find((r) => r.category === "total")?.cells).toEqual([6, null, null, null, null]);
  });

  it("shows each count as the donor's family has it, and hides a median with its closed count", () => {
    const many = [...items, ...Array.from({ length: 8 }, () => item("complaint", "2026-03-10", "2026-03-12"))];
    // the family hides what it hides (here: every count under 5); the rows only follow it
    const show = (_c: string, _m: string, n: number) => (n < 5 ? "x" : n) as "x" | number;
    const rows = dashboardRows(countByCategory(many, now), show);
    expect(rows.find((r) => r.category === "complaint")?.cells).toEqual([12, 11, 10, 2, "x"]);
    expect(rows.find((r) => r.category === "sexual_exploitation_abuse")?.cells).toEqual(["x", null, null, null, null]);
    const few = dashboardRows(countByCategory(items, now), show);
    // 3 closed: hidden, and so is the median behind them
    expect(few.find((r) => r.category === "complaint")?.cells).toEqual(["x", "x", "x", "x", "x"]);
    expect(few.find((r) => r.category === "total")?.cells[0]).toBe(6);
  });
});
