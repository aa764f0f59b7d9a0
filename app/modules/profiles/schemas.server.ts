import { rowList, z } from "~/lib/forms.server";
import type { Experience } from "../../../db/schema/profiles";
import { EDUCATION_LEVELS, EXPERIENCE_ROWS, HEARD_FROM, isCountry, LANGUAGES, REGIONS, SEEKS } from "./rules";
import { ageOn } from "~/lib/age";
import { codeField, dateField, residentStatusField, sexField } from "~/lib/fields.server";
import { moroccoToday } from "~/lib/morocco-time";

const text = (max = 200) => z.string().trim().max(max, "errors.tooLong").optional();
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)));
const country = z.string().refine(isCountry, "profiles.errors.country").optional();

/** One row of experience (role, sector, years, country). */
const ExperienceRowSchema = z.object({
  role: z.string("errors.required").trim().min(1, "errors.required").max(200, "errors.tooLong"),
  sector: z.string().trim().max(200, "errors.tooLong").default(""),
  years: z
    .string("profiles.errors.years")
    .trim()
    .regex(/^\d{1,2}$/, "profiles.errors.years")
    .transform(Number)
    .pipe(z.number().max(60, "profiles.errors.years")),
  country: country.transform((c) => c ?? ""),
}) satisfies z.ZodType<Experience>;

/**
 * Everything optional: a profile fills up over several visits; completeness says what is
 * missing. Parsed by parseRowsForm: experience comes as rows experience[0..2], blank ones left out.
 */
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
  sex: sexField().optional(),
  birthDate: dateField("profiles.errors.birthDate")
    .refine((v) => {
      const age = ageOn(v, moroccoToday());
      return age !== null && age >= 15 && age <= 90;
    }, "profiles.errors.birthDate")
    .optional(),
  nationality: country,
  languagesSpoken: many(LANGUAGES),
  languagesRead: many(LANGUAGES),
  // a town of the towns list, "other" for any other (decision 0157-profile-town-from-list)
  city: codeField("city", "profiles.errors.city").optional(),
  region: z.enum(REGIONS).optional(),
  residentStatus: residentStatusField().optional(),
  heardFrom: z.enum(HEARD_FROM).optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  educationField: text(),
  educationDiploma: text(),
  educationCountry: country,
  skills: text(2000),
  seeks: many(SEEKS),
  experience: rowList(ExperienceRowSchema, EXPERIENCE_ROWS, "errors.invalid"),
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

export const DeletionRequestSchema = z.object({ reason: z.string().trim().max(2000, "errors.tooLong").optional() });
