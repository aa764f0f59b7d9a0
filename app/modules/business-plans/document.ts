/**
 * A plan as a plain JSON document: what the PDF renders and what a grant
 * application freezes as its snapshot. Never holds the owner's name or contacts,
 * so a blind reviewer can be shown it as it is. Pure: no database, no Remix.
 */
import type {
  BusinessPlan,
  FundingSource,
  MonthForecast,
  StartupCost,
  YearForecast,
} from "../../../db/schema/business-plans";
import { normaliseMonths, summariseFinancial, type FinancialSummary } from "./rules";

export const PLAN_DOCUMENT_VERSION = 1;

export type PlanDocument = {
  version: typeof PLAN_DOCUMENT_VERSION;
  planId: string;
  /** ISO timestamp of the plan's last change when the document was made */
  updatedAt: string;
  summary: { projectName: string; sector: string; city: string; pitch: string };
  promoters: { experience: string; skills: string; team: string };
  product: { description: string; difference: string };
  market: {
    customers: string;
    marketSize: string;
    marketSizeFigure: string;
    competitors: { name: string; priceCentimes: number | null }[];
    priceCentimes: number | null;
    salesPlaces: string;
  };
  marketing: { strategy: string; channels: string };
  operations: { premises: string; equipment: string; suppliers: string; staff: string };
  legal: { form: string; reason: string };
  financial: {
    startupCosts: StartupCost[];
    funding: FundingSource[];
    months: MonthForecast[];
    years: YearForecast[];
    totals: FinancialSummary;
  };
  risks: { risks: string; mitigation: string };
};

const s = (value: string | undefined | null) => value ?? "";

export function toPlanDocument(
  plan: Pick<
    BusinessPlan,
    | "id"
    | "updatedAt"
    | "summary"
    | "promoters"
    | "product"
    | "market"
    | "marketing"
    | "operations"
    | "legal"
    | "financial"
    | "risks"
  >,
): PlanDocument {
  const f = plan.financial;
  return {
    version: PLAN_DOCUMENT_VERSION,
    planId: plan.id,
    updatedAt: new Date(plan.updatedAt).toISOString(),
    summary: {
      projectName: s(plan.summary.projectName),
      sector: s(plan.summary.sector),
      city: s(plan.summary.city),
      pitch: s(plan.summary.pitch),
    },
    promoters: {
      experience: s(plan.promoters.experience),
      skills: s(plan.promoters.skills),
      team: s(plan.promoters.team),
    },
    product: { description: s(plan.product.description), difference: s(plan.product.difference) },
    market: {
      customers: s(plan.market.customers),
      marketSize: s(plan.market.marketSize),
      marketSizeFigure: s(plan.market.marketSizeFigure),
      competitors: (plan.market.competitors ?? []).map((c) => ({
        name: c.name,
        priceCentimes: c.priceCentimes ?? null,
      })),
      priceCentimes: plan.market.priceCentimes ?? null,
      salesPlaces: s(plan.market.salesPlaces),
    },
    marketing: { strategy: s(plan.marketing.strategy), channels: s(plan.marketing.channels) },
    operations: {
      premises: s(plan.operations.premises),
      equipment: s(plan.operations.equipment),
      suppliers: s(plan.operations.suppliers),
      staff: s(plan.operations.staff),
    },
    legal: { form: s(plan.legal.form), reason: s(plan.legal.reason) },
    financial: {
      startupCosts: (f.startupCosts ?? []).map((c) => ({ ...c })),
      funding: (f.funding ?? []).map((x) => ({ ...x })),
      months: normaliseMonths(f.months).map((m) => ({ ...m })),
      years: (f.years ?? []).map((y) => ({ ...y })),
      totals: summariseFinancial(f),
    },
    risks: { risks: s(plan.risks.risks), mitigation: s(plan.risks.mitigation) },
  };
}

type PlanSections = Parameters<typeof toPlanDocument>[0];

function section(snapshot: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = snapshot[key];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * A document frozen in a grant application's snapshot, made whole again: a missing
 * section reads as empty and the totals are computed again from the frozen figures
 * (the same pure functions, so the same totals). The snapshot is JSON this module
 * wrote (`toPlanDocument`); the casts only name the shape it was written with.
 */
export function planDocumentFromSnapshot(snapshot: unknown): PlanDocument {
  const root = snapshot && typeof snapshot === "object" ? (snapshot as Record<string, unknown>) : {};
  const f = section(root, "financial");
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const plan = {
    id: typeof root.planId === "string" ? root.planId : "",
    updatedAt: typeof root.updatedAt === "string" ? new Date(root.updatedAt) : new Date(0),
    summary: section(root, "summary"),
    promoters: section(root, "promoters"),
    product: section(root, "product"),
    market: section(root, "market"),
    marketing: section(root, "marketing"),
    operations: section(root, "operations"),
    legal: section(root, "legal"),
    financial: {
      startupCosts: list(f.startupCosts),
      funding: list(f.funding),
      months: list(f.months),
      years: list(f.years),
    },
    risks: section(root, "risks"),
  } as PlanSections;
  return toPlanDocument(plan);
}
