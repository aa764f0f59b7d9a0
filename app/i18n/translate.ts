import type { fr } from "./locales/fr/index";
import { INTL_LOCALE, numberFormat, type Locale } from "./config";
import { installedOffsetTable, TIME_ZONE, toWallClock } from "./time-zone";

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
    return typeof value === "number" ? numberFormat(locale).format(value) : value;
  });
}

export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${withTime} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone,
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A date (and time) as read in Morocco. The instant is moved to Morocco's wall-clock
 * time with the installed offset table (the server's time-zone data, see time-zone.ts),
 * then formatted in UTC, so the server and the browser write the same text. A date
 * without a time ("2026-03-31") is a calendar day and shows that day. Without a table
 * (scripts, tests that install none), the engine's own data for Casablanca is used.
 */
export function formatDate(locale: Locale, value: Date | string, withTime = false): string {
  if (typeof value === "string" && DATE_ONLY.test(value)) {
    return dateFormat(locale, withTime, "UTC").format(new Date(`${value}T00:00:00Z`));
  }
  const date = typeof value === "string" ? new Date(value) : value;
  const table = installedOffsetTable();
  if (!table) return dateFormat(locale, withTime, TIME_ZONE).format(date);
  return dateFormat(locale, withTime, "UTC").format(toWallClock(table, date));
}

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A calendar month ("2026-10") as its reader writes it: "octobre 2026", "أكتوبر 2026",
 * "October 2026". A text that is not a month is returned as it is.
 */
export function formatMonth(locale: Locale, month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "long", year: "numeric", timeZone: "UTC" });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}
