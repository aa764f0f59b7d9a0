import { z } from "~/lib/forms.server";
import { VULNERABILITIES } from "~/modules/protection/rules";
import { codeField, dateField, idField, moneyField } from "~/lib/fields.server";
import { ITEM_KINDS } from "./constants";

const isoDate = dateField();

export const MovementSchema = z
  .object({
    kind: z.enum(["receipt", "adjustment", "transfer_out"]),
    itemId: z.uuid(),
    quantity: z.coerce.number().int().min(-100_000).max(100_000),
    reason: z.string().trim().max(300).optional(),
    toWarehouseId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.quantity === 0 || (v.kind !== "adjustment" && v.quantity < 0))
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "errors.outOfRange" });
    if (v.kind === "adjustment" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "aid.errors.reasonRequired" });
    if (v.kind === "transfer_out" && !v.toWarehouseId)
      ctx.addIssue({ code: "custom", path: ["toWarehouseId"], message: "errors.required" });
  });
export type MovementInput = z.infer<typeof MovementSchema>;

/** What a round is, as created and as corrected before its hand-out starts. */
const roundFacts = z.object({
  name: z.string().trim().min(1).max(120),
  startsOn: isoDate,
  endsOn: isoDate,
  perHousehold: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  eligibilityVulnerability: z.enum(VULNERABILITIES).optional(),
});
const endsAfterStart = (v: { startsOn: string; endsOn: string }) => v.endsOn >= v.startsOn;
const endsAfterStartError = { path: ["endsOn"], message: "aid.errors.endsBeforeStarts" };

export const RoundSchema = roundFacts
  .extend({ warehouseId: z.uuid(), itemId: z.uuid(), quantity: z.coerce.number().int().min(1).max(100) })
  .refine(endsAfterStart, endsAfterStartError);
export type RoundInput = z.infer<typeof RoundSchema>;

export const CorrectRoundSchema = roundFacts.refine(endsAfterStart, endsAfterStartError);
export type CorrectRoundInput = z.infer<typeof CorrectRoundSchema>;

export const RemoveRoundItemSchema = z.object({ itemId: z.uuid() });

export const DistributeSchema = z.object({ caseId: z.uuid() });

/** Correcting a hand-out made by mistake: which one, and why (kept in the ledger). */
export const CorrectDistributionSchema = z.object({
  distributionId: z.uuid(),
  reason: z.string({ message: "aid.correct.reasonRequired" }).trim().min(1, "aid.correct.reasonRequired").max(300),
});

export const RoundItemSchema = z.object({ itemId: z.uuid(), quantity: z.coerce.number().int().min(1).max(100) });

export const IssueVoucherSchema = z.object({ itemId: z.uuid() });

export const RedeemSchema = z.object({ code: z.string().trim().min(1).max(40) });

export const CreateShopSchema = z.object({
  name: z.string().trim().min(1).max(120),
  organisationId: z.uuid(),
  city: codeField("city").optional(),
});

export const ShopActiveSchema = z.object({ shopId: z.uuid() });

/**
 * A catalogue item as the admin corrects it: its names in three languages (French
 * required) and its unit, the kind and a voucher's face value (fixed once stock moved).
 */
export const CorrectItemSchema = z
  .object({
    itemId: idField(),
    /** the item as the form showed it (versionOf): a correction of a changed item is refused */
    version: z.string().max(16).default(""),
    nameFr: z.string().trim().min(1).max(120),
    nameAr: z.string().trim().max(120).default(""),
    nameEn: z.string().trim().max(120).default(""),
    kind: z.enum(ITEM_KINDS),
    faceValue: moneyField("errors.money", { min: 1, max: 10_000_000 }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "voucher" && v.faceValue === undefined)
      ctx.addIssue({ code: "custom", path: ["faceValue"], message: "aid.items.errors.faceValue" });
  })
  .transform(({ faceValue, ...v }) => ({
    ...v,
    // only a voucher has a face value (the table's check): another kind's is dropped
    faceValueCentimes: v.kind === "voucher" ? (faceValue ?? null) : null,
  }));
export type CorrectItemInput = z.infer<typeof CorrectItemSchema>;
