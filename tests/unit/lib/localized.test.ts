/**
 * `inOneLanguage` (app/lib/localized.ts): loader data keeps only the language a page shows
 * of a text staff keep in three (the applicant's home, issue 19), and the page still reads
 * it as before (`localizedIn`), French standing in for an untranslated text.
 */
import { describe, expect, it } from "vitest";
import { inOneLanguage, localizedIn } from "~/lib/localized";
import { LOCALES } from "~/i18n/config";

const full = { titleFr: "Gestion", titleAr: "التسيير", titleEn: "Management", other: 1 };
const untranslated = { titleFr: "Gestion", titleAr: "", titleEn: null, other: 2 };

describe("inOneLanguage", () => {
  it("keeps the reader's language only when it is written", () => {
    expect(inOneLanguage(full, "title", "fr")).toEqual({ titleFr: "Gestion", titleAr: "", titleEn: "", other: 1 });
    expect(inOneLanguage(full, "title", "ar")).toEqual({ titleFr: "", titleAr: "التسيير", titleEn: "", other: 1 });
    expect(inOneLanguage(full, "title", "en")).toEqual({ titleFr: "", titleAr: "", titleEn: "Management", other: 1 });
  });

  it("keeps French where the reader's language is empty, and nulls as nulls", () => {
    expect(inOneLanguage(untranslated, "title", "ar")).toEqual({
      titleFr: "Gestion",
      titleAr: "",
      titleEn: null,
      other: 2,
    });
    expect(inOneLanguage(untranslated, "title", "en")).toEqual(untranslated);
  });

  it("reads the same in every language as the row it came from", () => {
    for (const row of [full, untranslated, { titleFr: "Gestion", titleAr: "  ", titleEn: "Management" }])
      for (const locale of LOCALES)
        expect(localizedIn(inOneLanguage(row, "title", locale), "title", locale)).toEqual(
          localizedIn(row, "title", locale),
        );
  });

  it("leaves the row it is given alone", () => {
    const row = { ...full };
    inOneLanguage(row, "title", "ar");
    expect(row).toEqual(full);
  });
});
