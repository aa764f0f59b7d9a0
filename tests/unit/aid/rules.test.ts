import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  VOUCHER_VALID_DAYS,
  correctionRefusal,
  ineligibility,
  initialsOf,
  normaliseVoucherCode,
  quantityFor,
  roundState,
  shopRefusal,
  signedQuantity,
  voucherCodeFrom,
  voucherExpiresOn,
  voucherState,
} from "../../../app/modules/aid/rules";

describe("voucher codes", () => {
  it("are 20 base32 characters in groups of five, from 100 random bits", () => {
    const code = voucherCodeFrom(randomBytes(13));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    const many = new Set(Array.from({ length: 2000 }, () => voucherCodeFrom(randomBytes(13))));
    expect(many.size).toBe(2000);
  });
  it("read back what a person types: lower case, spaces, O for 0", () => {
    const code = voucherCodeFrom(Uint8Array.from(Array(13).fill(0)));
    expect(code).toBe("00000-00000-00000-00000");
    expect(normaliseVoucherCode("ooooo 00000 00000 0000o")).toBe(code);
  });
});

describe("quantities", () => {
  it("per person or per household member", () => {
    expect(quantityFor(2, false, 5)).toBe(2);
    expect(quantityFor(2, true, 5)).toBe(10);
  });
  it("signs ledger movements", () => {
    expect(signedQuantity("receipt", 5)).toBe(5);
    expect(signedQuantity("distribution", 5)).toBe(-5);
    expect(signedQuantity("adjustment", -3)).toBe(-3);
  });
});

describe("eligibility", () => {
  const round = { organisationId: "A", startsOn: "2026-11-01", endsOn: "2026-11-30", eligibilityVulnerability: null };
  const beneficiary = {
    organisationId: "A",
    status: "open",
    anonymised: false,
    consentToServices: true,
    vulnerabilities: [] as string[],
  };
  it("accepts an open case of the association with consent", () => {
    expect(ineligibility({ round, beneficiary, today: "2026-11-15" })).toBeNull();
  });
  it("says why not", () => {
    expect(ineligibility({ round, beneficiary: { ...beneficiary, organisationId: "B" }, today: "2026-11-15" })).toBe(
      "other_association",
    );
    expect(
      ineligibility({ round, beneficiary: { ...beneficiary, consentToServices: false }, today: "2026-11-15" }),
    ).toBe("no_consent");
    expect(ineligibility({ round, beneficiary, today: "2026-12-01" })).toBe("outside_dates");
    expect(
      ineligibility({
        round: { ...round, eligibilityVulnerability: "pregnant_lactating" },
        beneficiary,
        today: "2026-11-15",
      }),
    ).toBe("vulnerability");
    expect(
      ineligibility({
        round: { ...round, eligibilityVulnerability: "pregnant_lactating" },
        beneficiary: { ...beneficiary, vulnerabilities: ["pregnant_lactating"] },
        today: "2026-11-15",
      }),
    ).toBeNull();
  });
});

describe("voucher validity", () => {
  it("runs 90 days counting the day of issue, across a month and a year", () => {
    expect(VOUCHER_VALID_DAYS).toBe(90);
    expect(voucherExpiresOn("2026-01-01")).toBe("2026-03-31");
    expect(voucherExpiresOn("2026-12-01")).toBe("2027-02-28");
  });
  it("is valid up to its last day, expired the next, and stays redeemed once redeemed", () => {
    const v = { redeemedAt: null, expiresOn: "2026-03-31" };
    expect(voucherState(v, "2026-03-31")).toBe("valid");
    expect(voucherState(v, "2026-04-01")).toBe("expired");
    expect(voucherState({ ...v, redeemedAt: "2026-03-01T10:00:00Z" }, "2026-04-01")).toBe("redeemed");
  });
});

describe("what a shop may take", () => {
  const shop = { organisationId: "A", isActive: true };
  const voucher = { organisationId: "A", redeemedAt: null, expiresOn: "2026-03-31" };
  it("takes a valid voucher of its association", () => {
    expect(shopRefusal(shop, voucher, "2026-03-01")).toBeNull();
  });
  it("answers 'unknown' alike for a missing code and another association's voucher", () => {
    expect(shopRefusal(shop, null, "2026-03-01")).toBe("unknown");
    expect(shopRefusal(shop, { ...voucher, organisationId: "B" }, "2026-03-01")).toBe("unknown");
  });
  it("refuses a redeemed or expired voucher, and anything once the shop is deactivated", () => {
    expect(shopRefusal(shop, { ...voucher, redeemedAt: new Date() }, "2026-03-01")).toBe("redeemed");
    expect(shopRefusal(shop, voucher, "2026-04-01")).toBe("expired");
    expect(shopRefusal({ ...shop, isActive: false }, voucher, "2026-03-01")).toBe("shop_inactive");
  });
});

describe("initials", () => {
  it("give the first letter of each name, never more", () => {
    expect(initialsOf("Aminata", "Diallo")).toBe("A. D.");
    expect(initialsOf("jean-paul", "Mbarga")).toBe("J. P. M.");
    expect(initialsOf("Éloïse", "d'Almeida")).toBe("É. D.");
    expect(initialsOf("محمد أمين", "الصديقي")).toBe("م. أ. ا.");
  });
  it("are a dash for an anonymised case", () => {
    expect(initialsOf("—", "—")).toBe("—");
    expect(initialsOf("", null)).toBe("—");
  });
});

describe("round state", () => {
  const round = { startsOn: "2026-03-01", endsOn: "2026-03-31" };
  it("counts the first and last days as running", () => {
    expect(roundState(round, "2026-02-28")).toBe("upcoming");
    expect(roundState(round, "2026-03-01")).toBe("ongoing");
    expect(roundState(round, "2026-03-31")).toBe("ongoing");
    expect(roundState(round, "2026-04-01")).toBe("ended");
  });
});

describe("correcting a hand-out", () => {
  it("is possible the same day on Morocco's clock, not UTC's", () => {
    // 23:30 UTC on 14 June is 00:30 on 15 June in Morocco (UTC+1 outside Ramadan)
    const createdAt = new Date("2027-06-14T23:30:00Z");
    expect(correctionRefusal({ createdAt, correctedAt: null }, new Date("2027-06-15T10:00:00Z"))).toBeNull();
    expect(correctionRefusal({ createdAt, correctedAt: null }, new Date("2027-06-15T22:59:00Z"))).toBeNull();
    expect(correctionRefusal({ createdAt, correctedAt: null }, new Date("2027-06-15T23:00:00Z"))).toBe("not_today");
    expect(correctionRefusal({ createdAt, correctedAt: null }, new Date("2027-06-14T22:59:00Z"))).toBe("not_today");
  });
  it("is done once", () => {
    const createdAt = new Date("2027-06-15T10:00:00Z");
    expect(correctionRefusal({ createdAt, correctedAt: createdAt }, createdAt)).toBe("already_corrected");
  });
  it("gives back what a hand-out took: a reversal adds to the stock", () => {
    expect(signedQuantity("reversal", 6)).toBe(6);
    expect(signedQuantity("reversal", -6)).toBe(6);
  });
});
