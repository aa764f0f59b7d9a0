import { z } from "~/lib/forms.server";
import { dateField, moneyField } from "~/lib/fields.server";
import { query } from "~/lib/params.server";
import { FRAMEWORKS } from "./frameworks";
import { parseRate } from "./rules";
import { BUDGET_LINES } from "./constants";

const isoDate = dateField("reporting.errors.date");
/** The donor budget is in US dollars; entries are in dirhams. */
const usd = moneyField("reporting.errors.amount", { currency: "USD" });
const mad = moneyField("reporting.errors.amount", { min: 1 });

/** The dashboard's filters, from the query string: a value that cannot be read is a 400 (app/lib/params.server). */
export const REPORT_QUERY = {
  quarter: z
    .string()
    .regex(/^(?!0000)\d{4}-Q[1-4]$/, "errors.query.invalid")
    .optional(),
  /** a fixed period: a year ("2026"), a quarter ("2026-Q2") or a month ("2026-05") */
  period: z
    .string()
    .regex(/^(?!0000)\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, "errors.query.period")
    .optional(),
  from: query.date(),
  to: query.date(),
  organisationId: query.id(),
  framework: query.oneOf(FRAMEWORKS),
};
export type ReportFilterInput = { [K in keyof typeof REPORT_QUERY]: z.infer<(typeof REPORT_QUERY)[K]> };

export const UpdateBudgetSchema = z
  .object({
    total: usd,
    startsOn: isoDate,
    endsOn: isoDate,
    ...Object.fromEntries(BUDGET_LINES.map((l) => [`line_${l}`, usd])),
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
  amount: mad,
  occurredOn: isoDate,
  reference: z.string().trim().min(1).max(200),
});
export type AddEntryInput = z.infer<typeof AddEntrySchema>;
