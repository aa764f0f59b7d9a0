import { describe, expect, it } from "vitest";
import { ar } from "../../../app/i18n/locales/ar/index";
import { en } from "../../../app/i18n/locales/en/index";
import { fr } from "../../../app/i18n/locales/fr/index";
import { LOCALES } from "../../../app/i18n/config";
import { messageParams, pluralCategory, translate, type Messages } from "../../../app/i18n/translate";

const DICTS = { fr, ar, en } as const;

describe("plural categories per locale", () => {
  it("French puts 0 and 1 in one, English only 1, Arabic has all six", () => {
    expect([0, 1, 2, 5].map((n) => pluralCategory("fr", n))).toEqual(["one", "one", "other", "other"]);
    expect([0, 1, 2, 5].map((n) => pluralCategory("en", n))).toEqual(["other", "one", "other", "other"]);
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 103].map((n) => pluralCategory("ar", n))).toEqual([
      "zero",
      "one",
      "two",
      "few",
      "few",
      "many",
      "many",
      "other",
      "other",
      "few",
    ]);
  });
});

describe("messages with a count", () => {
  const t = (locale: keyof typeof DICTS, n: number) =>
    translate(DICTS[locale], locale, "imports.confirmedAttendance", { date: "D", n, rows: n });

  it("agree with the count in French", () => {
    expect(t("fr", 1)).toBe("Import confirmé le D\u00a0: 1 présence enregistrée sur 1 ligne.");
    expect(t("fr", 0)).toBe("Import confirmé le D\u00a0: 0 présence enregistrée sur 0 ligne.");
    expect(t("fr", 2)).toBe("Import confirmé le D\u00a0: 2 présences enregistrées sur 2 lignes.");
    expect(t("fr", 1200)).toMatch(/^Import confirmé le D\u00a0: 1.200 présences enregistrées sur 1.200 lignes\.$/);
  });

  it("agree with the count in English", () => {
    expect(t("en", 1)).toBe("Import confirmed on D: 1 attendance mark recorded out of 1 row.");
    expect(t("en", 0)).toBe("Import confirmed on D: 0 attendance marks recorded out of 0 rows.");
    expect(translate(en, "en", "trainings.seatsLeft", { count: 1 })).toBe("1 seat left");
    expect(translate(en, "en", "trainings.seatsLeft", { count: 3 })).toBe("3 seats left");
  });

  it("take each of Arabic's six forms", () => {
    const seats = (count: number) => translate(ar, "ar", "trainings.seatsLeft", { count });
    expect(seats(0)).toBe("لا مقعد متاح");
    expect(seats(1)).toBe("مقعد واحد متاح");
    expect(seats(2)).toBe("مقعدان متاحان");
    expect(seats(3)).toBe("3 مقاعد متاحة");
    expect(seats(11)).toBe("11 مقعدًا متاحًا");
    expect(seats(100)).toBe("100 مقعد متاح");
    expect(t("ar", 2)).toBe("أُكّد الاستيراد يوم D: سُجّل حضوران من أصل سطرين.");
  });

  it("take an exact branch before the category, and the general form for a count given as text", () => {
    const messages = {
      ...fr,
      "nav.unread": "{count, plural, =0 {rien} one {# non lue} other {# non lues}}",
    } as Messages;
    expect(translate(messages, "fr", "nav.unread", { count: 0 })).toBe("rien");
    expect(translate(messages, "fr", "nav.unread", { count: 1 })).toBe("1 non lue");
    expect(translate(messages, "fr", "nav.unread", { count: "1 200" })).toBe("1 200 non lues");
    // no count given: the message is left as written, never half-filled
    expect(translate(messages, "fr", "nav.unread", {})).toBe(messages["nav.unread"]);
    // a one-word branch is not a placeholder the message asks for
    expect(messageParams(messages["nav.unread"])).toEqual(["count"]);
  });

  it("every plural message has an `other` form, and every Arabic one all six", () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const dict: Messages = DICTS[locale];
      for (const [key, text] of Object.entries(dict)) {
        if (!/\{\w+\s*,\s*plural\s*,/.test(text)) continue;
        const forms = [...text.matchAll(/(zero|one|two|few|many|other)\s*\{/g)].map((m) => m[1]);
        const needed = locale === "ar" ? ["zero", "one", "two", "few", "many", "other"] : ["other"];
        for (const form of needed) if (!forms.includes(form)) problems.push(`${locale} ${key}: no ${form}`);
        if (!messageParams(text).length) problems.push(`${locale} ${key}: no count`);
      }
    }
    expect(problems).toEqual([]);
  });
});
