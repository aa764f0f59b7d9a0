/**
 * A number next to the word it counts agrees with it ("1 jour", "2 jours"; in Arabic six
 * forms), so such a number is the count of an ICU plural block, resolved by translate()
 * (decision 0137), never a bare `{placeholder}` followed by a noun, even when the number
 * comes from configuration ("{days} jours") and is never 1 in practice. Ordinals and labels
 * ("Ligne {n}", "Essais : {count}") are not counts of a noun and are left alone.
 */
import { describe, expect, it } from "vitest";
import { ar } from "../../../app/i18n/locales/ar/index";
import { en } from "../../../app/i18n/locales/en/index";
import { fr } from "../../../app/i18n/locales/fr/index";
import type { Locale } from "../../../app/i18n/config";
import { outsidePlurals, translate, type MessageKey, type Messages } from "../../../app/i18n/translate";

/** Nouns the portal counts, in each language (Arabic without its short vowels and tanween). */
const COUNTED: Record<Locale, RegExp> = {
  fr: /^(?:jours?|ans|années?|mois|semaines?|heures?|minutes?|lignes?|places?|entretiens?|contacts?|CV|candidatures?|subventions?|participant|participants|personnes?|séances?|sessions?|évaluations?|fichiers?|bons?|kits?|articles?|dossiers?|messages?|comptes?|stages?|formations?|essais?)$/u,
  en: /^(?:days?|years?|months?|weeks?|hours?|minutes?|rows?|lines?|places?|seats?|interviews?|contacts?|CVs?|applications?|grants?|awards?|participants?|people|persons?|sessions?|reviews?|files?|vouchers?|kits?|items?|messages?|accounts?|tries)$/u,
  ar: /^(?:يوم|يوما|أيام|سنة|سنوات|عام|عاما|أعوام|شهر|شهرا|أشهر|أسبوع|أسبوعا|أسابيع|ساعة|ساعات|سطر|سطرا|أسطر|مقعد|مقعدا|مقاعد|مقابلة|مقابلات|اتصال|اتصالا|اتصالات|سيرة|سير|ترشيح|ترشيحا|ترشيحات|منحة|منح|شخص|شخصا|أشخاص|مشارك|مشاركا|مشاركين|حصة|حصص|تقييم|تقييما|تقييمات|ملف|ملفا|ملفات|قسيمة|قسائم)$/u,
};
const DICTS: Record<Locale, Messages> = { fr, ar, en };
const HARAKAT = /[\u064B-\u0652\u0670]/g;

/** A parameter named as a count: `{count}`, `{itemCount}`. */
const COUNT_PARAM = /^(?:count|\w+Count)$/;

/**
 * Each `{param} noun` outside a plural block: "fr key: {days} jours". In Arabic, a count by
 * its name followed by any word too: the word after an Arabic number agrees with it even
 * when the counted noun is left implied ("{count} غير مقروءة", "{count} تم تسليمها").
 */
function bareCounts(locale: Locale): string[] {
  const found: string[] = [];
  for (const [key, template] of Object.entries(DICTS[locale])) {
    for (const m of outsidePlurals(template).matchAll(/\{(\w+)\}\s+([\p{L}\p{M}]+)/gu)) {
      const counted = COUNTED[locale].test(m[2]!.replace(HARAKAT, ""));
      if (counted || (locale === "ar" && COUNT_PARAM.test(m[1]!))) found.push(`${locale} ${key}: {${m[1]}} ${m[2]}`);
    }
  }
  return found;
}

describe("counts next to the noun they count", () => {
  it("are plural blocks in every language", () => {
    expect([...bareCounts("fr"), ...bareCounts("en"), ...bareCounts("ar")]).toEqual([]);
  });

  it("finds a bare count (the check itself): '{days} jours', '{n} يوما', a block left alone", () => {
    const probe = (locale: Locale, text: string) => {
      const saved = DICTS[locale]["nav.account" satisfies MessageKey];
      DICTS[locale]["nav.account"] = text;
      try {
        return bareCounts(locale).filter((f) => f.includes("nav.account"));
      } finally {
        DICTS[locale]["nav.account"] = saved;
      }
    };
    expect(probe("fr", "dans les {days} jours")).toEqual(["fr nav.account: {days} jours"]);
    expect(probe("ar", "منذ {days} يومًا")).toHaveLength(1);
    expect(probe("en", "{rows} rows read")).toHaveLength(1);
    expect(probe("fr", "dans les {days, plural, one {# jour} other {# jours}}")).toEqual([]);
    expect(probe("fr", "Ligne {n} retirée")).toEqual([]);
    // an Arabic count with its noun implied: the word after it agrees all the same
    expect(probe("ar", "{count} تم تسليمها")).toHaveLength(1);
    expect(probe("ar", "{count} غير مقروءة")).toHaveLength(1);
    expect(probe("ar", "{count, plural, one {إشعار واحد غير مقروء} other {# إشعار غير مقروء}}")).toEqual([]);
  });

  it("agree in the converted messages: one day, two days, eleven days in Arabic", () => {
    const when = (locale: Locale, days: number) => translate(DICTS[locale], locale, "feedback.sent.when", { days });
    expect(when("fr", 1)).toContain("1 jour.");
    expect(when("fr", 10)).toContain("10 jours.");
    expect(when("en", 1)).toContain("1 day.");
    expect(when("ar", 1)).toContain("يوم واحد");
    expect(when("ar", 3)).toContain("3 أيام");
    expect(when("ar", 11)).toContain("11 يومًا");
    const unread = (count: number) => translate(ar, "ar", "nav.unread", { count });
    expect([1, 2, 3, 11, 100].map(unread)).toEqual([
      "إشعار واحد غير مقروء",
      "إشعاران غير مقروءين",
      "3 إشعارات غير مقروءة",
      "11 إشعارًا غير مقروء",
      "100 إشعار غير مقروء",
    ]);
    const handedOut = (count: number) => translate(ar, "ar", "aid.rounds.handedOut", { count });
    expect([0, 1, 2, 5].map(handedOut)).toEqual([
      "لا عملية تسليم بعد",
      "عملية تسليم واحدة",
      "عمليتا تسليم",
      "5 عمليات تسليم",
    ]);
  });
});

describe("counts in PDFs", () => {
  it("choose their words too: pdfT isolates the other values, not the plural counts", async () => {
    const { pdfT } = await import("../../../app/pdf/kit.server");
    const summary = (locale: Locale, applications: number, awards: number) =>
      pdfT(locale)("grants.pdf.summary", { applications, awards, awarded: "10 MAD", budget: "100 MAD" });
    expect(summary("fr", 1, 2)).toMatch(/^1 candidature, 2 subventions, \u206810 MAD\u2069 attribués/);
    expect(summary("en", 3, 1)).toMatch(/^3 applications, 1 award, /);
    expect(summary("ar", 2, 11)).toMatch(/^ترشيحان، 11 منحة، /);
    // thousands in figures the PDF font can draw (no narrow no-break space)
    expect(summary("fr", 1500, 1)).not.toContain("\u202f");
  });
});
