/** Values both the forms (browser) and the schemas (server) need; no zod here. */

/** What kind of group activity an association holds (db: group_activity_kind). */
export const GROUP_ACTIVITY_KINDS = ["awareness", "information", "psychosocial"] as const;
export type GroupActivityKind = (typeof GROUP_ACTIVITY_KINDS)[number];

/** What a session is about: a code list (app/i18n/codes.ts, labels `groups.topic.<code>`). */
export const GROUP_TOPICS = [
  "rights_and_services",
  "health",
  "mental_wellbeing",
  "gbv_prevention",
  "child_protection",
  "safe_migration",
  "trafficking",
  "psea",
  "legal_status",
  "education",
  "employment",
  "entrepreneurship",
  "other",
] as const;
export type GroupTopic = (typeof GROUP_TOPICS)[number];

/**
 * The age bands a facilitator counts people in: the reports' bands (reporting/rules.ts
 * AGE_BANDS), written out here because each is a column of group_activities.
 */
export const HEADCOUNT_BANDS = [
  { band: "0-4", female: "female0to4", male: "male0to4" },
  { band: "5-11", female: "female5to11", male: "male5to11" },
  { band: "12-17", female: "female12to17", male: "male12to17" },
  { band: "18-24", female: "female18to24", male: "male18to24" },
  { band: "25-59", female: "female25to59", male: "male25to59" },
  { band: "60+", female: "female60plus", male: "male60plus" },
] as const;
export type HeadcountKey = (typeof HEADCOUNT_BANDS)[number]["female" | "male"];
export const HEADCOUNT_KEYS: readonly HeadcountKey[] = HEADCOUNT_BANDS.flatMap((b) => [b.female, b.male]);

/** The most people one session may count (a typo of 10000 is refused, not reported). */
export const MAX_HEADCOUNT = 2000;

/** Registered case files that may be linked to one activity (the form lists the association's open cases). */
export const MAX_LINKED = 200;

/** How a household member relates to the person of the case file (labels `groups.relationship.<code>`). */
export const HOUSEHOLD_RELATIONSHIPS = [
  "spouse",
  "child",
  "parent",
  "sibling",
  "grandchild",
  "grandparent",
  "other_relative",
  "other",
] as const;
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];

/** Members a case file may list (the case's household size is at most 30 with the person). */
export const MAX_HOUSEHOLD_MEMBERS = 29;
