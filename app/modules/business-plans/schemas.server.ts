/**
 * Forms of the plan builder. A draft saves whatever is typed, even incomplete
 * (completeness is judged by rules.ts); only malformed values (a price that is not
 * an amount, a sector not in the list) are refused, with a message key per field.
 */
import type { FieldErrors } from "~/lib/forms";
import { z } from "~/lib/forms.server";
import type { MessageKey } from "~/i18n/translate";
import type {
  FundingSource,
  MonthForecast,
  PlanFinancial,
  PlanMarket,
  StartupCost,
  YearForecast,
} from "../../../db/schema/business-plans";
import { FUNDING_KINDS, LEGAL_FORMS, MAX_QUANTITY, MAX_ROWS, MONTHS, SECTORS, type PlanStep } from "./rules";
import { COMPETITOR_ROWS } from "./constants";
import { moneyInputValue, parseMoney } from "~/lib/money";
export { COMPETITOR_ROWS } from "./constants";

const text = (max = 4000) => z.string().trim().max(max, "errors.tooLong").optional();

export const SummarySchema = z.object({
  projectName: text(120),
  sector: z.enum(SECTORS, "plans.errors.sector").optional(),
  city: text(80),
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

// ---------- tables: the form as typed (strings), and parsed ----------

export type CostRow = { item: string; quantity: string; unitPrice: string };
export type FundingRow = { kind: string; label: string; amount: string };
export type MonthRow = { revenue: string; costOfSales: string; fixedCosts: string };
export type YearRow = { revenue: string; costs: string };
export type CompetitorRow = { name: string; price: string };

export type FinancialDraft = { costs: CostRow[]; funding: FundingRow[]; months: MonthRow[]; years: YearRow[] };
export type MarketDraft = {
  customers: string;
  marketSize: string;
  marketSizeFigure: string;
  competitors: CompetitorRow[];
  price: string;
  salesPlaces: string;
};

const all = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
const one = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const blank = (...values: string[]) => values.every((v) => v.trim() === "");

export function readFinancialDraft(form: FormData): FinancialDraft {
  const items = all(form, "costItem");
  const quantities = all(form, "costQuantity");
  const prices = all(form, "costUnitPrice");
  const kinds = all(form, "fundingKind");
  const labels = all(form, "fundingLabel");
  const amounts = all(form, "fundingAmount");
  const revenue = all(form, "revenue");
  const cos = all(form, "costOfSales");
  const fixed = all(form, "fixedCosts");
  const yRevenue = all(form, "yearRevenue");
  const yCosts = all(form, "yearCosts");
  return {
    costs: items
      .slice(0, MAX_ROWS + 1)
      .map((item, i) => ({ item, quantity: quantities[i] ?? "", unitPrice: prices[i] ?? "" })),
    funding: kinds
      .slice(0, MAX_ROWS + 1)
      .map((kind, i) => ({ kind, label: labels[i] ?? "", amount: amounts[i] ?? "" })),
    months: Array.from({ length: MONTHS }, (_, i) => ({
      revenue: revenue[i] ?? "",
      costOfSales: cos[i] ?? "",
      fixedCosts: fixed[i] ?? "",
    })),
    years: [0, 1].map((i) => ({ revenue: yRevenue[i] ?? "", costs: yCosts[i] ?? "" })),
  };
}

export function financialToDraft(f: PlanFinancial): FinancialDraft {
  const costs = (f.startupCosts ?? []).map((c) => ({
    item: c.item,
    quantity: String(c.quantity),
    unitPrice: moneyInputValue(c.unitPriceCentimes),
  }));
  const funding = (f.funding ?? []).map((s) => ({
    kind: s.kind,
    label: s.label,
    amount: moneyInputValue(s.amountCentimes),
  }));
  return {
    costs: costs.length ? costs : [{ item: "", quantity: "", unitPrice: "" }],
    funding: funding.length
      ? funding
      : [
          { kind: "own", label: "", amount: "" },
          { kind: "grant", label: "", amount: "" },
        ],
    months: Array.from({ length: MONTHS }, (_, i) => {
      const m = f.months?.[i];
      return {
        revenue: m ? moneyInputValue(m.revenueCentimes) : "",
        costOfSales: m ? moneyInputValue(m.costOfSalesCentimes) : "",
        fixedCosts: m ? moneyInputValue(m.fixedCostsCentimes) : "",
      };
    }),
    years: [0, 1].map((i) => {
      const y = f.years?.[i];
      return { revenue: y ? moneyInputValue(y.revenueCentimes) : "", costs: y ? moneyInputValue(y.costsCentimes) : "" };
    }),
  };
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Blank money counts as zero in the forecast; anything typed must be an amount. */
function money(value: string, key: string, errors: FieldErrors, blankAsZero: boolean): number | null {
  if (value.trim() === "") {
    if (!blankAsZero) errors[key] = "errors.required";
    return blankAsZero ? 0 : null;
  }
  const centimes = parseMoney(value);
  if (centimes === null) errors[key] = "plans.errors.money";
  return centimes;
}

export function parseFinancialDraft(draft: FinancialDraft): Parsed<PlanFinancial> {
  const errors: FieldErrors = {};
  if (draft.costs.length > MAX_ROWS || draft.funding.length > MAX_ROWS) errors.form = "plans.errors.tooManyRows";
  const startupCosts: StartupCost[] = [];
  draft.costs.forEach((row, i) => {
    if (blank(row.item, row.quantity, row.unitPrice)) return;
    if (!row.item.trim()) errors[`costItem.${i}`] = "errors.required";
    else if (row.item.length > 200) errors[`costItem.${i}`] = "errors.tooLong";
    const quantity = Number(row.quantity.trim());
    if (!/^\d+$/.test(row.quantity.trim()) || quantity < 1 || quantity > MAX_QUANTITY)
      errors[`costQuantity.${i}`] = "plans.errors.quantity";
    const price = money(row.unitPrice, `costUnitPrice.${i}`, errors, false);
    startupCosts.push({ item: row.item.trim(), quantity, unitPriceCentimes: price ?? 0 });
  });
  const funding: FundingSource[] = [];
  draft.funding.forEach((row, i) => {
    if (blank(row.label, row.amount)) return;
    if (!(FUNDING_KINDS as readonly string[]).includes(row.kind)) errors[`fundingKind.${i}`] = "errors.invalid";
    if (row.label.length > 200) errors[`fundingLabel.${i}`] = "errors.tooLong";
    const amount = money(row.amount, `fundingAmount.${i}`, errors, false);
    funding.push({ kind: row.kind, label: row.label.trim(), amountCentimes: amount ?? 0 });
  });
  const monthsTyped = draft.months.some((m) => !blank(m.revenue, m.costOfSales, m.fixedCosts));
  const months: MonthForecast[] = draft.months.map((m, i) => ({
    revenueCentimes: money(m.revenue, `revenue.${i}`, errors, true) ?? 0,
    costOfSalesCentimes: money(m.costOfSales, `costOfSales.${i}`, errors, true) ?? 0,
    fixedCostsCentimes: money(m.fixedCosts, `fixedCosts.${i}`, errors, true) ?? 0,
  }));
  const yearsTyped = draft.years.some((y) => !blank(y.revenue, y.costs));
  const years: YearForecast[] = draft.years.map((y, i) => ({
    revenueCentimes: money(y.revenue, `yearRevenue.${i}`, errors, true) ?? 0,
    costsCentimes: money(y.costs, `yearCosts.${i}`, errors, true) ?? 0,
  }));
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: { startupCosts, funding, months: monthsTyped ? months : [], years: yearsTyped ? years : [] },
  };
}

export function readMarketDraft(form: FormData): MarketDraft {
  const names = all(form, "competitorName");
  const prices = all(form, "competitorPrice");
  return {
    customers: one(form, "customers"),
    marketSize: one(form, "marketSize"),
    marketSizeFigure: one(form, "marketSizeFigure"),
    competitors: Array.from({ length: COMPETITOR_ROWS }, (_, i) => ({ name: names[i] ?? "", price: prices[i] ?? "" })),
    price: one(form, "price"),
    salesPlaces: one(form, "salesPlaces"),
  };
}

export function marketToDraft(m: PlanMarket): MarketDraft {
  return {
    customers: m.customers ?? "",
    marketSize: m.marketSize ?? "",
    marketSizeFigure: m.marketSizeFigure ?? "",
    competitors: Array.from({ length: COMPETITOR_ROWS }, (_, i) => {
      const c = m.competitors?.[i];
      return { name: c?.name ?? "", price: moneyInputValue(c?.priceCentimes ?? null) };
    }),
    price: moneyInputValue(m.priceCentimes ?? null),
    salesPlaces: m.salesPlaces ?? "",
  };
}

export function parseMarketDraft(draft: MarketDraft): Parsed<PlanMarket> {
  const errors: FieldErrors = {};
  const long = (value: string, key: string, max = 4000) => {
    if (value.length > max) errors[key] = "errors.tooLong";
    return value.trim() || undefined;
  };
  const optionalMoney = (value: string, key: string): number | null => {
    if (!value.trim()) return null;
    const c = parseMoney(value);
    if (c === null) errors[key] = "plans.errors.money" satisfies MessageKey;
    return c;
  };
  const competitors = draft.competitors
    .map((c, i) => ({
      name: long(c.name, `competitorName.${i}`, 200) ?? "",
      priceCentimes: optionalMoney(c.price, `competitorPrice.${i}`),
    }))
    .filter((c, i) => {
      const row = draft.competitors[i];
      if (row && !row.name.trim() && row.price.trim()) errors[`competitorName.${i}`] = "errors.required";
      return c.name !== "";
    });
  const data: PlanMarket = {
    customers: long(draft.customers, "customers"),
    marketSize: long(draft.marketSize, "marketSize"),
    marketSizeFigure: long(draft.marketSizeFigure, "marketSizeFigure", 200),
    competitors,
    priceCentimes: optionalMoney(draft.price, "price"),
    salesPlaces: long(draft.salesPlaces, "salesPlaces"),
  };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data };
}
