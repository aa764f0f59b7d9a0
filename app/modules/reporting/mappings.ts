/**
 * Free-text places and nationalities (as some modules record them) to codes the
 * report can group by: ISO 3166-1 alpha-2 countries and Morocco's region codes.
 * Anything unrecognised becomes "other" (never the typed text: a donor must never
 * see free text). The folding is written twice, in TypeScript and in SQL, from the
 * same character table, and a test holds them together.
 */
import { REGIONS, regionOfCity } from "./frameworks";

// upper case too: lower() of a non-ASCII letter depends on the database's locale
const ACCENTED = "àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ";
const PLAIN = "aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn";

export function foldKey(value: string): string {
  let out = "";
  for (const ch of value) {
    const i = ACCENTED.indexOf(ch);
    out += i >= 0 ? PLAIN[i] : ch;
  }
  return out.toLowerCase().replace(/[^a-z\u0621-\u064a]/g, "");
}

/** The same folding as foldKey, as a SQL expression over `expression`. */
export function foldSql(expression: string): string {
  return `regexp_replace(lower(translate(${expression}, '${ACCENTED}', '${PLAIN}')), '[^a-z\u0621-\u064a]', '', 'g')`;
}

/** Names people write for the programme's countries, in French, English and Arabic. */
const COUNTRY_ALIASES: Record<string, string[]> = {
  MA: ["Maroc", "Morocco", "Marocaine", "Marocain", "Moroccan", "المغرب", "مغربي", "مغربية"],
  GN: ["Guinée", "Guinee", "Guinea", "Guinée Conakry", "Guinéenne", "Guinéen", "غينيا"],
  NG: ["Nigeria", "Nigéria", "Nigériane", "Nigérian", "نيجيريا"],
  ML: ["Mali", "Malienne", "Malien", "مالي"],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast", "Ivoirienne", "Ivoirien", "ساحل العاج", "كوت ديفوار"],
  CM: ["Cameroun", "Cameroon", "Camerounaise", "Camerounais", "الكاميرون"],
  YE: ["Yémen", "Yemen", "Yéménite", "اليمن", "يمني"],
  SD: ["Soudan", "Sudan", "Soudanaise", "Soudanais", "السودان", "سوداني"],
  SN: ["Sénégal", "Senegal", "Sénégalaise", "Sénégalais", "السنغال"],
  CD: ["RDC", "RD Congo", "République démocratique du Congo", "DR Congo", "Congo-Kinshasa", "الكونغو الديمقراطية"],
  CG: ["Congo", "Congo-Brazzaville"],
  BF: ["Burkina Faso", "Burkina", "بوركينا فاسو"],
  NE: ["Niger", "النيجر"],
  GH: ["Ghana", "غانا"],
  GM: ["Gambie", "Gambia", "غامبيا"],
  SL: ["Sierra Leone", "سيراليون"],
  LR: ["Liberia", "Libéria", "ليبيريا"],
  TD: ["Tchad", "Chad", "تشاد"],
  SY: ["Syrie", "Syria", "سوريا"],
  DZ: ["Algérie", "Algeria", "الجزائر"],
  ER: ["Érythrée", "Eritrea", "إريتريا"],
  ET: ["Éthiopie", "Ethiopia", "إثيوبيا"],
  SS: ["Soudan du Sud", "South Sudan", "جنوب السودان"],
};

export function countryAliasPairs(): { key: string; code: string }[] {
  const pairs = new Map<string, string>();
  for (const [code, names] of Object.entries(COUNTRY_ALIASES)) {
    pairs.set(foldKey(code), code);
    for (const name of names) pairs.set(foldKey(name), code);
  }
  return [...pairs].map(([key, code]) => ({ key, code }));
}

export function countryCode(value: string | null | undefined): string | null {
  if (!value || !value.trim()) return null;
  const key = foldKey(value);
  return countryAliasPairs().find((p) => p.key === key)?.code ?? "other";
}

export function cityRegionPairs(): { key: string; code: string }[] {
  const pairs = new Map<string, string>();
  for (const region of REGIONS) for (const city of region.cities) pairs.set(foldKey(city), region.code);
  pairs.set(foldKey("Fès"), "MA-03");
  pairs.set(foldKey("Salé"), "MA-04");
  pairs.set(foldKey("Tangier"), "MA-01");
  pairs.set(foldKey("الرباط"), "MA-04");
  pairs.set(foldKey("الدار البيضاء"), "MA-06");
  pairs.set(foldKey("وجدة"), "MA-02");
  pairs.set(foldKey("طنجة"), "MA-01");
  pairs.set(foldKey("فاس"), "MA-03");
  // an anonymised case kept its region's name as its place before migration 0053
  for (const region of REGIONS) pairs.set(foldKey(region.name), region.code);
  return [...pairs].map(([key, code]) => ({ key, code }));
}

/**
 * The region (the profiles' region code, `rabat_sale_kenitra`) a town of the towns list
 * is in; null for "other" or no town. What an anonymised case keeps of its place.
 */
export function regionOfTown(town: string | null | undefined): (typeof REGIONS)[number]["key"] | null {
  const code = regionOfCity(town);
  return REGIONS.find((r) => r.code === code)?.key ?? null;
}

/**
 * The region codes a profile or an anonymised case stores (`oriental`) to the ISO codes
 * the reports group by (`MA-02`): the rows of kind "region" of `report_place_codes`, which
 * the people view joins on the stored code as it is (since migration 0055; before, it
 * folded the French names, and `oriental` matched nothing: "L'Oriental" folds to `loriental`).
 */
export function regionCodePairs(): { key: string; code: string }[] {
  return REGIONS.map((region) => ({ key: region.key, code: region.code }));
}
