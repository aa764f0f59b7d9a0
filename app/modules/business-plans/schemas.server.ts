/**
 * Forms of the plan builder. A draft saves whatever is typed, even incomplete
 * (completeness is judged by rules.ts); only malformed values (a price that is not
 * an amount, a sector not in the list) are refused, with a message key per field.
 */
import { rowValues } from "~/lib/forms";
import { rowList, z } from "~/lib/forms.server";
import { codeField, moneyField } from "~/lib/fields.server";
import type {
  FundingSource,
  MonthForecast,
  PlanCompetitor,
  PlanFinancial,
  PlanMarket,
  StartupCost,
  YearForecast,
} from "../../../db/schema/business-plans";
import { FUNDING_KINDS, LEGAL_FORMS, MAX_QUANTITY, MAX_ROWS, MONTHS } from "./rules";
import { SECTORS, type PlanStep } from "./constants";
import { COMPETITOR_ROWS } from "./constants";
import { moneyInputValue } from "~/lib/money";
export { COMPETITOR_ROWS } from "./constants";

const text = (max = 4000) => z.string().trim().max(max, "errors.tooLong").optional();

export const SummarySchema = z.object({
  projectName: text(120),
  sector: z.enum(SECTORS, "plans.errors.sector").optional(),
  city: codeField("city", "plans.errors.city").optional(),
  pitch: text(1000),
});
export const PromotersSchema = z.object({ experience: text(), skills: text(), team: text() });
export const ProductSchema = z.object({ description: text(), difference: text() });
export const MarketingSchema = z.object({ strategy: text(), channels: text() });
export const OperationsSchema = z.object({ premises: text(), equipment: text(), suppliers: text(), staff: text() });
export const LegalSchema = z.object({ form: z.enum(LEGAL_FORMS).optional(), reason: text(1000) });
export const RisksSchema = z.object({ risks: text(), mitigation: text() });
export const CommentSchema = z.object({ body: z.string().trim().min(1).max(4000, "errors.tooLong") });

/** Steps whose form is a flat list of text fields. */
export const TEXT_STEP_SCHEMAS = {
  summary: SummarySchema,
  promoters: PromotersSchema,
  product: ProductSchema,
  marketing: MarketingSchema,
  operations: OperationsSchema,
  legal: LegalSchema,
  risks: RisksSchema,
} as const;
export type TextStep = keyof typeof TEXT_STEP_SCHEMAS;
export function isTextStep(step: PlanStep): step is TextStep {
  return step in TEXT_STEP_SCHEMAS;
}

// ---------- tables: rows posted as costs[0].item, funding[1].amount, months[11].revenue ----------

export type CostRow = { item: string; quantity: string; unitPrice: string };
export type FundingRow = { kind: string; label: string; amount: string };
export type MonthRow = { revenue: string; costOfSales: string; fixedCosts: string };
export type YearRow = { revenue: string; costs: string };
/** The financial tables as typed (strings), which the form edits and shows again. */
export type FinancialDraft = { costs: CostRow[]; funding: FundingRow[]; months: MonthRow[]; years: YearRow[] };
export type FinancialList = "costs" | "funding";

/** An amount that must be there: blank is "required", anything else must read as an amount. */
const amount = z.string("errors.required").trim().min(1, "errors.required").pipe(moneyField("plans.errors.money"));
/** An amount of the forecast: blank counts as zero. */
const forecastAmount = moneyField("plans.errors.money")
  .optional()
  .transform((v) => v ?? 0);
const quantity = z
  .string("plans.errors.quantity")
  .trim()
  .regex(/^\d+$/, "plans.errors.quantity")
  .transform(Number)
  .pipe(z.number().min(1, "plans.errors.quantity").max(MAX_QUANTITY, "plans.errors.quantity"));

const CostRowSchema = z
  .object({
    item: z.string("errors.required").trim().min(1, "errors.required").max(200, "errors.tooLong"),
    quantity,
    unitPrice: amount,
  })
  .transform((r): StartupCost => ({ item: r.item, quantity: r.quantity, unitPriceCentimes: r.unitPrice }));

