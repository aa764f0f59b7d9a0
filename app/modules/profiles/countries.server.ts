import { INTL_LOCALE, type Locale } from "~/i18n/config";
import { ALL_COUNTRIES, FIRST_COUNTRIES } from "./rules";

/** `[code, name]`: a country for a select, named in the page's language. */
export type CountryOption = readonly [string, string];
export type CountryOptions = { first: CountryOption[]; rest: CountryOption[] };

const cache = new Map<Locale, CountryOptions>();

/**
 * The country list of the profile form: the programme's main countries first, the rest
 * by name. Named and sorted on the server only, with its ICU data, and sent to the
 * browser with the page's data: engines name and order some countries differently,
 * which would make the browser's rendering differ from the server's.
 */
export function countryOptions(locale: Locale): CountryOptions {
  const known = cache.get(locale);
  if (known) return known;
  const names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region" });
  const named = (code: string): CountryOption => [code, names.of(code) ?? code];
  const first = FIRST_COUNTRIES.map(named);
  const rest = ALL_COUNTRIES.filter((c) => !(FIRST_COUNTRIES as readonly string[]).includes(c))
    .map(named)
    .sort((a, b) => a[1].localeCompare(b[1], INTL_LOCALE[locale]));
  const options = { first, rest };
  cache.set(locale, options);
  return options;
}
