/**
 * Right to left (issue 13): what a person types keeps its own direction, so a French
 * sentence typed in an Arabic page ends with its full stop on the right ("… El Mansour.",
 * not ".El Mansour"); lists of words take the reader's comma.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, TextareaField } from "../../../app/components/form";
import { listOf } from "../../../app/i18n/codes";
import { I18nProvider } from "../../../app/i18n/i18n-context";
import { ar } from "../../../app/i18n/locales/ar/index";
import { fr } from "../../../app/i18n/locales/fr/index";
import { translate, type MessageKey, type TParams } from "../../../app/i18n/translate";

const inArabic = (element: ReturnType<typeof createElement>) =>
  renderToStaticMarkup(createElement(I18nProvider, { locale: "ar", messages: ar, children: element }));

describe("typed text in an Arabic page", () => {
  it("text inputs and textareas follow what is typed (dir=auto); numbers, phones and dates keep theirs", () => {
    expect(inArabic(createElement(Field, { name: "city", label: "plans.field.city" }))).toContain('dir="auto"');
    expect(inArabic(createElement(TextareaField, { name: "pitch", label: "plans.field.pitch" }))).toContain(
      'dir="auto"',
    );
    expect(
      inArabic(createElement(Field, { name: "phone", label: "signup.phone", type: "tel", dir: "ltr" })),
    ).not.toContain('dir="auto"');
    expect(
      inArabic(createElement(Field, { name: "birthDate", label: "profiles.field.birthDate", type: "date" })),
    ).not.toContain("dir=");
  });

  it("lists of words take the reader's comma", () => {
    const t = (locale: "fr" | "ar") => (key: MessageKey, params?: TParams) =>
      translate(locale === "ar" ? ar : fr, locale, key, params);
    expect(listOf(t("ar"), ["الدراسة", "المهارات"])).toBe("الدراسة، المهارات");
    expect(listOf(t("fr"), ["Études", "Compétences"])).toBe("Études, Compétences");
  });
});
