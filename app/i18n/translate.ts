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
  // most of a page's messages have no placeholder to fill: the message itself, no pieces to join
  if (!params) return messages[key] ?? key;
  return translateParts(messages, locale, key, params)
    .map((part) => (typeof part === "string" ? part : part.value))
    .join("");
}

/**
 * A label and its colon, as the reader's language writes them ("Montant\u00a0:" in French,
 * "Amount:" in English): for a label the code sets before a value (decision 0150).
 */
export function labelled(t: TFunction, key: MessageKey): string {
  return t("form.labelled", { label: t(key) });
}

/** A filled-in value of a message: which placeholder it fills and its text. */
export type MessageValue = { param: string; value: string };

/**
 * `translate()` cut into its pieces: the message's own words (strings) and each value
 * put in a placeholder, apart, so a page can isolate the values (a Latin name inside an
 * Arabic sentence in its own `<bdi>`, see `<Message>`). Joined, the pieces are exactly
 * what `translate()` returns.
 */
export function translateParts(
  messages: Messages,
  locale: Locale,
  key: MessageKey,
  params?: TParams,
): Array<string | MessageValue> {
  const template = messages[key] ?? key;
  if (!params) return [template];
  const filled = fillPlurals(template, locale, params);
  const parts: Array<string | MessageValue> = [];
  let from = 0;
  for (const match of filled.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    const value = params[name];
    if (value === undefined || value === null) continue;
    if (match.index > from) parts.push(filled.slice(from, match.index));
    parts.push({ param: name, value: typeof value === "number" ? numberFormat(locale).format(value) : value });
    from = match.index + match[0].length;
  }
  if (from < filled.length || parts.length === 0) parts.push(filled.slice(from));
  return oneFinalPeriod(parts);
}

/** A value's last visible character is a period ("د.م.", "etc."), before bidi marks that draw nothing. */
const ENDS_WITH_PERIOD = /\.[\u061c\u200e\u200f\u2066-\u2069]*$/;

/**
 * A sentence ends with one period, even when its last value is an abbreviation that brings
 * its own: "… ممنوحة من أصل 100٫00 د.م." and not "د.م..", "… of 5 Co." and not "Co..".
 * The message's period goes; the value stays whole (it may be isolated on its own).
 */
function oneFinalPeriod(parts: Array<string | MessageValue>): Array<string | MessageValue> {
  return parts
    .map((part, i) => {
      const before = parts[i - 1];
      if (typeof part !== "string" || typeof before !== "object" || !ENDS_WITH_PERIOD.test(before.value)) return part;
      return /^\.(?!\.)/.test(part) ? part.slice(1) : part;
    })
    .filter((part) => part !== "");
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale` (Arabic: zero, one, two, few, many, other). */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

type PluralBlock = { start: number; end: number; name: string; branches: Map<string, string> };

/** The body of the brace opened at `open`, and the index just past its closing brace; null if unbalanced. */
function braced(text: string, open: number): { body: string; next: number } | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return { body: text.slice(open + 1, i), next: i + 1 };
  }
  return null;
}

const PLURAL_HEAD = /\{(\w+)\s*,\s*plural\s*,/g;

/** The plural blocks of each message met so far: a message is parsed once, not on every page */
const blocksOf = new Map<string, PluralBlock[]>();

/** Each `{name, plural, one {…} other {…}}` of a message (ICU MessageFormat's plural, its `=N` branches too). */
function pluralBlocks(template: string): PluralBlock[] {
  const known = blocksOf.get(template);
  if (known) return known;
  const blocks = parsePluralBlocks(template);
  // the dictionaries' messages are a few thousand; a bound all the same
  if (blocksOf.size < 10_000) blocksOf.set(template, blocks);
  return blocks;
}

function parsePluralBlocks(template: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  for (const head of template.matchAll(PLURAL_HEAD)) {
    const whole = braced(template, head.index);
    if (!whole) continue;
    const branches = new Map<string, string>();
    let rest = whole.body.slice(head[0].length - 1);
    for (;;) {
      const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*(?=\{)/.exec(rest);
      if (!selector) break;
      const branch = braced(rest, selector[0].length);
      if (!branch) break;
      branches.set(selector[1]!, branch.body);
      rest = rest.slice(branch.next);
    }
    blocks.push({ start: head.index, end: head.index + whole.body.length + 2, name: head[1]!, branches });
  }
  return blocks;
}

/**
 * The one place counts agree with their words: each plural block takes the branch of its
 * count (an exact `=N` first, then the locale's category, then `other`), `#` in it written
 * as the count in the locale's digits. A block whose count is not given stays as it is.
 */
function fillPlurals(template: string, locale: Locale, params: TParams): string {
  if (!template.includes("plural")) return template;
  let out = "";
  let from = 0;
  for (const block of pluralBlocks(template)) {
    const count = params[block.name];
    if (block.start < from || count === undefined || count === null) continue;
    // a count given already written out (a string) takes the general form
    const branch =
      typeof count === "number"
        ? (block.branches.get(`=${count}`) ?? block.branches.get(pluralCategory(locale, count)))
        : undefined;
    const chosen = branch ?? block.branches.get("other");
    if (chosen === undefined) continue;
    const written = typeof count === "number" ? numberFormat(locale).format(count) : count;
    out += template.slice(from, block.start) + chosen.replace(/#/g, written);
    from = block.end;
  }
  return out + template.slice(from);
}

/** The counts of a message's plural blocks: the parameters that must stay numbers to choose their words. */
export function pluralCounts(template: string): string[] {
  return [...new Set(pluralBlocks(template).map((block) => block.name))];
}

/** A message with each plural block taken out (the words a count agrees with are inside them). */
export function outsidePlurals(template: string): string {
  let out = "";
  let from = 0;
  for (const block of pluralBlocks(template)) {
    if (block.start < from) continue;
    out += `${template.slice(from, block.start)}\u2026`;
    from = block.end;
  }
  return out + template.slice(from);
}

/**
 * The parameters a message asks for, plural counts included, each once and sorted: the
 * same in every language, whatever plural branches each language needs.
 */
export function messageParams(template: string): string[] {
  const names = new Set<string>();
  // a branch's own braces are not a placeholder: "=0 {today}" asks for nothing
  const scan = (text: string) => {
    for (const block of pluralBlocks(text)) {
      names.add(block.name);
      for (const body of block.branches.values()) scan(body);
    }
    for (const m of outsidePlurals(text).matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  };
  scan(template);
  return [...names].sort();
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
