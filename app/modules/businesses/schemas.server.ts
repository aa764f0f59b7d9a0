import { z } from "~/lib/forms.server";
import { dateField, idField } from "~/lib/fields.server";
import { FOLLOW_UP_MONTHS, REVENUE_BANDS } from "./rules";

const count = z.coerce
  .number("businesses.errors.count")
  .int("businesses.errors.count")
  .min(0, "businesses.errors.count")
  .max(1000, "businesses.errors.count")
  .default(0);

/** A visit of a funded business: the award and milestone it is for, and what was seen. */
export const FollowUpSchema = z.object({
  awardId: idField(),
  monthsAfter: z.coerce.number().pipe(z.union(FOLLOW_UP_MONTHS.map((m) => z.literal(m)))),
  visitedOn: dateField(),
  stillRunning: z.enum(["yes", "no"], "businesses.errors.choice").transform((v) => v === "yes"),
  // left empty: none chosen (a closed business has none); the rules say when one is needed
  revenueBand: z
    .enum(REVENUE_BANDS, "businesses.errors.choice")
    .nullish()
    .transform((v) => v ?? null),
  jobsCreated: count,
  jobsWomen: count,
  jobsMigrants: count,
  formalised: z.preprocess((v) => v === "on", z.boolean()),
});
export type FollowUpForm = z.infer<typeof FollowUpSchema>;

/** A recorded visit corrected: the same fields, and the version of the visit the form showed. */
export const CorrectFollowUpSchema = FollowUpSchema.extend({
  version: z.string().regex(/^[0-9a-f]{8}$/, "errors.invalid"),
});
