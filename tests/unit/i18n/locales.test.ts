import { describe, expect, it } from "vitest";
import { ar } from "../../../app/i18n/locales/ar/index";
import { en } from "../../../app/i18n/locales/en/index";
import { fr } from "../../../app/i18n/locales/fr/index";
import { direction, localeFromAcceptLanguage } from "../../../app/i18n/config";
import { formatMoney } from "../../../app/lib/money";
import { messageParams, translate } from "../../../app/i18n/translate";

const placeholders = messageParams;

describe("locale files", () => {
  it("have exactly the same keys in fr, ar and en", () => {
    const keys = Object.keys(fr).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(ar).sort()).toEqual(keys);
  });

  it("use the same placeholders in every language, and leave no message empty", () => {
    const problems: string[] = [];
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      for (const [lng, dict] of [
        ["en", en],
        ["ar", ar],
      ] as const) {
        if (placeholders(dict[key]).join() !== placeholders(fr[key]).join()) problems.push(`${lng} ${key}`);
        if (!dict[key].trim()) problems.push(`${lng} ${key} empty`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("writes Arabic messages in Arabic script", () => {
    const notArabic = (Object.keys(ar) as (keyof typeof ar)[]).filter(
      (key) => !/[\u0600-\u06FF]/.test(ar[key]) && !/^[\s\d{}\w/.·:-]*$/.test(ar[key]),
    );
    expect(notArabic).toEqual([]);
  });

  it("glues no Arabic letter to a placeholder, except the conjunction و before it", () => {
    // a name, a language or a title fills the placeholder: "بـFrançais", "بـالعربية" and
    // "لـAminata" read badly, so the sentence leaves the value a word of its own; "بين 18 و35"
    // is how Arabic writes "and" before a figure
    const glued = (Object.keys(ar) as (keyof typeof ar)[]).filter((key) =>
      /[\u0621-\u0647\u0649-\u064A]\u0640?\{\w+|\{\w+\}\u0640?[\u0621-\u064A]/.test(ar[key]),
    );
    expect(glued).toEqual([]);
  });
});

describe("language choice", () => {
  it("follows Accept-Language with its weights, and knows Arabic is right to left", () => {
    expect(localeFromAcceptLanguage("ar-MA,ar;q=0.9,fr;q=0.8")).toBe("ar");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(direction("ar")).toBe("rtl");
    expect(direction("fr")).toBe("ltr");
  });

  it("fills placeholders and formats money in dirhams", () => {
    expect(translate(fr, "fr", "home.greeting", { name: "Aminata" })).toBe("Bonjour Aminata");
    expect(translate(en, "en", "nav.unread", { count: 1200 })).toBe("1,200 unread");
    // fr-MA groups thousands with a dot, as CLDR has it for Morocco
    expect(formatMoney("fr", 1250050)).toMatch(/^12[.\s\u202f]500,50\s?MAD$/);
    expect(formatMoney("en", 1250050)).toMatch(/MAD\s?12,500\.50/);
  });
});
