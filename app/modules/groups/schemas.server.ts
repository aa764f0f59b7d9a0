/** The forms of group activities and household members, one zod schema each. */
import { z } from "~/lib/forms.server";
import { codeField, checkedField, dateField, idField, sexField } from "~/lib/fields.server";
import { moroccoToday } from "~/lib/morocco-time";
import { GROUP_ACTIVITY_KINDS, HEADCOUNT_KEYS, MAX_HEADCOUNT, MAX_LINKED, type HeadcountKey } from "./constants";
import { headcountProblem, type Headcounts } from "./rules";

/** A whole number of people typed in a box, up to MAX_HEADCOUNT; undefined when left empty. */
const typedCount = () =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, "groups.errors.count")
    .transform(Number)
    .refine((n) => n <= MAX_HEADCOUNT, "groups.errors.count")
    .optional();

/** A count of people: empty is 0 (nobody of that group came). */
const countField = () => typedCount().transform((n) => n ?? 0);

/** A count that may be unknown: empty is null. */
const knownCountField = () => typedCount().transform((n) => n ?? null);

const countShape = Object.fromEntries(HEADCOUNT_KEYS.map((k) => [k, countField()])) as Record<
  HeadcountKey,
  ReturnType<typeof countField>
>;

export const ActivitySchema = z
  .object({
    kind: z.enum(GROUP_ACTIVITY_KINDS),
    topic: codeField("groupTopic"),
    heldOn: dateField("groups.errors.date").refine((d) => d <= moroccoToday(), "groups.errors.future"),
    city: codeField("city"),
    venue: z.string().trim().max(120).optional(),
    facilitator: z.string().trim().min(1).max(120),
    ...countShape,
    moroccans: knownCountField(),
    migrants: knownCountField(),
    participants: checkedField(idField()).refine((ids) => ids.length <= MAX_LINKED, "groups.errors.linkedOver"),
  })
  .superRefine((input, ctx) => {
    const counts = Object.fromEntries(HEADCOUNT_KEYS.map((k) => [k, input[k]])) as Headcounts;
    const problem = headcountProblem({
      counts,
      moroccans: input.moroccans,
      migrants: input.migrants,
      linked: new Set(input.participants).size,
    });
    if (!problem) return;
    const field =
      problem === "groups.errors.nationalityOver"
        ? "moroccans"
        : problem === "groups.errors.linkedOver"
          ? "participants"
          : "counts";
    ctx.addIssue({ code: "custom", message: problem, path: [field] });
  });
export type ActivityInput = z.infer<typeof ActivitySchema>;

export const HouseholdMemberSchema = z.object({
  memberId: idField().optional(),
  relationship: codeField("relationship"),
  sex: sexField(true),
  age: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "groups.errors.age")
    .transform(Number)
    .refine((n) => n <= 120, "groups.errors.age")
    .optional(),
});
export type HouseholdMemberInput = z.infer<typeof HouseholdMemberSchema>;
