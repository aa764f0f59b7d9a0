/**
 * The business plan's rules: pure functions, no database, no Remix. Money is always
 * integer centimes of MAD. Grants (issue 4) rely on `isPlanComplete`, `stepStatus`,
 * `grantRequestedCentimes` and `toPlanDocument` (document.ts): keep their names.
 */
import type {
  BusinessPlan,
  FundingSource,
  MonthForecast,
  PlanFinancial,
  StartupCost,
  YearForecast,
} from "../../../db/schema/business-plans";
import type { FieldErrors } from "~/lib/forms";
import { PLAN_STEPS, type PlanStep, SECTORS } from "./constants";

export const LEGAL_FORMS = ["auto_entrepreneur", "cooperative", "sarl", "not_decided"] as const;
/**
 * The legal step stores its choice as `form`, the name the error summary keeps for a problem of
 * the whole form (listed, never linked). A refused legal step answers that field's problem as
 * `legalForm`, the id of its first choice, so the summary links to it; stored plans keep `form`
 * (decision 0172-legal-form-error-link).
 */
export const LEGAL_FORM_FIELD = "legalForm";

/** A refused step's problems as its form names them (the legal choice as `LEGAL_FORM_FIELD`). */
export function stepErrors(step: PlanStep, errors: FieldErrors): FieldErrors {
  if (step !== "legal" || !errors.form) return errors;
  const { form, ...others } = errors;
  return { ...others, [LEGAL_FORM_FIELD]: form };
}

export const FUNDING_KINDS = ["own", "grant", "loan", "other"] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export const MONTHS = 12;
export const MAX_QUANTITY = 100_000;
export const MAX_ROWS = 30;

export function isPlanStep(value: unknown): value is PlanStep {
  return typeof value === "string" && (PLAN_STEPS as readonly string[]).includes(value);
}

// ---------- financial computations ----------

export function lineTotal(cost: StartupCost): number {
  return cost.quantity * cost.unitPriceCentimes;
}

export function totalStartupCost(costs: readonly StartupCost[] = []): number {
  return costs.reduce((sum, cost) => sum + lineTotal(cost), 0);
}

export function totalFunding(funding: readonly FundingSource[] = []): number {
  return funding.reduce((sum, source) => sum + source.amountCentimes, 0);
}

/** Costs minus funding: positive means money is missing, negative means over-funded. Must be 0 to submit. */
export function fundingGap(costs: readonly StartupCost[] = [], funding: readonly FundingSource[] = []): number {
  return totalStartupCost(costs) - totalFunding(funding);
}

/** The grant asked for: the sum of the "grant" funding rows, in centimes. */
export function grantRequestedCentimes(plan: { financial: PlanFinancial } | PlanFinancial): number {
  const financial = "financial" in plan ? plan.financial : plan;
  return (financial.funding ?? []).filter((s) => s.kind === "grant").reduce((sum, s) => sum + s.amountCentimes, 0);
}

export function monthCosts(month: MonthForecast): number {
  return month.costOfSalesCentimes + month.fixedCostsCentimes;
}

export type CashFlowMonth = { month: number; netCentimes: number; cumulativeCentimes: number };

/** Monthly result (revenue - cost of sales - fixed costs) and its running total. */
export function cashFlow(months: readonly MonthForecast[] = []): CashFlowMonth[] {
  let cumulative = 0;
  return months.map((m, index) => {
    const net = m.revenueCentimes - monthCosts(m);
    cumulative += net;
    return { month: index + 1, netCentimes: net, cumulativeCentimes: cumulative };
  });
}

/**
 * The first month (1-12) from which the cumulative operating result is no longer
 * negative, having sold something; null when that does not happen within the
 * forecast ("not within 12 months"). Start-up costs are covered by the funding
 * sources, which must balance them, so they are not counted here.
 */
