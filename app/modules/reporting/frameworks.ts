/**
 * What the programme reports against: its four results, the activities that feed
 * them, and how each activity maps to the national strategy (SNIA), the Global
 * Compact for Migration (GCM) and the Sustainable Development Goals (SDG).
 * Pure data, shared by the SQL queries (as a VALUES list), the pages and the PDF.
 */
import { REGIONS as PROFILE_REGIONS, type Region } from "../profiles/rules";

export const RESULTS = ["health", "humanitarian", "employability", "entrepreneurship"] as const;
export type ResultKey = (typeof RESULTS)[number];

export const ACTIVITIES = [
  "medical_consultation",
  "health_referral",
  "mental_health",
  "shelter",
  "legal_assistance",
  "avrr",
  "aid_kit",
  "voucher",
  "career_guidance",
  "language_training",
  "training_completed",
  "internship",
  "internship_outcome",
  "entrepreneurship_orientation",
  "business_plan_submitted",
  "grant_application",
  "grant_awarded",
  "grant_disbursed",
  "business_started",
] as const;
export type ActivityKey = (typeof ACTIVITIES)[number];

export const SNIA_OBJECTIVES = ["OS3", "OS5", "OS6", "OS7", "OS10"] as const;
export type SniaObjective = (typeof SNIA_OBJECTIVES)[number];
/** The GCM objectives the programme's activities serve (of the 23). */
export const GCM_OBJECTIVES = ["GCM4", "GCM6", "GCM7", "GCM10", "GCM12", "GCM15", "GCM16", "GCM18", "GCM21"] as const;
export type GcmObjective = (typeof GCM_OBJECTIVES)[number];
export const SDG_GOALS = ["SDG1", "SDG2", "SDG3", "SDG4", "SDG5", "SDG8", "SDG10", "SDG11", "SDG16"] as const;
export type SdgGoal = (typeof SDG_GOALS)[number];

export const FRAMEWORKS = ["snia", "gcm", "sdg"] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const FRAMEWORK_OBJECTIVES: Record<Framework, readonly string[]> = {
  snia: SNIA_OBJECTIVES,
  gcm: GCM_OBJECTIVES,
  sdg: SDG_GOALS,
};

export type ActivitySpec = {
  result: ResultKey;
  /** counts a person as "reached" for its result (an application or an outcome does not) */
  reach: boolean;
  snia: readonly SniaObjective[];
  gcm: readonly GcmObjective[];
  sdg: readonly SdgGoal[];
  /** the module whose records feed it, for the "not yet wired" notice */
  module: "protection" | "aid" | "trainings" | "internships" | "coaching" | "business-plans" | "grants";
};

export const ACTIVITY_SPECS: Record<ActivityKey, ActivitySpec> = {
  medical_consultation: {
    result: "health",
    reach: true,
    snia: ["OS5", "OS6"],
    gcm: ["GCM15"],
    sdg: ["SDG3"],
    module: "protection",
  },
  health_referral: {
    result: "health",
    reach: true,
    snia: ["OS5", "OS6"],
    gcm: ["GCM12", "GCM15"],
    sdg: ["SDG3"],
    module: "protection",
  },
  mental_health: {
    result: "health",
    reach: true,
    snia: ["OS5"],
    gcm: ["GCM7", "GCM15"],
    sdg: ["SDG3"],
    module: "protection",
  },
  shelter: {
    result: "humanitarian",
    reach: true,
    snia: ["OS7"],
    gcm: ["GCM7", "GCM15"],
    sdg: ["SDG1", "SDG11"],
    module: "protection",
  },
  legal_assistance: {
    result: "humanitarian",
    reach: true,
    snia: [],
    gcm: ["GCM4", "GCM7", "GCM10"],
    sdg: ["SDG16"],
    module: "protection",
  },
  avrr: { result: "humanitarian", reach: true, snia: [], gcm: ["GCM21"], sdg: ["SDG10"], module: "protection" },
  aid_kit: { result: "humanitarian", reach: true, snia: [], gcm: ["GCM7"], sdg: ["SDG1", "SDG2"], module: "aid" },
  voucher: { result: "humanitarian", reach: true, snia: [], gcm: ["GCM7"], sdg: ["SDG1", "SDG2"], module: "aid" },
  career_guidance: {
    result: "employability",
    reach: true,
    snia: ["OS10"],
    gcm: ["GCM18"],
    sdg: ["SDG8"],
    module: "coaching",
  },
  language_training: {
    result: "employability",
    reach: true,
    snia: ["OS3"],
    gcm: ["GCM16"],
    sdg: ["SDG4"],
    module: "trainings",
  },
  training_completed: {
    result: "employability",
    reach: true,
    snia: ["OS10"],
    gcm: ["GCM18"],
    sdg: ["SDG4", "SDG8"],
    module: "trainings",
  },
  internship: {
    result: "employability",
    reach: true,
    snia: ["OS10"],
    gcm: ["GCM6", "GCM18"],
    sdg: ["SDG8"],
    module: "internships",
  },
  internship_outcome: {
    result: "employability",
    reach: false,
    snia: [],
    gcm: ["GCM6"],
    sdg: ["SDG8"],
    module: "internships",
  },
  entrepreneurship_orientation: {
    result: "entrepreneurship",
    reach: true,
    snia: ["OS10"],
    gcm: ["GCM16", "GCM18"],
    sdg: ["SDG4", "SDG8"],
    module: "trainings",
  },
  business_plan_submitted: {
    result: "entrepreneurship",
    reach: true,
    snia: [],
    gcm: ["GCM16"],
    sdg: ["SDG8"],
    module: "business-plans",
  },
  grant_application: {
    result: "entrepreneurship",
    reach: false,
    snia: [],
    gcm: ["GCM16"],
    sdg: ["SDG8"],
    module: "grants",
  },
  grant_awarded: {
    result: "entrepreneurship",
    reach: true,
    snia: [],
    gcm: ["GCM16"],
    sdg: ["SDG1", "SDG5", "SDG8"],
    module: "grants",
  },
  grant_disbursed: {
    result: "entrepreneurship",
    reach: false,
    snia: [],
    gcm: ["GCM16"],
    sdg: ["SDG1", "SDG8"],
    module: "grants",
  },
  business_started: {
    result: "entrepreneurship",
    reach: true,
    snia: [],
    gcm: ["GCM16"],
    sdg: ["SDG1", "SDG8"],
    module: "grants",
  },
};

