import { createHash } from "node:crypto";
import { ar } from "./locales/ar/index";
import { en } from "./locales/en/index";
import { fr } from "./locales/fr/index";
import type { Locale } from "./config";
import type { LocalizedText } from "~/lib/localized";
import { translate, type MessageKey, type Messages, type TParams } from "./translate";

export const dictionaries: Record<Locale, Messages> = { fr, ar, en };

/** Changes whenever any message changes: the browser caches a dictionary under it forever. */
export const dictionariesVersion = createHash("sha256").update(JSON.stringify(dictionaries)).digest("hex").slice(0, 12);

export function serverT(locale: Locale) {
  return (key: MessageKey, params?: TParams) => translate(dictionaries[locale], locale, key, params);
}

/** One message in every language of the portal: a notification's parameter, shown in its reader's. */
export function textInEveryLocale(key: MessageKey): LocalizedText {
  return { fr: serverT("fr")(key), ar: serverT("ar")(key), en: serverT("en")(key) };
}
