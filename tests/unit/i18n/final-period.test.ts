/**
 * A sentence ends with one period when its last value is an abbreviation that has its own:
 * the Arabic dirham "د.م." before the message's full stop printed "د.م.." in the call report.
 */
import { describe, expect, it } from "vitest";
import { ar } from "../../../app/i18n/locales/ar/index";
import { en } from "../../../app/i18n/locales/en/index";
import { fr } from "../../../app/i18n/locales/fr/index";
import { LOCALES, type Locale } from "../../../app/i18n/config";
import { formatMoney } from "../../../app/lib/money";
import { translate, translateParts, type Messages } from "../../../app/i18n/translate";

const DICTS: Record<Locale, Messages> = { fr, ar, en };

describe("a value ending in a period at the end of a sentence", () => {
  it("leaves one period in the call report's summary, in every language, on pages and in PDFs", async () => {
    const { pdfT } = await import("../../../app/pdf/kit.server");
    const { formatMoneyForPdf } = await import("../../../app/lib/money");
    for (const locale of LOCALES) {
      const page = translate(DICTS[locale], locale, "grants.pdf.summary", {
        applications: 3,
        awards: 1,
        awarded: formatMoney(locale, 1_000_00),
        budget: formatMoney(locale, 50_000_00),
      });
      const pdf = pdfT(locale)("grants.pdf.summary", {
        applications: 3,
        awards: 1,
        awarded: formatMoneyForPdf(locale, 1_000_00),
        budget: formatMoneyForPdf(locale, 50_000_00),
      });
      for (const text of [page, pdf]) {
        const visible = text.replace(/[\u061c\u200e\u200f\u2066-\u2069]/g, "");
        expect(visible, `${locale}: ${visible}`).not.toMatch(/\.\s*\.$/);
        expect(visible, `${locale}: ${visible}`).toMatch(/\.$/);
      }
    }
    const arabic = translate(ar, "ar", "grants.pdf.summary", {
      applications: 3,
      awards: 1,
      awarded: formatMoney("ar", 1_000_00),
      budget: formatMoney("ar", 50_000_00),
    });
    expect(arabic.replace(/[\u061c\u200e\u200f]/g, "")).toMatch(/د\.م\.$/);
  });

  it("keeps the value whole and the sentence's own period when the value has none", () => {
    const parts = translateParts(en, "en", "grants.pdf.summary", {
      applications: 1,
      awards: 1,
      awarded: "5 Co.",
      budget: "10 Co.",
    });
    expect(parts.at(-1)).toEqual({ param: "budget", value: "10 Co." });
    expect(
      translate(en, "en", "grants.pdf.summary", { applications: 1, awards: 1, awarded: "5", budget: "10 MAD" }),
    ).toMatch(/10 MAD\.$/);
  });
});
