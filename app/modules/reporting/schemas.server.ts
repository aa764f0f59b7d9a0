import { z } from "~/lib/forms.server";
import { FRAMEWORKS } from "./frameworks";
import { BUDGET_LINES, isIsoDate, parseAmount, parseRate } from "./rules";

const isoDate = z.string().refine(isIsoDate, { message: "reporting.errors.date" });
const amount = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const parsed = parseAmount(value);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: "reporting.errors.amount" });
      return z.NEVER;
    }
    return parsed;
  });

/** The dashboard's filters, from the query string; anything malformed falls back to the default. */
export const ReportFilterSchema = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  organisationId: z.uuid().optional().catch(undefined),
  framework: z.enum(FRAMEWORKS).optional().catch(undefined),
});
export type ReportFilterInput = z.infer<typeof ReportFilterSchema>;

export const UpdateBudgetSchema = z
  .object({
    total: amount,
    startsOn: isoDate,
    endsOn: isoDate,
    ...Object.fromEntries(BUDGET_LINES.map((l) => [`line_${l}`, amount])),
  })
  .superRefine((value, ctx) => {
    if (value.startsOn > value.endsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "reporting.errors.period" });
  })
  .transform((value) => {
    const record = value as Record<string, unknown>;
    return {
      totalUsdCents: value.total,
      startsOn: value.startsOn,
      endsOn: value.endsOn,
      lines: BUDGET_LINES.map((line) => ({ line, plannedUsdCents: Number(record[`line_${line}`]) })),
    };
  });
export type UpdateBudgetInput = z.infer<typeof UpdateBudgetSchema>;

export const AddRateSchema = z.object({
  effectiveOn: isoDate,
  rate: z
    .string()
    .max(20)
    .transform((value, ctx) => {
      const parsed = parseRate(value);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message: "reporting.errors.rate" });
        return z.NEVER;
      }
      return parsed;
    }),
});
export type AddRateInput = z.infer<typeof AddRateSchema>;

export const AddEntrySchema = z.object({
  lineKey: z.enum(BUDGET_LINES),
  kind: z.enum(["commitment", "spending"]),
  amount: amount.refine((v) => v > 0, { message: "reporting.errors.amount" }),
  occurredOn: isoDate,
  reference: z.string().trim().min(1).max(200),
});
export type AddEntryInput = z.infer<typeof AddEntrySchema>;