const FundingRowSchema = z
  .object({
    kind: z.enum(FUNDING_KINDS, "errors.invalid"),
    label: z.string().trim().max(200, "errors.tooLong").default(""),
    amount,
  })
  .transform((r): FundingSource => ({ kind: r.kind, label: r.label, amountCentimes: r.amount }));

const MonthRowSchema = z
  .object({ revenue: forecastAmount, costOfSales: forecastAmount, fixedCosts: forecastAmount })
  .transform((m): MonthForecast => ({
    revenueCentimes: m.revenue,
    costOfSalesCentimes: m.costOfSales,
    fixedCostsCentimes: m.fixedCosts,
  }));
const YearRowSchema = z
  .object({ revenue: forecastAmount, costs: forecastAmount })
  .transform((y): YearForecast => ({ revenueCentimes: y.revenue, costsCentimes: y.costs }));

/** A forecast typed nowhere is no forecast; one typed anywhere has every row, blanks as zero. */
function forecast<T>(rows: T[], blank: T, length: number, typed: boolean): T[] {
  return typed ? Array.from({ length }, (_, i) => rows[i] ?? blank) : [];
}

/** The financial step (parseRowsForm). Blank cost and funding rows are left out. */
export const FinancialSchema = z
  .object({
    costs: rowList(CostRowSchema, MAX_ROWS, "plans.errors.tooManyRows"),
    funding: rowList(FundingRowSchema, MAX_ROWS, "plans.errors.tooManyRows", ["label", "amount"]),
    months: z.array(MonthRowSchema).max(MONTHS).default([]),
    years: z.array(YearRowSchema).max(2).default([]),
  })
  .transform((f): PlanFinancial => ({
    startupCosts: f.costs,
    funding: f.funding,
    months: forecast(
      f.months,
      { revenueCentimes: 0, costOfSalesCentimes: 0, fixedCostsCentimes: 0 },
      MONTHS,
      f.months.some((m) => m.revenueCentimes || m.costOfSalesCentimes || m.fixedCostsCentimes),
    ),
    years: forecast(
      f.years,
      { revenueCentimes: 0, costsCentimes: 0 },
      2,
      f.years.some((y) => y.revenueCentimes || y.costsCentimes),
    ),
  }));

// ---------- market: competitors posted as competitors[0].name, competitors[0].price ----------

const optionalAmount = moneyField("plans.errors.money")
  .optional()
  .transform((v) => v ?? null);

const CompetitorRowSchema = z
  .object({
    name: z.string("errors.required").trim().min(1, "errors.required").max(200, "errors.tooLong"),
    price: optionalAmount,
  })
  .transform((c): PlanCompetitor => ({ name: c.name, priceCentimes: c.price }));

/** The market step (parseRowsForm); blank competitor rows are left out. */
export const MarketSchema = z
  .object({
    customers: text(),
    marketSize: text(),
    marketSizeFigure: text(200),
    competitors: rowList(CompetitorRowSchema, COMPETITOR_ROWS, "plans.errors.tooManyRows"),
    price: optionalAmount,
    salesPlaces: text(),
  })
  .transform(({ price, ...m }): PlanMarket => ({ ...m, priceCentimes: price }));

/** The saved market step as the form shows it, under the names it posts. */
export function marketFormValues(m: PlanMarket): Record<string, string> {
  return {
    customers: m.customers ?? "",
    marketSize: m.marketSize ?? "",
    marketSizeFigure: m.marketSizeFigure ?? "",
    price: moneyInputValue(m.priceCentimes ?? null),
    salesPlaces: m.salesPlaces ?? "",
    ...rowValues(
      "competitors",
      (m.competitors ?? []).map((c) => ({ name: c.name, price: moneyInputValue(c.priceCentimes ?? null) })),
    ),
  };
}
