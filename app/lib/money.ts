import { numberFormat, type Locale } from "~/i18n/config";

/*
 * Money is kept as integer minor units (centimes of MAD, cents of USD). This module
 * is the one place that reads an amount a person typed and writes one back; it has
 * no server imports, so the plan builder's live totals in the browser use it too.
 */

export type Currency = "MAD" | "USD";

/** 10 million in units: far above any amount of the programme, within a 32-bit column. */
export const MAX_MONEY_CENTIMES = 1_000_000_000;

/** Words a person may write before or after the amount, per currency (compared case-insensitively). */
const CURRENCY_WORDS: Record<Currency, readonly string[]> = {
  MAD: ["mad", "dhs", "dh", "درهم", "د.م."],
  USD: ["usd", "us$", "$"],
};

/** Arabic-Indic (٠-٩) and extended Arabic-Indic (۰-۹) digits, as a phone keyboard in Arabic types them. */
function latinDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

function withoutCurrencyWord(text: string, currency: Currency): string | null {
  const lower = text.toLowerCase();
  for (const word of CURRENCY_WORDS[currency]) {
    if (lower.startsWith(word)) return text.slice(word.length).trim();
    if (lower.endsWith(word)) return text.slice(0, text.length - word.length).trim();
  }
  return text;
}

/** Whole units with optional grouping: "12500", "12 500", "12.500.000" (one kind of separator, groups of three). */
function wholeUnits(text: string, groupSeparators: string): number | null {
  if (/^\d+$/.test(text)) return text.length <= 12 ? Number(text) : null;
  for (const sep of groupSeparators) {
    const escaped = sep.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`^\\d{1,3}(?:${escaped}\\d{3})+$`).test(text) && text.length <= 16) {
      return Number(text.split(sep).join(""));
    }
  }
  return null;
}

/**
 * An amount as a person types it, to minor units; null when it is not one.
 *
 * Accepted: spaces (also the no-break and narrow no-break spaces French formatting
 * writes, and the Arabic thousands sign) between groups of three digits; a comma,
 * a dot or the Arabic decimal sign before one or two decimals; when both a comma
 * and a dot appear, the last one is the decimal mark and the other groups
 * thousands ("12,500.50", "12.500,50"); Arabic-Indic digits; the currency written
 * before or after ("12 500,50 MAD", "DH 300", "300 درهم").
 * Refused: negative amounts, more than two decimals, letters, a single comma or dot
 * followed by exactly three digits ("12,500" and "12.500" could mean 12.5 or
 * 12,500: the person is asked to write it again), amounts above MAX_MONEY_CENTIMES.
 * Zero is an amount: forms that need more say so themselves.
 */
export function parseMoney(input: string, currency: Currency = "MAD"): number | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const spaced = latinDigits(input)
    .replace(/[\s\u00a0\u202f\u066c]+/g, " ")
    .trim();
  const text = withoutCurrencyWord(spaced, currency);
  if (!text || !/^[\d .,\u066b]+$/.test(text)) return null;

  let whole: string;
  let decimals = "";
  let groups = " ";
  const arabicMark = text.indexOf("\u066b");
  const hasComma = text.includes(",");
  const hasDot = text.includes(".");
  if (arabicMark >= 0) {
    [whole = "", decimals = ""] = text.split("\u066b");
    if (text.split("\u066b").length !== 2) return null;
    groups = " ,.";
  } else if (hasComma && hasDot) {
    const mark = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    const parts = text.split(mark);
    if (parts.length !== 2) return null;
    [whole = "", decimals = ""] = parts;
    groups = mark === "," ? "." : ",";
  } else if (hasComma || hasDot) {
    const mark = hasComma ? "," : ".";
    const parts = text.split(mark);
    if (parts.length > 2) {
      whole = text; // "1.234.567": the mark only groups thousands
      groups = mark;
    } else {
      [whole = "", decimals = ""] = parts;
      if (decimals.length === 3 && !whole.includes(" ")) return null; // "12,500": ambiguous
    }
  } else whole = text;

  if (!/^\d{1,2}$/.test(decimals) && decimals !== "") return null;
  if (decimals === "" && /[.,\u066b]$/.test(text)) return null;
  const units = wholeUnits(whole.trim(), groups);
  if (units === null) return null;
  const centimes = units * 100 + Number(decimals.padEnd(2, "0"));
  return centimes <= MAX_MONEY_CENTIMES ? centimes : null;
}

/** What an input shows back, and parseMoney reads again: "1234.50", "1234". */
export function moneyInputValue(centimes: number | null | undefined): string {
  if (centimes === null || centimes === undefined) return "";
  const sign = centimes < 0 ? "-" : "";
  const abs = Math.abs(centimes);
  const rest = abs % 100;
  const units = String(Math.trunc(abs / 100));
  return rest === 0 ? `${sign}${units}` : `${sign}${units}.${String(rest).padStart(2, "0")}`;
}

/** Plain "1234.50" for files other programs read (CSV): always two decimals, no grouping, no currency. */
export function moneyDecimal(centimes: number): string {
  const sign = centimes < 0 ? "-" : "";
  const abs = Math.abs(centimes);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "12 500,50 MAD" in French, "MAD 12,500.50" in English; Arabic with Western digits, as Morocco writes it. */
export function formatMoney(locale: Locale, centimes: number, currency: Currency = "MAD"): string {
  return numberFormat(locale, { style: "currency", currency }).format(centimes / 100);
}

/**
 * The same for print. The PDF fonts lack the narrow no-break space (French thousands):
 * it becomes a no-break space. Bidi marks stay, the PDF layout orders by them ("-500,00
 * د.م." keeps its minus on the left) and draws nothing; the amount is isolated (U+2068
 * ... U+2069, as <bdi> in a page), so a sentence around it keeps its own order.
 */
export function formatMoneyForPdf(locale: Locale, centimes: number, currency: Currency = "MAD"): string {
  return `\u2068${formatMoney(locale, centimes, currency).replace(/\u202f/g, "\u00a0")}\u2069`;
}
