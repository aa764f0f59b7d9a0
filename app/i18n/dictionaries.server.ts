import { createHash } from "node:crypto";
import { ar } from "./locales/ar/index";
import { en } from "./locales/en/index";
import { fr } from "./locales/fr/index";
import type { Locale } from "./config";
import { translate, type MessageKey, type Messages, type TParams } from "./translate";

export const dictionaries: Record<Locale, Messages> = { fr, ar, en };

/** Changes whenever any message changes: the browser caches a dictionary under it forever. */
export const dictionariesVersion = createHash("sha256").update(JSON.stringify(dictionaries)).digest("hex").slice(0, 12);

export function serverT(locale: Locale) {
  return (key: MessageKey, params?: TParams) => translate(dictionaries[locale], locale, key, params);
}
