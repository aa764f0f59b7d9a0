import { describe, expect, it } from "vitest";
import {
  THROTTLE,
  accountLocked,
  checkPassword,
  identifierKey,
  initialExpiry,
  normalizeEmail,
  normalizePhone,
  parseIdentifier,
  renewedExpiry,
  throttleKey,
  throttledUntil,
  grantsCaseAccess,
} from "../../../app/modules/auth/rules";
import { can } from "../../../app/modules/auth/permissions";

describe("normalizePhone", () => {
  it.each([
    ["0612345678", "+212612345678"],
    ["06 12 34 56 78", "+212612345678"],
    ["07-12.34.56.78", "+212712345678"],
    ["0522 12 34 56", "+212522123456"],
    ["+212 6 12 34 56 78", "+212612345678"],
    ["00212612345678", "+212612345678"],
    ["+2120612345678", "+212612345678"],
    ["+224 620 00 00 00", "+224620000000"],
    ["+234 803 123 4567", "+2348031234567"],
    ["0033612345678", "+33612345678"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["12345", "0812345678", "061234567", "+212812345678", "+0123456789", "phone", "", "+1234", "06123456789"])(
    "refuses %s",
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe("identifiers", () => {
  it("lower-cases e-mail and refuses what is not one", () => {
    expect(normalizeEmail("  Aminata.Diallo@Example.MA ")).toBe("aminata.diallo@example.ma");
    expect(normalizeEmail("no-at-sign")).toBeNull();
    expect(normalizeEmail("a@b")).toBeNull();
  });

  it("reads an @ as an e-mail and anything else as a phone", () => {
    expect(parseIdentifier("A@B.ma")).toEqual({ kind: "email", value: "a@b.ma" });
    expect(parseIdentifier("0612345678")).toEqual({ kind: "phone", value: "+212612345678" });
    expect(parseIdentifier("garbage")).toBeNull();
  });

  it("counts one person's attempts under one key, however the number is written", () => {
    expect(throttleKey("06 12 34 56 78")).toBe(throttleKey("+212612345678"));
    expect(throttleKey("A@B.ma")).toBe(throttleKey("a@b.ma"));
    expect(throttleKey("garbage")).toBe("raw:garbage");
  });

  it("a phone's confirmation codes and its recovery codes count under the same key", () => {
    expect(identifierKey({ kind: "phone", value: "+212612345678" })).toBe(throttleKey("06.12.34.56.78"));
    expect(identifierKey({ kind: "email", value: "a@b.ma" })).toBe(throttleKey(" A@b.MA "));
  });
});

describe("checkPassword", () => {
  it("asks 8 characters of applicants and 12 of staff", () => {
    expect(checkPassword("seven77", "applicant")).toBe("tooShort");
    expect(checkPassword("eight888x", "applicant")).toBeNull();
    expect(checkPassword("eleven-char", "coach")).toBe("tooShort");
    expect(checkPassword("twelve-chars", "coach")).toBeNull();
  });

  it("counts characters, not bytes, so Arabic passphrases are measured fairly", () => {
    expect(checkPassword("كلمة سر طويلة", "applicant")).toBeNull();
    expect(checkPassword("سبعة حر", "applicant")).toBe("tooShort");
  });

  it("allows long passphrases and refuses the most common passwords", () => {
    expect(checkPassword("a very long passphrase that nobody will ever guess ".repeat(4), "admin")).toBeNull();
    expect(checkPassword("x".repeat(300), "applicant")).toBe("tooLong");
    for (const common of ["password123", "Azerty123", "123456789", "motdepasse", "aaaaaaaaaaaa", "1234567890"]) {
      expect(checkPassword(common, "applicant")).toBe("common");
    }
  });
});

describe("session expiry", () => {
  const now = new Date("2026-11-29T10:00:00Z");
  const minutes = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

  it("starts applicants at 30 days and staff at 30 minutes", () => {
    expect(minutes(initialExpiry("applicant", now))).toBe(30 * 24 * 60);
    expect(minutes(initialExpiry("case_worker", now))).toBe(30);
  });

  it("slides a staff session on activity but never past 12 hours from sign-in", () => {
    const createdAt = new Date(now.getTime() - 60 * 60_000);
    const renewed = renewedExpiry("admin", { createdAt, expiresAt: new Date(now.getTime() + 5 * 60_000) }, now);
    expect(renewed && minutes(renewed)).toBe(30);
    const old = new Date(now.getTime() - (12 * 60 - 10) * 60_000);
    const capped = renewedExpiry("admin", { createdAt: old, expiresAt: new Date(now.getTime() + 5 * 60_000) }, now);
    expect(capped && minutes(capped)).toBe(10);
  });

  it("does not rewrite an expiry that would gain less than the threshold", () => {
    const createdAt = new Date(now.getTime() - 60_000);
    expect(renewedExpiry("coach", { createdAt, expiresAt: new Date(now.getTime() + 29.5 * 60_000) }, now)).toBeNull();
    expect(
      renewedExpiry("applicant", { createdAt, expiresAt: new Date(now.getTime() + 29.5 * 86_400_000) }, now),
    ).toBeNull();
    const stale = renewedExpiry("applicant", { createdAt, expiresAt: new Date(now.getTime() + 20 * 86_400_000) }, now);
    expect(stale && minutes(stale)).toBe(30 * 24 * 60);
  });
});

describe("throttledUntil", () => {
  const now = new Date("2026-11-29T10:00:00Z");
  const ago = (m: number) => new Date(now.getTime() - m * 60_000);

  it("lets 4 failures through and locks on the 5th until the oldest of the last 5 leaves the window", () => {
    expect(throttledUntil([ago(1), ago(2), ago(3), ago(4)], [], now)).toBeNull();
    const until = throttledUntil([ago(1), ago(2), ago(3), ago(4), ago(10)], [], now);
    expect(until?.toISOString()).toBe(new Date(ago(10).getTime() + THROTTLE.windowMs).toISOString());
  });

  it("forgets failures older than 15 minutes", () => {
    expect(throttledUntil([ago(16), ago(17), ago(18), ago(19), ago(20)], [], now)).toBeNull();
  });

  it("allows far more failures from one address than for one identifier", () => {
    const many = Array.from({ length: 99 }, (_, i) => ago(i / 10));
    expect(throttledUntil([], many, now)).toBeNull();
    expect(throttledUntil([], [...many, ago(0)], now)).not.toBeNull();
  });
});

describe("grantsCaseAccess", () => {
  it("sees every admin change that puts a case-worker account in an association", () => {
    const coach = { role: "coach" as const, organisationId: null };
    const inA = { role: "case_worker" as const, organisationId: "a" };
    expect(grantsCaseAccess(coach, inA)).toBe(true);
    expect(grantsCaseAccess(inA, { ...inA, organisationId: "b" })).toBe(true);
    expect(grantsCaseAccess(inA, inA)).toBe(false);
    expect(grantsCaseAccess(inA, coach)).toBe(false);
  });
});

describe("accountLocked", () => {
  const now = new Date("2026-11-29T10:00:00Z");
  const ago = (m: number) => new Date(now.getTime() - m * 60_000);

  it("locks an account at 5 checked failures in 15 minutes, whichever identifier they came by", () => {
    expect(THROTTLE.perAccount).toBe(THROTTLE.perIdentifier);
    expect(accountLocked([ago(1), ago(2), ago(3), ago(4)], now)).toBe(false);
    expect(accountLocked([ago(1), ago(2), ago(3), ago(4), ago(14)], now)).toBe(true);
    expect(accountLocked([ago(1), ago(2), ago(3), ago(4), ago(16)], now)).toBe(false);
  });
});

describe("can", () => {
  it("lets case workers into protection and aid only with a confirmed association", () => {
    const confirmed = { id: "1", role: "case_worker" as const, organisationId: "a" };
    const pending = { ...confirmed, organisationId: null };
    for (const action of ["protection:use", "aid:use", "reports:view"] as const) {
      expect(can(confirmed, action)).toBe(true);
      expect(can(pending, action)).toBe(false);
    }
    expect(can({ id: "2", role: "admin", organisationId: null }, "protection:use")).toBe(false);
    expect(can({ id: "2", role: "admin", organisationId: null }, "reports:view")).toBe(true);
  });

  it("denies the anonymous and unknown actions, and follows the table", () => {
    expect(can(null, "users:manage")).toBe(false);
    expect(can({ id: "1", role: "admin", organisationId: null }, "users:manage")).toBe(true);
    for (const role of ["applicant", "coach", "committee_member", "case_worker", "donor_viewer"] as const) {
      expect(can({ id: "1", role, organisationId: null }, "users:manage")).toBe(false);
      expect(can({ id: "1", role, organisationId: null }, "account:manage-own")).toBe(true);
    }
  });
});
