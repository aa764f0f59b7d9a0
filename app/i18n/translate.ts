import type { fr } from "./locales/fr/index";
import { INTL_LOCALE, type Locale } from "./config";

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
export type TParams = Record<string, string | number | null | undefined>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

/**
 * Look a key up and fill `{name}` placeholders. Numbers are formatted for the locale.
 * A missing key shows the key itself (never crashes a page), and a test makes sure
 * no key is missing from any locale.
 */
export function translate(messages: Messages, locale: Locale, key: MessageKey, params?: TParams): string {
  const template = messages[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(INTL_LOCALE[locale]).format(value) : value;
  });
}

export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

export function formatDate(locale: Locale, value: Date | string, withTime = false): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Africa/Casablanca",
  }).format(date);
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

/** Money is kept in centimes; shown in dirhams. */
export function formatMoney(locale: Locale, centimes: number, currency = "MAD"): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency }).format(centimes / 100);
}
