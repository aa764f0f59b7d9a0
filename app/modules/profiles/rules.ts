/**
 * Profile rules: the lists a profile chooses from and its completeness. Pure.
 * Protection data (legal status, vulnerability, case notes) is not part of a
 * profile and never appears here.
 */
import type { Education, Experience } from "../../../db/schema/profiles";

/** The programme's main countries of origin first, then Morocco; the rest follow alphabetically by name. */
export const FIRST_COUNTRIES = ["GN", "NG", "ML", "CI", "CM", "YE", "SD", "SN", "CD", "MA"] as const;
export const ALL_COUNTRIES =
  "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG KP MK NO OM PK PW PS PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA KR SS ES LK SD SR SE CH SY TW TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VA VE VN EH YE ZM ZW".split(
    " ",
  );
export function isCountry(code: unknown): code is string {
  return typeof code === "string" && ALL_COUNTRIES.includes(code);
}

/**
 * Morocco's regions: the one list of region codes, stored by profiles, calls' eligible
 * regions and anonymised cases, labelled `profiles.region.<code>`; the reports group them
 * by their ISO codes (`REGIONS` of reporting/frameworks.ts, keyed by this list).
 */
export const REGIONS = [
  "tanger_tetouan_al_hoceima",
  "oriental",
  "fes_meknes",
  "rabat_sale_kenitra",
  "beni_mellal_khenifra",
  "casablanca_settat",
  "marrakech_safi",
  "draa_tafilalet",
  "souss_massa",
  "guelmim_oued_noun",
  "laayoune_sakia_el_hamra",
  "dakhla_oued_ed_dahab",
] as const;
export type Region = (typeof REGIONS)[number];
export const LANGUAGES = ["ar", "ary", "fr", "en", "es", "ber", "ff", "bm", "wo", "ln", "other"] as const;
export const HEARD_FROM = ["association", "friend", "social_media", "radio_tv", "public_office", "other"] as const;
export const EDUCATION_LEVELS = ["none", "primary", "secondary", "baccalaureate", "vocational", "university"] as const;
export const SEEKS = ["job", "internship", "training", "business"] as const;
export const EXPERIENCE_ROWS = 3;

export const PROFILE_SECTIONS = ["personal", "education", "experience", "skills", "seeks"] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

export type ProfileContent = {
  givenName: string | null;
  familyName: string | null;
  sex: string | null;
  birthDate: string | null;
  nationality: string | null;
  languagesSpoken: string[];
  city: string | null;
  region: string | null;
  residentStatus: string | null;
  education: Education;
  experience: Experience[];
  skills: string | null;
  seeks: string[];
};

const has = (v: string | null | undefined) => typeof v === "string" && v.trim() !== "";

export function sectionComplete(p: ProfileContent, section: ProfileSection): boolean {
  switch (section) {
    case "personal":
      return (
        has(p.givenName) &&
        has(p.familyName) &&
        has(p.sex) &&
        has(p.birthDate) &&
        has(p.nationality) &&
        p.languagesSpoken.length > 0 &&
        has(p.city) &&
        has(p.region) &&
        has(p.residentStatus)
      );
    case "education":
      return has(p.education.level);
    case "experience":
      return p.experience.length > 0;
    case "skills":
      return has(p.skills);
    case "seeks":
      return p.seeks.length > 0;
  }
}

export function missingSections(p: ProfileContent | null): ProfileSection[] {
  if (!p) return [...PROFILE_SECTIONS];
  return PROFILE_SECTIONS.filter((s) => !sectionComplete(p, s));
}

/** 0-100, by sections. */
export function profileCompleteness(p: ProfileContent | null): number {
  return Math.round(((PROFILE_SECTIONS.length - missingSections(p).length) * 100) / PROFILE_SECTIONS.length);
}
