/** Languages of the interface. French is the default, Arabic is written right to left. */
export const LOCALES = ["fr", "ar", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** Morocco writes Arabic with Western digits; ar-MA gives those. */
export const INTL_LOCALE: Record<Locale, string> = { fr: "fr-MA", ar: "ar-MA", en: "en-GB" };

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number format for the locale, made once per locale and options: building an
 * Intl.NumberFormat costs tens of microseconds, and a report's table formats thousands
 * of cells per page (issue 19). Formatting with it gives the same text as a new one.
 */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", ar: "العربية", en: "English" };

/** Pick from Accept-Language, honouring q-values; null when none fits. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return null;
}