export function breakEvenMonth(months: readonly MonthForecast[] = []): number | null {
  let revenueSoFar = 0;
  for (const [index, entry] of cashFlow(months).entries()) {
    revenueSoFar += months[index]?.revenueCentimes ?? 0;
    if (revenueSoFar > 0 && entry.cumulativeCentimes >= 0) return entry.month;
  }
  return null;
}

export type GrossMargin = { amountCentimes: number; ratePercent: number | null };

/** Revenue minus cost of sales over the months, and as a share of revenue (null when no revenue). */
export function grossMargin(months: readonly MonthForecast[] = []): GrossMargin {
  const revenue = months.reduce((s, m) => s + m.revenueCentimes, 0);
  const cost = months.reduce((s, m) => s + m.costOfSalesCentimes, 0);
  const amount = revenue - cost;
  return { amountCentimes: amount, ratePercent: revenue === 0 ? null : Math.round((amount * 1000) / revenue) / 10 };
}

export type YearTotal = { year: number; revenueCentimes: number; costsCentimes: number; resultCentimes: number };

/** Year 1 from the twelve months, years 2 and 3 as entered, and the three together. */
export function threeYearTotals(
  months: readonly MonthForecast[] = [],
  years: readonly YearForecast[] = [],
): { years: YearTotal[]; total: Omit<YearTotal, "year"> } {
  const first = {
    revenueCentimes: months.reduce((s, m) => s + m.revenueCentimes, 0),
    costsCentimes: months.reduce((s, m) => s + monthCosts(m), 0),
  };
  const all = [
    first,
    years[0] ?? { revenueCentimes: 0, costsCentimes: 0 },
    years[1] ?? { revenueCentimes: 0, costsCentimes: 0 },
  ];
  const rows = all.map((y, i) => ({
    year: i + 1,
    revenueCentimes: y.revenueCentimes,
    costsCentimes: y.costsCentimes,
    resultCentimes: y.revenueCentimes - y.costsCentimes,
  }));
  const total = rows.reduce(
    (t, r) => ({
      revenueCentimes: t.revenueCentimes + r.revenueCentimes,
      costsCentimes: t.costsCentimes + r.costsCentimes,
      resultCentimes: t.resultCentimes + r.resultCentimes,
    }),
    { revenueCentimes: 0, costsCentimes: 0, resultCentimes: 0 },
  );
  return { years: rows, total };
}

export type FinancialSummary = {
  totalStartupCostCentimes: number;
  totalFundingCentimes: number;
  fundingGapCentimes: number;
  grantRequestedCentimes: number;
  cashFlow: CashFlowMonth[];
  breakEvenMonth: number | null;
  grossMargin: GrossMargin;
  years: YearTotal[];
  threeYearTotal: Omit<YearTotal, "year">;
};

export function summariseFinancial(financial: PlanFinancial): FinancialSummary {
  const months = normaliseMonths(financial.months);
  const three = threeYearTotals(months, financial.years ?? []);
  return {
    totalStartupCostCentimes: totalStartupCost(financial.startupCosts),
    totalFundingCentimes: totalFunding(financial.funding),
    fundingGapCentimes: fundingGap(financial.startupCosts, financial.funding),
    grantRequestedCentimes: grantRequestedCentimes(financial),
    cashFlow: cashFlow(months),
    breakEvenMonth: breakEvenMonth(months),
    grossMargin: grossMargin(months),
    years: three.years,
    threeYearTotal: three.total,
  };
}

/** Always twelve months, missing ones as zero. */
export function normaliseMonths(months: readonly MonthForecast[] = []): MonthForecast[] {
  return Array.from(
    { length: MONTHS },
    (_, i) => months[i] ?? { revenueCentimes: 0, costOfSalesCentimes: 0, fixedCostsCentimes: 0 },
  );
}

// ---------- completeness ----------

type PlanContent = Pick<
  BusinessPlan,
  "summary" | "promoters" | "product" | "market" | "marketing" | "operations" | "legal" | "financial" | "risks"
