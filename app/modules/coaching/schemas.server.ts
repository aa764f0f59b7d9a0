import { z } from "~/lib/forms.server";
import { dateField, idField, timeField } from "~/lib/fields.server";
import { EMPLOYMENT_CHECK_MONTHS, TRAINING_EMPLOYMENT_STATUSES } from "./rules";

const isoDate = dateField();

export const AssignCoachSchema = z.object({
  beneficiaryId: z.string().uuid("errors.required"),
  coachId: z.string().uuid("errors.required"),
  note: z.string().trim().max(500).optional(),
});

/** An orientation interview with up to three agreed next steps. */
export const GuidanceSchema = z
  .object({
    heldOn: isoDate,
    goals: z.string().trim().min(1).max(4000),
    obstacles: z.string().trim().max(4000).default(""),
    step1: z.string().trim().max(500).optional(),
    due1: isoDate.optional(),
    step2: z.string().trim().max(500).optional(),
    due2: isoDate.optional(),
    step3: z.string().trim().max(500).optional(),
    due3: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    for (const i of [1, 2, 3] as const) {
      if (v[`step${i}`] && !v[`due${i}`])
        ctx.addIssue({ code: "custom", path: [`due${i}`], message: "coaching.errors.dueRequired" });
    }
  });
export type GuidanceInput = z.infer<typeof GuidanceSchema>;

const count = z.coerce.number().int().min(0).max(1000).default(0);
export const JobSearchSchema = z.object({
  loggedOn: isoDate,
  cvsSent: count,
  interviews: count,
  contacts: count,
  notes: z.string().trim().max(4000).default(""),
});
export type JobSearchInput = z.infer<typeof JobSearchSchema>;

export const CompleteActionSchema = z.object({ actionId: idField() });

/** A follow-up appointment: a day and a time on Morocco's clock. */
export const AppointmentSchema = z.object({ date: isoDate, time: timeField() });
export type AppointmentInput = z.infer<typeof AppointmentSchema>;

/** Whether a trained person works, at 3 or 6 months: the status is asked, never pre-chosen. */
export const EmploymentCheckSchema = z.object({
  monthsAfter: z.coerce.number().pipe(z.union(EMPLOYMENT_CHECK_MONTHS.map((m) => z.literal(m)))),
  employmentStatus: z.enum(TRAINING_EMPLOYMENT_STATUSES, "errors.required"),
});
export type EmploymentCheckInput = z.infer<typeof EmploymentCheckSchema>;

/** A recorded check corrected: the same fields, and the version of the check the form showed. */
export const CorrectEmploymentCheckSchema = EmploymentCheckSchema.extend({
  version: z.string().regex(/^[0-9a-f]{8}$/, "errors.invalid"),
});
export type CorrectEmploymentCheckInput = z.infer<typeof CorrectEmploymentCheckSchema>;
