import { z } from "~/lib/forms.server";
import type { FieldErrors } from "~/lib/forms";
import type { Experience } from "../../../db/schema/profiles";
import { EDUCATION_LEVELS, EXPERIENCE_ROWS, HEARD_FROM, isCountry, LANGUAGES, REGIONS, SEEKS } from "./rules";
import { ageOn } from "~/lib/age";
import { dateField } from "~/lib/fields.server";
import { moroccoToday } from "~/lib/morocco-time";

const text = (max = 200) => z.string().trim().max(max, "errors.tooLong").optional();
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)));
const country = z.string().refine(isCountry, "profiles.errors.country").optional();

/** Everything optional: a profile fills up over several visits; completeness says what is missing. */
export const ProfileSchema = z.object({
  givenName: text(),
  familyName: text(),
  givenNameAr: z
    .string()
    .trim()
    .max(200, "errors.tooLong")
    .regex(/^[\u0600-\u06FF\s'-]+$/, "profiles.errors.arabicScript")
    .optional(),
  familyNameAr: z
    .string()
    .trim()
    .max(200, "errors.tooLong")
    .regex(/^[\u0600-\u06FF\s'-]+$/, "profiles.errors.arabicScript")
    .optional(),
  sex: z.enum(["female", "male"]).optional(),
  birthDate: dateField("profiles.errors.birthDate")
    .refine((v) => {
      const age = ageOn(v, moroccoToday());
      return age !== null && age >= 15 && age <= 90;
    }, "profiles.errors.birthDate")
    .optional(),
  nationality: country,
  languagesSpoken: many(LANGUAGES),
  languagesRead: many(LANGUAGES),
  city: text(80),
  region: z.enum(REGIONS).optional(),
  residentStatus: z.enum(["migrant", "moroccan"]).optional(),
  heardFrom: z.enum(HEARD_FROM).optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  educationField: text(),
  educationDiploma: text(),
  educationCountry: country,
  skills: text(2000),
  seeks: many(SEEKS),
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

/** Experience rows (role, sector, years, country); blank rows are dropped. */
export function parseExperience(form: FormData): { ok: true; data: Experience[] } | { ok: false; errors: FieldErrors } {
  const get = (name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v.trim() : ""));
  const roles = get("expRole");
  const sectors = get("expSector");
  const years = get("expYears");
  const countries = get("expCountry");
  const errors: FieldErrors = {};
  const rows: Experience[] = [];
  for (let i = 0; i < EXPERIENCE_ROWS; i++) {
    const role = roles[i] ?? "";
    const sector = sectors[i] ?? "";
    const y = years[i] ?? "";
    const c = countries[i] ?? "";
    if (!role && !sector && !y && !c) continue;
    if (!role) errors[`expRole.${i}`] = "errors.required";
    if (role.length > 200) errors[`expRole.${i}`] = "errors.tooLong";
    if (sector.length > 200) errors[`expSector.${i}`] = "errors.tooLong";
    const n = Number(y);
    if (!/^\d{1,2}$/.test(y) || n > 60) errors[`expYears.${i}`] = "profiles.errors.years";
    if (c && !isCountry(c)) errors[`expCountry.${i}`] = "profiles.errors.country";
    rows.push({ role, sector, years: n, country: c });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: rows };
}

export const DeletionRequestSchema = z.object({ reason: z.string().trim().max(2000, "errors.tooLong").optional() });
