import { z } from "~/lib/forms.server";
import { codesField, dateField, moneyField } from "~/lib/fields.server";
import { MAX_CRITERIA } from "./constants";
export { MAX_CRITERIA };

const text = (max: number) => z.string().trim().max(max);
const money = moneyField("grants.errors.amount", { min: 1 });
const date = dateField("grants.errors.date");
const optionalInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

const score = z.coerce.number("errors.outOfRange").int("errors.outOfRange").min(1).max(100);

/** One row of the rubric; a row with neither a label nor a weight is blank and left out. */
const CriterionRowSchema = z
  .object({
    labelFr: text(200).optional(),
    labelAr: text(200).optional(),
    labelEn: text(200).optional(),
    descriptionFr: z.string().trim().optional(),
    descriptionAr: z.string().trim().optional(),
    descriptionEn: z.string().trim().optional(),
    max: score.default(10),
    weight: score.optional(),
  })
  .superRefine((row, ctx) => {
    if (!row.labelFr && row.weight !== undefined)
      ctx.addIssue({ code: "custom", path: ["labelFr"], message: "errors.required" });
    if (row.labelFr && row.weight === undefined)
      ctx.addIssue({ code: "custom", path: ["weight"], message: "errors.outOfRange" });
  });

/** The call form (parseRowsForm): the rubric comes as rows criteria[0..7]. */
export const CallSchema = z
  .object({
    titleFr: text(200).min(1),
    titleAr: text(200).default(""),
    titleEn: text(200).default(""),
    descriptionFr: text(4000).optional(),
    descriptionAr: text(4000).optional(),
    descriptionEn: text(4000).optional(),
    audience: z.enum(["migrants", "young_moroccans", "both"]),
    minAge: optionalInt(14, 99),
    maxAge: optionalInt(14, 99),
    /** none ticked: any region of residence */
    regions: codesField("region"),
    requiredTrainings: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))]),
    opensOn: date,
    closesOn: date,
    reviewDeadlineOn: date,
    budget: money,
    maxGrant: money,
    reviewersPerApplication: z.coerce.number().int().min(1).max(10).default(3),
    disagreementThreshold: z.coerce.number().int().min(1).max(100).default(25),
    quotaWomen: optionalInt(0, 100),
    quotaWomenBasis: z.enum(["budget", "awards"]).default("awards"),
    quotaMigrants: optionalInt(0, 100),
    quotaMigrantsBasis: z.enum(["budget", "awards"]).default("awards"),
    trancheSignature: z.coerce.number().int().min(0).max(100).default(50),
    trancheStarted: z.coerce.number().int().min(0).max(100).default(30),
    trancheSixMonths: z.coerce.number().int().min(0).max(100).default(20),
    trancheSixMonthsMilestone: z.literal("on").optional(),
    showNamesAfterScoring: z.literal("on").optional(),
    criteria: z
      .array(CriterionRowSchema)
      .max(MAX_CRITERIA)
      .default([])
      .transform((rows) =>
        rows.flatMap((r) =>
          r.labelFr && r.weight !== undefined
            ? [
                {
                  labelFr: r.labelFr,
                  // an empty translation stays empty: pages show the French, marked as French
                  labelAr: r.labelAr ?? "",
                  labelEn: r.labelEn ?? "",
                  descriptionFr: (r.descriptionFr ?? "").slice(0, 2000),
                  descriptionAr: (r.descriptionAr ?? "").slice(0, 2000),
                  descriptionEn: (r.descriptionEn ?? "").slice(0, 2000),
                  maxScore: r.max,
                  weight: r.weight,
                },
              ]
            : [],
        ),
      ),
  })
  .superRefine((v, ctx) => {
    if (v.closesOn <= v.opensOn)
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "grants.errors.closeAfterOpen" });
    if (v.reviewDeadlineOn < v.closesOn)
      ctx.addIssue({ code: "custom", path: ["reviewDeadlineOn"], message: "grants.errors.deadlineAfterClose" });
    if (v.minAge !== undefined && v.maxAge !== undefined && v.minAge > v.maxAge)
      ctx.addIssue({ code: "custom", path: ["maxAge"], message: "grants.errors.ages" });
    if (v.maxGrant > v.budget) ctx.addIssue({ code: "custom", path: ["maxGrant"], message: "grants.errors.maxGrant" });
    if (v.trancheSignature + v.trancheStarted + v.trancheSixMonths !== 100)
      ctx.addIssue({ code: "custom", path: ["trancheSignature"], message: "grants.errors.tranches" });
  });
export type CallInput = z.infer<typeof CallSchema>;

export const TransitionSchema = z.object({ to: z.enum(["open", "closed", "under_review", "deliberation", "decided"]) });
export const ScreenSchema = z.object({
  applicationId: z.uuid(),
  decision: z.enum(["eligible", "ineligible"]),
  reason: text(1000).min(1),
});
export const ConflictSchema = z.object({ reason: text(1000).min(1) });
export const ConflictDecisionSchema = z.object({ conflictId: z.uuid(), decision: z.enum(["confirmed", "dismissed"]) });
export const MoveAssignmentSchema = z.object({ assignmentId: z.uuid(), reviewerId: z.uuid() });
export const ReopenReviewSchema = z.object({
  assignmentId: z.uuid(),
  reason: text(1000).min(3, "grants.errors.reopenReason"),
});
export const AwardChangeSchema = z.object({
  applicationId: z.uuid(),
  amount: z.string().optional(),
  change: z.enum(["award", "remove"]),
  justification: text(2000).min(1, "grants.errors.justification"),
  /** an admin's reason to award an application with fewer reviews than the call asks */
  reviewOverride: text(2000).optional(),
});
export const CommentSchema = z.object({ applicationId: z.uuid(), comment: text(4000).min(1) });
export const PaymentSchema = z.object({
  trancheId: z.uuid(),
  method: z.enum(["bank_transfer", "cash", "mobile_money"]),
  reference: text(200).min(1),
});
export const TrancheConfirmSchema = z.object({ trancheId: z.uuid() });
export const ApplySchema = z.object({ planId: z.uuid() });

export const ScheduleSchema = z
  .object({
    trancheSignature: z.coerce.number().int().min(0).max(100),
    trancheStarted: z.coerce.number().int().min(0).max(100),
    trancheSixMonths: z.coerce.number().int().min(0).max(100),
    trancheSixMonthsMilestone: z.literal("on").optional(),
  })
  .refine((v) => v.trancheSignature + v.trancheStarted + v.trancheSixMonths === 100, {
    path: ["trancheSignature"],
    message: "grants.errors.tranches",
  });

/**
 * Correcting a call that opened: its texts, its later dates and a higher budget; the
 * rest is fixed (docs/decisions/0109-call-correction.md). A draft takes the whole `CallSchema`.
 */
export const OpenCallCorrectionSchema = z
  .object({
    titleFr: text(200).min(1),
    titleAr: text(200).default(""),
    titleEn: text(200).default(""),
    descriptionFr: text(4000).default(""),
    descriptionAr: text(4000).default(""),
    descriptionEn: text(4000).default(""),
    closesOn: date,
    reviewDeadlineOn: date,
    budget: money,
  })
  .refine((v) => v.reviewDeadlineOn >= v.closesOn, {
    path: ["reviewDeadlineOn"],
    message: "grants.errors.deadlineAfterClose",
  });
export type OpenCallCorrectionInput = z.infer<typeof OpenCallCorrectionSchema>;