export function activitiesOf(result: ResultKey): ActivityKey[] {
  return ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].result === result);
}

/** Every (activity, objective) pair of a framework: the rows of the grouping join. */
export function frameworkPairs(framework: Framework): { activity: ActivityKey; objective: string }[] {
  const pairs: { activity: ActivityKey; objective: string }[] = [];
  for (const activity of ACTIVITIES) {
    for (const objective of ACTIVITY_SPECS[activity][framework]) pairs.push({ activity, objective });
  }
  return pairs;
}

export function isActivity(value: unknown): value is ActivityKey {
  return typeof value === "string" && (ACTIVITIES as readonly string[]).includes(value);
}

/**
 * Morocco's twelve regions (2015 division) as the reports group people: each region
 * code of the one list (the profile's, `app/i18n/codes.ts`) with its ISO 3166-2:MA code,
 * its French name and its main towns. Keyed by that list, so a region added to it
 * without its ISO code does not compile.
 */
const REGION_PLACES: Record<Region, { code: string; name: string; cities: readonly string[] }> = {
  tanger_tetouan_al_hoceima: {
    code: "MA-01",
    name: "Tanger-Tétouan-Al Hoceïma",
    cities: ["tanger", "tetouan", "al hoceima", "larache", "chefchaouen"],
  },
  oriental: { code: "MA-02", name: "L'Oriental", cities: ["oujda", "nador", "berkane", "taourirt", "figuig"] },
  fes_meknes: { code: "MA-03", name: "Fès-Meknès", cities: ["fes", "meknes", "taza", "ifrane", "sefrou"] },
  rabat_sale_kenitra: {
    code: "MA-04",
    name: "Rabat-Salé-Kénitra",
    cities: ["rabat", "sale", "kenitra", "temara", "khemisset"],
  },
  beni_mellal_khenifra: {
    code: "MA-05",
    name: "Béni Mellal-Khénifra",
    cities: ["beni mellal", "khenifra", "khouribga"],
  },
  casablanca_settat: {
    code: "MA-06",
    name: "Casablanca-Settat",
    cities: ["casablanca", "mohammedia", "settat", "el jadida", "berrechid"],
  },
  marrakech_safi: {
    code: "MA-07",
    name: "Marrakech-Safi",
    cities: ["marrakech", "safi", "essaouira", "el kelaa des sraghna"],
  },
  draa_tafilalet: {
    code: "MA-08",
    name: "Drâa-Tafilalet",
    cities: ["errachidia", "ouarzazate", "midelt", "zagora", "tinghir"],
  },
  souss_massa: { code: "MA-09", name: "Souss-Massa", cities: ["agadir", "inezgane", "taroudant", "tiznit"] },
  guelmim_oued_noun: { code: "MA-10", name: "Guelmim-Oued Noun", cities: ["guelmim", "tan tan", "sidi ifni"] },
  laayoune_sakia_el_hamra: {
    code: "MA-11",
    name: "Laâyoune-Sakia El Hamra",
    cities: ["laayoune", "boujdour", "tarfaya"],
  },
  dakhla_oued_ed_dahab: { code: "MA-12", name: "Dakhla-Oued Ed-Dahab", cities: ["dakhla"] },
};

