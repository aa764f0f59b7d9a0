import { LOCALES, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/dictionaries.server";
import { localizedLabel, type LocalizedText, type Trilingual } from "./localized";

/**
 * Staff text for a message (an SMS, an e-mail, a notification), one value per language
 * for `notify` to pick the recipient's: the text in that language, or the French text
 * followed by "(in French)" in that language, as pages and PDFs mark it (decision 0071).
 */
export function localizedText<K extends string>(row: Trilingual<K>, key: K): LocalizedText {
  const one = (locale: Locale) => localizedLabel(row, key, locale, serverT(locale)("content.inFrench"));
  return Object.fromEntries(LOCALES.map((l) => [l, one(l)])) as LocalizedText;
}
