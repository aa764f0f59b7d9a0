import { describe, expect, it } from "vitest";
import { INTL_LOCALE, LOCALES, numberFormat } from "../../../app/i18n/config";

describe("numberFormat", () => {
  const options: Intl.NumberFormatOptions[] = [
    {},
    { style: "currency", currency: "MAD" },
    { style: "currency", currency: "USD" },
    { style: "percent", maximumFractionDigits: 0 },
    { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  ];

  it("writes what a new Intl.NumberFormat writes, in every locale and with every option", () => {
    for (const locale of LOCALES)
      for (const o of options)
        for (const value of [0, 7, -1234.5, 1234567.891, 0.375])
          expect(numberFormat(locale, o).format(value)).toBe(
            new Intl.NumberFormat(INTL_LOCALE[locale], o).format(value),
          );
  });

  it("is made once per locale and options, and apart for each", () => {
    expect(numberFormat("fr", { style: "currency", currency: "MAD" })).toBe(
      numberFormat("fr", { style: "currency", currency: "MAD" }),
    );
    expect(numberFormat("fr", { style: "currency", currency: "MAD" })).not.toBe(
      numberFormat("fr", { style: "currency", currency: "USD" }),
    );
    expect(numberFormat("fr")).not.toBe(numberFormat("ar"));
  });
});