/** The regions in the list's order: `key` is the stored code (`oriental`), `code` the ISO one (`MA-02`). */
export const REGIONS = PROFILE_REGIONS.map((key) => ({ key, ...REGION_PLACES[key] }));

/** A city name (any case, accents) to its region code, or null. */
export function regionOfCity(city: string | null | undefined): string | null {
  if (!city) return null;
  const folded = city
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  for (const region of REGIONS) if (region.cities.some((c) => c.replace(/[^a-z]/g, "") === folded)) return region.code;
  return null;
}

/**
 * Activities as bits of an integer (19 activities fit in 31 bits), and each group an
 * indicator counts people over as the mask of its reaching activities: the four
 * results, "all" (any reaching activity) and every framework objective. A person's
 * activities in a period fold into one mask, so "reached by this group" is a test
 * of one integer, not a join.
 */
export type ActivityMasks = {
  bit: Record<ActivityKey, number>;
  results: { key: ResultKey | "all"; mask: number }[];
  objectives: { key: string; mask: number }[];
};

export function activityMasks(): ActivityMasks {
  const bit = Object.fromEntries(ACTIVITIES.map((a, i) => [a, 1 << i])) as Record<ActivityKey, number>;
  const reaching = ACTIVITIES.filter((a) => ACTIVITY_SPECS[a].reach);
  const maskOf = (activities: readonly ActivityKey[]) => activities.reduce((mask, a) => mask | bit[a], 0);
  const results = [
    ...RESULTS.map((key) => ({ key, mask: maskOf(reaching.filter((a) => ACTIVITY_SPECS[a].result === key)) })),
    { key: "all" as const, mask: maskOf(reaching) },
  ];
  const objectives: { key: string; mask: number }[] = [];
  for (const framework of FRAMEWORKS) {
    for (const objective of FRAMEWORK_OBJECTIVES[framework]) {
      const mask = maskOf(
        reaching.filter((a) => (ACTIVITY_SPECS[a][framework] as readonly string[]).includes(objective)),
      );
      if (mask !== 0) objectives.push({ key: `${framework}:${objective}`, mask });
    }
  }
  return { bit, results, objectives };
}

/**
 * What an indicator's value is read from, among the figures the report already reads
 * (decision: output indicators and their targets):
 * - `reach`: the people reached by a result (or by the programme), each once in the span;
 * - `output`: the outputs table's lines of some activities (every sub-category, or the
 *   ones named), their events or their quantity summed;
 * - `employment`: the people employed at a milestone's check (each person once, at her first check);
 * - `business`: funded businesses visited at a milestone: those still running, or the jobs they created;
 * - `group`: the group sessions' headcounts, summed over every kind (a person at two sessions counts twice).
 */
export type IndicatorMeasure =
  | { kind: "reach"; key: ResultKey | "all" }
  | {
      kind: "output";
      activities: readonly ActivityKey[];
      details?: readonly string[];
      measure: "events" | "quantity";
    }
  | { kind: "employment"; months: 3 | 6; measure: "employed" }
  | { kind: "business"; months: 3 | 6 | 12; measure: "running" | "jobs" }
  | { kind: "group"; measure: "participants" };

/** People are counted once in a span; everything else (consultations, items, businesses) is a count summed over it. */
export type IndicatorUnit = "people" | "count";

/** An indicator's unit, from what it is read from: people reached and people in work are people; the rest counts. */
export function indicatorUnit(measure: IndicatorMeasure): IndicatorUnit {
  switch (measure.kind) {
    case "reach":
    case "employment":
      return "people";
    case "output":
    case "business":
    case "group":
      return "count";
  }
}

export type Indicator = {
  /** what the donor's framework calls it; keys `report_targets` */
  code: string;
  /** its name: `reporting.indicator.<key>` */
  key: string;
  /** its result, or null for the overall objective */
  result: ResultKey | null;
  /** what it is read from; its unit follows (`indicatorUnit`) */
  measure: IndicatorMeasure;
};

/**
 * The indicators of the results framework that can be given a baseline and a target, in
 * the framework's order (by result): the people reached by the programme (its overall
 * objective) and by each result (`Rn.1`), then each result's outputs (`Rn.2`…), each read
 * from a figure the report already shows.
 */
