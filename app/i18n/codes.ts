/**
 * Codes stored in the database (a region, a language, an education level...) as people
 * read them: the one translated source for every page and every PDF. A code with no
 * label prints as "other", never as itself: `rabat_sale_kenitra` is not for people.
 */
import { INTL_LOCALE, type Locale } from "./config";
import type { MessageKey, TFunction } from "./translate";

/** Each kind of code and the prefix of its labels in the locale files. */
export const CODE_LABELS = {
  region: "profiles.region",
  language: "profiles.lang",
  education: "profiles.edu",
  seeks: "profiles.seeks",
} as const;
export type CodeKind = keyof typeof CODE_LABELS;

/** The label of a code; an unknown code reads as "other" in the reader's language. */
export function codeLabel(t: TFunction, kind: CodeKind, code: string): string {
  const key = `${CODE_LABELS[kind]}.${code}` as MessageKey;
  const label = t(key);
  return label === key ? t("profiles.lang.other") : label;
}

const countryNames = new Map<Locale, Intl.DisplayNames>();

/** A country (ISO 3166 alpha-2) named in the reader's language, from the ICU data. */
export function countryName(locale: Locale, code: string): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region", fallback: "none" });
    countryNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
