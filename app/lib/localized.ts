import type { Locale } from "~/i18n/config";

/**
 * The text of a row kept in the three languages (`titleFr`, `titleAr`, `titleEn`)
 * in the reader's language: trainings, calls, criteria.
 */
export function localized<K extends string>(
  row: Record<`${K}Fr` | `${K}Ar` | `${K}En`, string>,
  key: K,
  locale: Locale,
): string {
  const suffix = locale === "ar" ? "Ar" : locale === "en" ? "En" : "Fr";
  return row[`${key}${suffix}` as `${K}Fr`];
}