export const INDICATORS = [
  { code: "OG.1", key: "all", result: null, measure: { kind: "reach", key: "all" } },
  {
    code: "OG.2",
    key: "groupParticipants",
    result: null,
    measure: { kind: "group", measure: "participants" },
  },
  { code: "R1.1", key: "health", result: "health", measure: { kind: "reach", key: "health" } },
  {
    code: "R1.2",
    key: "medicalConsultations",
    result: "health",
    measure: { kind: "output", activities: ["medical_consultation"], measure: "events" },
  },
  {
    code: "R1.3",
    key: "healthReferrals",
    result: "health",
    measure: { kind: "output", activities: ["health_referral"], measure: "events" },
  },
  {
    code: "R1.4",
    key: "mentalHealthSessions",
    result: "health",
    measure: { kind: "output", activities: ["mental_health"], measure: "events" },
  },
  {
    code: "R2.1",
    key: "humanitarian",
    result: "humanitarian",
    measure: { kind: "reach", key: "humanitarian" },
  },
  {
    code: "R2.2",
    key: "shelterNights",
    result: "humanitarian",
    measure: { kind: "output", activities: ["shelter"], measure: "quantity" },
  },
  {
    code: "R2.3",
    key: "aidItems",
    result: "humanitarian",
    measure: { kind: "output", activities: ["aid_kit"], measure: "quantity" },
  },
  {
    code: "R2.4",
    key: "vouchersIssued",
    result: "humanitarian",
    measure: { kind: "output", activities: ["voucher"], measure: "events" },
  },
  {
    code: "R2.5",
    key: "vouchersRedeemed",
    result: "humanitarian",
    measure: { kind: "output", activities: ["voucher"], details: ["redeemed"], measure: "events" },
  },
  {
    code: "R2.6",
    key: "legalAssistance",
    result: "humanitarian",
    measure: { kind: "output", activities: ["legal_assistance"], measure: "events" },
  },
  {
    code: "R2.7",
    key: "voluntaryReturns",
    result: "humanitarian",
    // a return made: the stages from departure on (a request, a file in progress or a withdrawal is not one)
    measure: {
      kind: "output",
      activities: ["avrr"],
      details: ["departure", "arrival", "reintegration_plan", "monitoring"],
      measure: "events",
    },
  },
  {
    code: "R3.1",
    key: "employability",
    result: "employability",
    measure: { kind: "reach", key: "employability" },
  },
  {
    code: "R3.2",
    key: "trainingCertificates",
    result: "employability",
    measure: { kind: "output", activities: ["training_completed", "language_training"], measure: "events" },
  },
  {
    code: "R3.3",
    key: "internshipsCompleted",
    result: "employability",
    measure: { kind: "output", activities: ["internship"], details: ["completed"], measure: "events" },
  },
  {
    code: "R3.4",
    key: "employedAt6Months",
    result: "employability",
    measure: { kind: "employment", months: 6, measure: "employed" },
  },
  {
    code: "R4.1",
    key: "entrepreneurship",
    result: "entrepreneurship",
    measure: { kind: "reach", key: "entrepreneurship" },
  },
  {
    code: "R4.2",
    key: "grantsAwarded",
    result: "entrepreneurship",
    measure: { kind: "output", activities: ["grant_awarded"], measure: "events" },
  },
  {
    code: "R4.3",
    key: "businessesRunning6",
    result: "entrepreneurship",
    measure: { kind: "business", months: 6, measure: "running" },
  },
  {
    code: "R4.4",
    key: "businessesRunning12",
    result: "entrepreneurship",
    measure: { kind: "business", months: 12, measure: "running" },
  },
  {
    code: "R4.5",
    key: "jobsCreated",
    result: "entrepreneurship",
    measure: { kind: "business", months: 6, measure: "jobs" },
  },
  {
    code: "R4.6",
    key: "businessesRunning3",
    result: "entrepreneurship",
    measure: { kind: "business", months: 3, measure: "running" },
  },
] as const satisfies readonly Indicator[];
export type IndicatorCode = (typeof INDICATORS)[number]["code"];
export type IndicatorKey = (typeof INDICATORS)[number]["key"];
export const INDICATOR_CODES: readonly IndicatorCode[] = INDICATORS.map((i) => i.code);

/** The indicators in the framework's groups: the overall objective's, then each result's (the form's sections, the progress table's headings). */
export const INDICATOR_GROUPS: readonly {
  result: ResultKey | null;
  indicators: readonly (typeof INDICATORS)[number][];
}[] = [
  { result: null, indicators: INDICATORS.filter((i) => i.result === null) },
  ...RESULTS.map((result) => ({ result, indicators: INDICATORS.filter((i) => i.result === result) })),
];
