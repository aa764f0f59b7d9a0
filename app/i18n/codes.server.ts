/**
 * Typed text read as a code of a list (a case list's towns and nationalities): the same
 * folding as the reporting rollup (accents, case, spaces and punctuation ignored),
 * against the codes themselves and their labels in the three languages. Null when the
 * text names nothing of the list: the caller says so, it never guesses.
 */
import { foldKey, countryCode } from "~/modules/reporting/mappings";
import { isCountry } from "~/modules/profiles/rules";
import { CODE_LISTS, type Code } from "./codes";
import { dictionaries } from "./dictionaries.server";
import { translate, type MessageKey } from "./translate";
import { LOCALES } from "./config";

let towns: Map<string, Code<"city">> | null = null;

export function townCodeOf(value: string | null | undefined): Code<"city"> | null {
  if (!value?.trim()) return null;
  if (!towns) {
    towns = new Map();
    for (const code of CODE_LISTS.city.values) {
      if (code === "other") continue;
      towns.set(foldKey(code), code);
      for (const locale of LOCALES)
        towns.set(foldKey(translate(dictionaries[locale], locale, `codes.city.${code}` as MessageKey)), code);
    }
  }
  return towns.get(foldKey(value)) ?? null;
}

/** A country (ISO 3166 alpha-2) from its code or a name people write for it; null when unknown. */
export function countryCodeOf(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  const upper = value.trim().toUpperCase();
  if (isCountry(upper)) return upper;
  const code = countryCode(value);
  return code && code !== "other" ? code : null;
}