>;

const filled = (value: unknown, min = 1) => typeof value === "string" && value.trim().length >= min;

/**
 * The fields of a step that are missing or invalid, by form field name (empty when
 * the step is complete). Drafts may be saved incomplete; a plan is complete when
 * no step has any.
 */
export function stepIssues(plan: PlanContent, step: PlanStep): string[] {
  const missing: string[] = [];
  const need = (ok: boolean, field: string) => {
    if (!ok) missing.push(field);
  };
  switch (step) {
    case "summary": {
      const s = plan.summary;
      need(filled(s.projectName), "projectName");
      need((SECTORS as readonly string[]).includes(s.sector ?? ""), "sector");
      need(filled(s.city), "city");
      need(filled(s.pitch, 20), "pitch");
      break;
    }
    case "promoters":
      need(filled(plan.promoters.experience), "experience");
      need(filled(plan.promoters.skills), "skills");
      break;
    case "product":
      need(filled(plan.product.description), "description");
      need(filled(plan.product.difference), "difference");
      break;
    case "market": {
      const m = plan.market;
      need(filled(m.customers), "customers");
      need(filled(m.marketSize), "marketSize");
      need(filled(m.marketSizeFigure), "marketSizeFigure");
      need(
        (m.competitors ?? []).some((c) => filled(c.name)),
        "competitors",
      );
      need(typeof m.priceCentimes === "number" && m.priceCentimes > 0, "price");
      need(filled(m.salesPlaces), "salesPlaces");
      break;
    }
    case "marketing":
      need(filled(plan.marketing.strategy), "strategy");
      need(filled(plan.marketing.channels), "channels");
      break;
    case "operations": {
      const o = plan.operations;
      need(filled(o.premises), "premises");
      need(filled(o.equipment), "equipment");
      need(filled(o.suppliers), "suppliers");
      need(filled(o.staff), "staff");
      break;
    }
    case "legal":
      need((LEGAL_FORMS as readonly string[]).includes(plan.legal.form ?? ""), "form");
      break;
    case "financial": {
      const f = plan.financial;
      const costs = f.startupCosts ?? [];
      need(
        costs.length > 0 && costs.every((c) => filled(c.item) && c.quantity > 0 && c.unitPriceCentimes > 0),
        "startupCosts",
      );
      need((f.funding ?? []).length > 0 && (f.funding ?? []).every((s) => s.amountCentimes > 0), "funding");
      need(costs.length > 0 && fundingGap(costs, f.funding) === 0, "fundingGap");
      need((f.months ?? []).length === MONTHS && (f.months ?? []).some((m) => m.revenueCentimes > 0), "months");
      need((f.years ?? []).length === 2 && (f.years ?? []).every((y) => y.revenueCentimes > 0), "years");
      break;
    }
    case "risks":
      need(filled(plan.risks.risks), "risks");
      need(filled(plan.risks.mitigation), "mitigation");
      break;
  }
  return missing;
}

export type StepState = "empty" | "incomplete" | "complete";

export function stepStatus(plan: PlanContent, step: PlanStep): StepState {
  if (stepIssues(plan, step).length === 0) return "complete";
  const section = plan[step] as Record<string, unknown>;
  const touched = Object.values(section).some((v) =>
    Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== "",
  );
  return touched ? "incomplete" : "empty";
}

export function incompleteSteps(plan: PlanContent): PlanStep[] {
  return PLAN_STEPS.filter((step) => stepIssues(plan, step).length > 0);
}

/** Every required field of every step valid, and the funding balancing the costs. */
export function isPlanComplete(plan: PlanContent): boolean {
  return incompleteSteps(plan).length === 0;
}

/** Share of steps complete, 0-100. */
export function planProgress(plan: PlanContent): number {
  return Math.round(((PLAN_STEPS.length - incompleteSteps(plan).length) * 100) / PLAN_STEPS.length);
}
