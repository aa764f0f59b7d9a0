import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, id, stamp, ref } from "./columns";
import { SECTORS, PLAN_STEPS } from "../../app/modules/business-plans/constants";
import type { Code } from "../../app/i18n/codes";

export const planSectorEnum = pgEnum("plan_sector", SECTORS);

export const planSectionEnum = pgEnum("plan_section", PLAN_STEPS);

/** Shapes of the JSON sections; rules.ts and schemas.ts validate them. Money in centimes. */
/** `city`: a code of the towns list (decision 0168-plan-town-from-list; typed text before migration 0059) */
export type PlanSummary = { projectName?: string; sector?: string; city?: Code<"city">; pitch?: string };
export type PlanPromoters = { experience?: string; skills?: string; team?: string };
export type PlanProduct = { description?: string; difference?: string };
export type PlanCompetitor = { name: string; priceCentimes: number | null };
export type PlanMarket = {
  customers?: string;
  marketSize?: string;
  marketSizeFigure?: string;
  competitors?: PlanCompetitor[];
  priceCentimes?: number | null;
  salesPlaces?: string;
};
export type PlanMarketing = { strategy?: string; channels?: string };
export type PlanOperations = { premises?: string; equipment?: string; suppliers?: string; staff?: string };
export type PlanLegal = { form?: string; reason?: string };
export type StartupCost = { item: string; quantity: number; unitPriceCentimes: number };
export type FundingSource = { kind: string; label: string; amountCentimes: number };
export type MonthForecast = { revenueCentimes: number; costOfSalesCentimes: number; fixedCostsCentimes: number };
export type YearForecast = { revenueCentimes: number; costsCentimes: number };
export type PlanFinancial = {
  startupCosts?: StartupCost[];
  funding?: FundingSource[];
  /** always 12 months once saved */
  months?: MonthForecast[];
  /** years 2 and 3; year 1 is the sum of the 12 months */
  years?: YearForecast[];
};
export type PlanRisks = { risks?: string; mitigation?: string };

/**
 * A business plan: one row per plan, one JSON column per step of the builder. Drafts
 * are edited in place; grant applications freeze a `PlanDocument` snapshot of it.
 */
export const businessPlans = pgTable(
  "business_plans",
  {
    id: id(),
    ownerId: ref(() => users.id, { onDelete: "cascade" }).notNull(),
    summary: jsonb().$type<PlanSummary>().notNull().default({}),
    promoters: jsonb().$type<PlanPromoters>().notNull().default({}),
    product: jsonb().$type<PlanProduct>().notNull().default({}),
    market: jsonb().$type<PlanMarket>().notNull().default({}),
    marketing: jsonb().$type<PlanMarketing>().notNull().default({}),
    operations: jsonb().$type<PlanOperations>().notNull().default({}),
    legal: jsonb().$type<PlanLegal>().notNull().default({}),
    financial: jsonb().$type<PlanFinancial>().notNull().default({}),
    risks: jsonb().$type<PlanRisks>().notNull().default({}),
    createdAt: stamp(),
    updatedAt: stamp(),
  },
  (t) => [
    index("business_plans_owner_idx").on(t.ownerId),
    // the plan's town is a code of the towns list (the enum's own input refuses anything else)
    check(
      "business_plans_city_check",
      sql`(${t.summary} ->> 'city') is null or (${t.summary} ->> 'city')::city is not null`,
    ),
  ],
);

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_PLAN = 5;

export const planAttachments = pgTable(
  "plan_attachments",
  {
    id: id(),
    planId: ref(() => businessPlans.id, { onDelete: "cascade" }).notNull(),
    uploadedById: ref(() => users.id).notNull(),
    filename: text().notNull(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    content: bytea().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    index("plan_attachments_plan_idx").on(t.planId),
    check(
      "plan_attachments_size_check",
      sql`octet_length(${t.content}) between 1 and ${sql.raw(String(MAX_ATTACHMENT_BYTES))}`,
    ),
    check("plan_attachments_byte_size_check", sql`${t.byteSize} = octet_length(${t.content})`),
    check("plan_attachments_type_check", sql`${t.contentType} in ('application/pdf', 'image/jpeg', 'image/png')`),
  ],
);

/** A coach's comment on one section of a plan of a beneficiary they follow. */
export const planComments = pgTable(
  "plan_comments",
  {
    id: id(),
    planId: ref(() => businessPlans.id, { onDelete: "cascade" }).notNull(),
    authorId: ref(() => users.id).notNull(),
    section: planSectionEnum().notNull(),
    body: text().notNull(),
    createdAt: stamp(),
  },
  (t) => [
    index("plan_comments_plan_idx").on(t.planId),
    check("plan_comments_body_check", sql`length(${t.body}) between 1 and 4000`),
  ],
);

export type BusinessPlan = typeof businessPlans.$inferSelect;
export type NewBusinessPlan = typeof businessPlans.$inferInsert;
export type PlanAttachment = typeof planAttachments.$inferSelect;
export type PlanComment = typeof planComments.$inferSelect;
export type PlanSection = (typeof planSectionEnum.enumValues)[number];
export type PlanSector = (typeof planSectorEnum.enumValues)[number];
