/**
 * What of a document's text, read back in Arabic or English, is still the portal's French:
 * a label of the French catalogue that the reader's catalogue words otherwise, a French
 * month name, or an internal code (snake_case, a message key). Staff content is not
 * looked for here (the French crawl does it, with its "(in French)" mark).
 */
import { ar } from "../../app/i18n/locales/ar/index";
import { en } from "../../app/i18n/locales/en/index";
import { fr } from "../../app/i18n/locales/fr/index";

/** snake_case words and dotted message keys ("plans.step.summary"): internal codes, never for people. */
export const CODE = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+(?:\.[a-z][a-zA-Z]+){2,}\b/g;

const FRENCH_MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat("fr-MA", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, m, 1))),
);
/** "octobre 2026", "1 octobre 2026": a month written in French beside a figure. */
const FRENCH_MONTH = new RegExp(`(?<!\\p{L})(?:\\d+ )?(?:${FRENCH_MONTHS.join("|")})(?: \\d{4})?(?!\\p{L})`, "giu");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * French labels worth looking for in a `lng` document: whole messages without placeholders,
 * of two words or more (a single word such as "Total" or "Note" is English too), that no
 * message of the reader's catalogue writes the same way.
 */
function frenchLabels(lng: "ar" | "en"): string[] {
  const target = new Set(Object.values(lng === "ar" ? ar : en).map((v) => v.trim()));
  const labels = new Set<string>();
  for (const value of Object.values(fr)) {
    const label = value.trim().replace(/\s+/g, " ");
    if (/[{}<>]/.test(label) || target.has(label)) continue;
    if (label.split(" ").filter((w) => /\p{L}{2,}/u.test(w)).length < 2) continue;
    labels.add(label);
  }
  return [...labels];
}

const cache = new Map<"ar" | "en", RegExp>();

/** The French labels, month names and codes found in `text` (a document read back in `lng`). */
export function frenchLeftIn(text: string, lng: "ar" | "en"): string[] {
  const flat = text.replace(/[ \t\u00a0]+/g, " ");
  let labels = cache.get(lng);
  if (!labels) {
    // longest first, so a label is reported whole rather than as a shorter one inside it
    const sorted = frenchLabels(lng).sort((a, b) => b.length - a.length);
    labels = new RegExp(`(?<!\\p{L})(?:${sorted.map(escape).join("|")})(?!\\p{L})`, "gu");
    cache.set(lng, labels);
  }
  const found = new Set<string>();
  for (const m of flat.matchAll(labels)) found.add(`French label "${m[0]}"`);
  for (const m of flat.matchAll(FRENCH_MONTH)) if (/\d/.test(m[0])) found.add(`French month "${m[0].trim()}"`);
  for (const m of flat.matchAll(CODE)) found.add(`code "${m[0]}"`);
  return [...found];
}
