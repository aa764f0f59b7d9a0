import type { Locale } from "~/i18n/config";

/**
 * Text that staff type in three languages (a call's title, a training's description, an
 * offer's title...), kept in columns `<key>Fr`, `<key>Ar`, `<key>En`. French is required;
 * Arabic and English may be empty until someone fills them, and then the French text is
 * shown in their place, marked as French (see `<LocalizedText>`).
 */
export type Trilingual<K extends string> = Record<`${K}Fr` | `${K}Ar` | `${K}En`, string | null>;

/** The same text, one value per language, for what is written for someone else (a message). */
export type LocalizedText = { fr: string; ar: string; en: string };

const SUFFIX: Record<Locale, "Fr" | "Ar" | "En"> = { fr: "Fr", ar: "Ar", en: "En" };

/** The text in the reader's language, and the language it is really in (French when it falls back). */
export function localizedIn<K extends string>(
  row: Trilingual<K>,
  key: K,
  locale: Locale,
): { text: string; lang: Locale; fallback: boolean } {
  const own = (row[`${key}${SUFFIX[locale]}` as `${K}Fr`] ?? "").trim();
  if (own || locale === "fr") return { text: own, lang: locale, fallback: false };
  return { text: (row[`${key}Fr` as `${K}Fr`] ?? "").trim(), lang: "fr", fallback: true };
}

/** The text in the reader's language, or the French text when it has not been translated. */
export function localized<K extends string>(row: Trilingual<K>, key: K, locale: Locale): string {
  return localizedIn(row, key, locale).text;
}

/**
 * For text that cannot hold markup (an option of a select, a button's words, a line of a
 * PDF): the text in the reader's language, or the French text followed by "(in French)"
 * in the reader's language (`inFrench`, the message `content.inFrench`).
 */
export function localizedLabel<K extends string>(row: Trilingual<K>, key: K, locale: Locale, inFrench: string): string {
  const { text, fallback } = localizedIn(row, key, locale);
  return fallback && text ? `${text} ${inFrench}` : text;
}

/** Rows given `key` as one string in the reader's language (a loader's last step before the page). */
export function withLocalized<K extends string, R extends Trilingual<K>>(
  rows: readonly R[],
  key: K,
  locale: Locale,
): (R & Record<K, string>)[] {
  return rows.map((row) => ({ ...row, [key]: localized(row, key, locale) }) as R & Record<K, string>);
}

/**
 * `row` with only what a page in `locale` reads of `key` (`localizedIn`): the reader's
 * language, and French when the reader's is empty; the other languages emptied ("", or null
 * when they were null). For loader data, which goes to the browser whole: a page shows one
 * language, it need not carry three.
 */
export function inOneLanguage<K extends string, R extends Trilingual<K>>(row: R, key: K, locale: Locale): R {
  const own = `${key}${SUFFIX[locale]}` as `${K}Fr`;
  const frenchRead = locale === "fr" || !(row[own] ?? "").trim();
  const out: Trilingual<K> = { ...row };
  for (const suffix of ["Fr", "Ar", "En"] as const) {
    const field = `${key}${suffix}` as `${K}Fr`;
    if (field === own || (suffix === "Fr" && frenchRead) || row[field] === null) continue;
    out[field] = "";
  }
  return out as R;
}
