/**
 * Codes stored in the database (a region, a language, a sector, a city...) as people
 * read them: the one home of every code list and its translated labels, for every
 * page, form, CSV and PDF. A code with no label prints as "other", never as itself:
 * `rabat_sale_kenitra` is not for people.
 */
import { SECTORS } from "../modules/business-plans/constants";
import { EDUCATION_LEVELS, LANGUAGES, REGIONS, SEEKS } from "../modules/profiles/rules";
import { GROUP_TOPICS, HOUSEHOLD_RELATIONSHIPS } from "../modules/groups/constants";
import { INTL_LOCALE, type Locale } from "./config";
import type { MessageKey, TFunction } from "./translate";

/**
 * Towns where the programme's hosts and trainings are, by region (north to south), and
 * "other" for any place not listed. Labels: `codes.city.<code>`.
 */
export const CITIES = [
  "tanger",
  "tetouan",
  "al_hoceima",
  "oujda",
  "nador",
  "berkane",
  "fes",
  "meknes",
  "taza",
  "rabat",
  "sale",
  "kenitra",
  "temara",
  "beni_mellal",
  "khouribga",
  "casablanca",
  "mohammedia",
  "el_jadida",
  "settat",
  "marrakech",
  "safi",
  "essaouira",
  "errachidia",
  "ouarzazate",
  "agadir",
  "inezgane",
  "tiznit",
  "guelmim",
  "laayoune",
  "dakhla",
  "other",
] as const;

/** Each kind of code: its values, and the prefix of its labels in the locale files. */
export const CODE_LISTS = {
  region: { values: REGIONS, labels: "profiles.region" },
  language: { values: LANGUAGES, labels: "profiles.lang" },
  education: { values: EDUCATION_LEVELS, labels: "profiles.edu" },
  seeks: { values: SEEKS, labels: "profiles.seeks" },
  sector: { values: SECTORS, labels: "plans.sector" },
  city: { values: CITIES, labels: "codes.city" },
  groupTopic: { values: GROUP_TOPICS, labels: "groups.topic" },
  relationship: { values: HOUSEHOLD_RELATIONSHIPS, labels: "groups.relationship" },
} as const;
export type CodeKind = keyof typeof CODE_LISTS;
export type Code<K extends CodeKind> = (typeof CODE_LISTS)[K]["values"][number];

export function isCode<K extends CodeKind>(kind: K, value: unknown): value is Code<K> {
  return typeof value === "string" && (CODE_LISTS[kind].values as readonly string[]).includes(value);
}

/** The label of a code; an unknown code reads as "other" in the reader's language. */
export function codeLabel(t: TFunction, kind: CodeKind, code: string): string {
  const key = `${CODE_LISTS[kind].labels}.${code}` as MessageKey;
  const label = t(key);
  return label === key ? t("profiles.lang.other") : label;
}

/**
 * A field that became a code list but whose older copies keep the text once typed (a grant
 * application's frozen plan, whose town was free text before migration 0059): a code reads
 * as its label in the reader's language, anything else as it was typed, empty as empty.
 */
export function codeOrTyped(t: TFunction, kind: CodeKind, value: string | null | undefined): string {
  if (!value) return "";
  return isCode(kind, value) ? codeLabel(t, kind, value) : value;
}

/** Several codes as one line ("Darija, French"), in the reader's language. */
export function codeLabels(t: TFunction, kind: CodeKind, codes: readonly string[]): string {
  return listOf(
    t,
    codes.map((c) => codeLabel(t, kind, c)),
  );
}

/** Words already translated as one line, with the reader's comma ("، " in Arabic). */
export function listOf(t: TFunction, items: readonly string[]): string {
  return items.join(t("codes.separator"));
}

/** The choices of a select or a checkbox group, in the list's order, labelled in the reader's language. */
export function codeChoices(t: TFunction, kind: CodeKind): { value: string; label: string }[] {
  return CODE_LISTS[kind].values.map((value) => ({ value, label: codeLabel(t, kind, value) }));
}

const countryNames = new Map<Locale, Intl.DisplayNames>();

/** A country (ISO 3166 alpha-2) named in the reader's language, from the ICU data. */
export function countryName(locale: Locale, code: string): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region", fallback: "none" });
    countryNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
