import { z } from "~/lib/forms.server";
import { isUuid } from "~/lib/ids";
import { TRAINING_CATEGORIES, AUDIENCES, ATTENDANCE_MARKS } from "./constants";
import { codesField, dateField, idField, timeField } from "~/lib/fields.server";
export { TRAINING_CATEGORIES, AUDIENCES, ATTENDANCE_MARKS } from "./constants";

const isoDate = dateField();

export const CreateTrainingSchema = z.object({
  category: z.enum(TRAINING_CATEGORIES),
  titleFr: z.string().trim().min(1).max(200),
  // Arabic and English may stay empty: the French text is shown, marked as French
  titleAr: z.string().trim().max(200).default(""),
  titleEn: z.string().trim().max(200).default(""),
  descriptionFr: z.string().trim().max(4000).default(""),
  descriptionAr: z.string().trim().max(4000).default(""),
  descriptionEn: z.string().trim().max(4000).default(""),
  audience: z.enum(AUDIENCES),
  deliveryLanguages: codesField("language").refine((codes) => codes.length > 0, "codes.errors.languages"),
  minAttendancePercent: z.coerce.number().int().min(1).max(100),
});
export type CreateTrainingInput = z.infer<typeof CreateTrainingSchema>;

export const CreateCohortSchema = z
  .object({
    nameFr: z.string().trim().min(1).max(120),
    nameAr: z.string().trim().max(120).default(""),
    nameEn: z.string().trim().max(120).default(""),
    capacity: z.coerce.number().int().min(1).max(1000),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "trainings.errors.endBeforeStart" });
export type CreateCohortInput = z.infer<typeof CreateCohortSchema>;

export const AddSessionSchema = z
  .object({
    date: isoDate,
    time: timeField(),
    durationMinutes: z.coerce.number().int().min(15).max(600).default(120),
    placeFr: z.string().trim().max(200).optional(),
    placeAr: z.string().trim().max(200).optional(),
    placeEn: z.string().trim().max(200).optional(),
    onlineLink: z.string().trim().url("errors.invalid").max(500).optional(),
    trainerName: z.string().trim().max(120).optional(),
  })
  .refine((v) => v.placeFr || v.onlineLink, { path: ["placeFr"], message: "trainings.errors.placeRequired" });
export type AddSessionInput = z.infer<typeof AddSessionSchema>;

/** A session at a new day and time on Morocco's clock, and maybe a new place (the participants are told). */
export const MoveSessionSchema = z
  .object({
    date: isoDate,
    time: timeField(),
    placeFr: z.string().trim().max(200).optional(),
    placeAr: z.string().trim().max(200).optional(),
    placeEn: z.string().trim().max(200).optional(),
    onlineLink: z.string().trim().url("errors.invalid").max(500).optional(),
  })
  .refine((v) => v.placeFr || v.onlineLink, { path: ["placeFr"], message: "trainings.errors.placeRequired" });
export type MoveSessionInput = z.infer<typeof MoveSessionSchema>;

export const RegistrationSchema = z.object({ cohortId: z.string().uuid("errors.invalid") });

export const CancelRegistrationSchema = z.object({ registrationId: idField() });

export const RevokeCertificateSchema = z.object({ certificateId: idField() });

/** The attendance form posts one `mark-<userId>` field per participant. */
export function parseAttendance(
  form: FormData,
): { ok: true; marks: Map<string, (typeof ATTENDANCE_MARKS)[number]> } | { ok: false } {
  const marks = new Map<string, (typeof ATTENDANCE_MARKS)[number]>();
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("mark-")) continue;
    const userId = key.slice(5);
    const mark = ATTENDANCE_MARKS.find((m) => m === value);
    if (!mark || !isUuid(userId)) return { ok: false };
    marks.set(userId, mark);
  }
  return { ok: true, marks };
}
