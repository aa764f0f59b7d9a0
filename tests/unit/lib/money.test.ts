import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatMoneyForPdf,
  MAX_MONEY_CENTIMES,
  moneyDecimal,
  moneyInputValue,
  parseMoney,
} from "../../../app/lib/money";

describe("parseMoney", () => {
  it("reads amounts as people type them", () => {
    const cases: [string, number][] = [
      ["1250", 125_000],
      ["0", 0],
      ["0,01", 1],
      ["12,5", 1250],
      ["12.50", 1250],
      ["12 500", 1_250_000],
      ["12 500,50", 1_250_050],
      ["12\u00a0500,50", 1_250_050],
      ["12\u202f500,50", 1_250_050],
      ["1 250 000", 125_000_000],
      ["12,500.50", 1_250_050],
      ["12.500,50", 1_250_050],
      ["1,234,567", 123_456_700],
      ["1.234.567", 123_456_700],
      ["  300  ", 30_000],
    ];
    for (const [input, centimes] of cases) expect(parseMoney(input), JSON.stringify(input)).toBe(centimes);
  });
  it("takes the currency written before or after, as plans always did and grants now do", () => {
    expect(parseMoney("12 500,50 MAD")).toBe(1_250_050);
    expect(parseMoney("12500mad")).toBe(1_250_000);
    expect(parseMoney("MAD 12,500.50")).toBe(1_250_050);
    expect(parseMoney("300 DH")).toBe(30_000);
    expect(parseMoney("300 Dhs")).toBe(30_000);
    expect(parseMoney("300 درهم")).toBe(30_000);
    expect(parseMoney("USD 1,500", "USD")).toBeNull(); // "1,500" alone is ambiguous
    expect(parseMoney("$1,500.00", "USD")).toBe(150_000);
    expect(parseMoney("1500 USD", "USD")).toBe(150_000);
    expect(parseMoney("1500 MAD", "USD")).toBeNull();
    expect(parseMoney("1500 USD")).toBeNull();
  });
  it("reads Arabic-Indic digits and the Arabic decimal and thousands signs", () => {
    expect(parseMoney("١٢٥٠٠")).toBe(1_250_000);
    expect(parseMoney("١٢٬٥٠٠٫٥٠ درهم")).toBe(1_250_050);
    expect(parseMoney("۳۰۰")).toBe(30_000);
  });
  it("refuses ambiguous or malformed amounts instead of guessing", () => {
    for (const bad of [
      "12,500", // 12.5 or 12,500?
      "12.500",
      "12.345", // three decimals
      "1,5,0",
      "12 50",
      "1 2345",
      "12,",
      ",50",
      "-5",
      "+5",
      "5-",
      "1e3",
      "abc",
      "12 500,50 EUR",
      "MAD 12 MAD",
      "",
      " ",
      "MAD",
      "=1+1",
      "12,500.50.1",
      "1.234,567",
      "12\u066b5\u066b0",
      "1".repeat(70),
    ])
      expect(parseMoney(bad), JSON.stringify(bad)).toBeNull();
  });
  it("refuses amounts above the ceiling", () => {
    expect(parseMoney("10 000 000")).toBe(MAX_MONEY_CENTIMES);
    expect(parseMoney("10 000 000,01")).toBeNull();
    expect(parseMoney("99999999999999999999")).toBeNull();
  });
});

describe("money written back", () => {
  it("an input shows what parseMoney reads again, for any amount", () => {
    for (const c of [0, 1, 10, 99, 100, 12_345, 125_000, 1_250_050, MAX_MONEY_CENTIMES]) {
      expect(parseMoney(moneyInputValue(c))).toBe(c);
    }
    expect(moneyInputValue(125_000)).toBe("1250");
    expect(moneyInputValue(125_050)).toBe("1250.50");
    expect(moneyInputValue(null)).toBe("");
  });
  it("CSV gets plain decimals", () => {
    expect(moneyDecimal(1_250_050)).toBe("12500.50");
    expect(moneyDecimal(5)).toBe("0.05");
    expect(moneyDecimal(-150)).toBe("-1.50");
  });
  it("formats for people in each language, and for print isolated, without the narrow space the fonts lack", () => {
    expect(formatMoney("fr", 1_250_050)).toMatch(/^12[.\s\u202f]500,50\s?MAD$/);
    expect(formatMoney("en", 1_250_050)).toMatch(/MAD\s?12,500\.50/);
    expect(formatMoney("en", 150_000, "USD")).toBe("US$1,500.00");
    expect(formatMoneyForPdf("ar", 1_250_050)).toBe(`\u2068${formatMoney("ar", 1_250_050)}\u2069`);
    const french = formatMoneyForPdf("fr", 1_250_050);
    expect(french).not.toMatch(/\u202f/);
    expect(french).toMatch(/^\u206812[.\s\u00a0]500,50\s?MAD\u2069$/);
  });
});
