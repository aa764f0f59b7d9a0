import { z } from "~/lib/forms.server";
import { dateField, idField, moneyField } from "~/lib/fields.server";
import { query } from "~/lib/params.server";
import { FRAMEWORKS, indicatorUnit, INDICATOR_CODES, INDICATORS, RESULTS } from "./frameworks";
import { isTargetPeriod, parseRate, type TargetPeriod } from "./rules";
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

/** An entry corrected: which one, and all of its fields as they should be. */
export const CorrectEntrySchema = AddEntrySchema.extend({
  entryId: idField(),
  /** the entry as the form showed it (versionOf): a correction of a changed entry is refused */
  version: z.string().max(16).default(""),
});
export type CorrectEntryInput = z.infer<typeof CorrectEntrySchema>;

/** A number of people as typed: digits only, at most ten million. */
const people = z
  .string()
  .trim()
  .regex(/^\d{1,8}$/, "reporting.errors.people")
  .transform(Number)
  .refine((n) => n <= 10_000_000, "reporting.errors.people");

/** A count (consultations, items, businesses…) as typed: the same bounds, its own message. */
const count = z
  .string()
  .trim()
  .regex(/^\d{1,8}$/, "reporting.errors.count")
  .transform(Number)
  .refine((n) => n <= 10_000_000, "reporting.errors.count");

const targetPeriod = z.string().refine((v): v is TargetPeriod => isTargetPeriod(v), "reporting.errors.targetPeriod");

/** The page's period: the programme (default) or a quarter. */
export const TARGETS_QUERY = { period: targetPeriod.optional() };

/**
 * The baselines and targets of every indicator for one period. An empty target removes
 * the indicator's row for that period; a baseline without a target is refused.
 */
export const SetTargetsSchema = z
  .object({
    period: targetPeriod,
    ...Object.fromEntries(
      INDICATORS.flatMap(({ code, measure }) => {
        const figure = indicatorUnit(measure) === "people" ? people : count;
        return [
          [`baseline_${code}`, figure.optional()],
          [`target_${code}`, figure.optional()],
        ];
      }),
    ),
  })
  .superRefine((value, ctx) => {
    const record = value as Record<string, unknown>;
    for (const code of INDICATOR_CODES) {
      if (record[`baseline_${code}`] !== undefined && record[`target_${code}`] === undefined)
        ctx.addIssue({ code: "custom", path: [`target_${code}`], message: "reporting.errors.targetNeeded" });
    }
  })
  .transform((value) => {
    const record = value as Record<string, unknown>;
    return {
      period: value.period as TargetPeriod,
      rows: INDICATOR_CODES.map((indicator) => {
        const target = record[`target_${indicator}`];
        const baseline = record[`baseline_${indicator}`];
        return {
          indicator,
          target: typeof target === "number" ? target : null,
          baseline: typeof baseline === "number" ? baseline : 0,
        };
      }),
    };
  });
export type SetTargetsInput = z.infer<typeof SetTargetsSchema>;

const narrativeText = z.string().max(4000, "reporting.errors.narrativeTooLong").optional().default("");

/** A quarter's narrative in one language: three texts per result. */
export const SaveNarrativeSchema = z
  .object({
    quarter: z.string().regex(/^(?!0000)\d{4}-Q[1-4]$/, "errors.invalid"),
    locale: z.enum(["fr", "ar", "en"]),
    ...Object.fromEntries(
      RESULTS.flatMap((r) => [
        [`achievements_${r}`, narrativeText],
        [`challenges_${r}`, narrativeText],
        [`nextSteps_${r}`, narrativeText],
      ]),
    ),
  })
  .transform((value) => {
    const record = value as Record<string, unknown>;
    const text = (key: string) => (typeof record[key] === "string" ? String(record[key]).trim() : "");
    return {
      quarter: value.quarter,
      locale: value.locale,
      results: RESULTS.map((result) => ({
        result,
        achievements: text(`achievements_${result}`),
        challenges: text(`challenges_${result}`),
        nextSteps: text(`nextSteps_${result}`),
      })),
    };
  });
export type SaveNarrativeInput = z.infer<typeof SaveNarrativeSchema>;

export const IssueReportSchema = z.object({
  quarter: z.string().regex(/^(?!0000)\d{4}-Q[1-4]$/, "errors.invalid"),
  locale: z.enum(["fr", "ar", "en"]),
});
export type IssueReportInput = z.infer<typeof IssueReportSchema>;
