import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import {
  businessPlans,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_PLAN,
  planAttachments,
  planComments,
  type BusinessPlan,
} from "~db/schema";
import type { MessageKey } from "~/i18n/translate";
import { audit, auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { isCurrentCoachOf } from "~/modules/coaching/queries.server";
import { dropOpenFlag } from "~/modules/codes/flags.server";
import { stripMetadata } from "~/lib/file-metadata.server";
import { safeFilename, sniffType } from "./attachments";
import type { PlanStep } from "./constants";
import { isUuid } from "~/lib/ids";
import { fail, type Meta, type Result } from "~/lib/result";

export async function createPlan(db: Executor, actor: Actor, meta: Meta = {}): Promise<BusinessPlan> {
  return db.transaction(async (tx) => {
    const [plan] = await tx.insert(businessPlans).values({ ownerId: actor.id }).returning();
    if (!plan) throw new Error("plan not created");
    await audit(tx, { actor, action: "plan.create", entityType: "business_plan", entityId: plan.id, ip: meta.ip });
    return plan;
  });
}

/** Save one step of the owner's own plan; 404 when the plan is not theirs. */
export async function saveStep<S extends PlanStep>(
  db: Executor,
  actor: Actor,
  input: { planId: string; step: S; section: BusinessPlan[S] },
  meta: Meta = {},
): Promise<Result<{ plan: BusinessPlan }>> {
  if (!isUuid(input.planId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .update(businessPlans)
      .set({ [input.step]: input.section, updatedAt: sql`now()` })
      .where(and(eq(businessPlans.id, input.planId), eq(businessPlans.ownerId, actor.id)))
      .returning();
    if (!plan) return fail(404, {});
    // the person chose the plan's town: the text once typed no longer waits for the admin
    if (input.step === "summary") await dropOpenFlag(tx, "plan", plan.id, "city");
    await auditRecord(tx, actor, `plan.save.${input.step}`, ["business_plan", plan.id], meta.ip);
    return { ok: true as const, plan };
  });
}

/** A refused file is a 400 with its reason on the `file` field; a plan that is not the actor's, 404. */
export type UploadResult = Result<{ id: string }>;
const refuseFile = (message: MessageKey) => fail(400, { file: message });

/**
 * Store a file on the owner's plan. The type comes from the first bytes; images and PDFs
 * lose their metadata; the plan row is locked so two uploads at once cannot both take
 * the fifth place; the size is checked here and again by the database.
 */
export async function addAttachment(
  db: Executor,
  actor: Actor,
  input: { planId: string; filename: string; bytes: Uint8Array },
  meta: Meta = {},
): Promise<UploadResult> {
  if (!isUuid(input.planId)) return fail(404, {});
  if (input.bytes.length === 0) return refuseFile("plans.errors.file.required");
  if (input.bytes.length > MAX_ATTACHMENT_BYTES) return refuseFile("plans.errors.file.size");
  const type = sniffType(input.bytes);
  if (!type) return refuseFile("plans.errors.file.type");
  // photos lose their GPS position and owner, documents their author and XMP; a file that cannot be read as its type is refused
  const content = stripMetadata(type, input.bytes);
  if (!content) return refuseFile("plans.errors.file.type");
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: businessPlans.id })
      .from(businessPlans)
      .where(and(eq(businessPlans.id, input.planId), eq(businessPlans.ownerId, actor.id)))
      .for("update");
    if (!plan) return fail(404, {});
    const [existing] = await tx.select({ n: count() }).from(planAttachments).where(eq(planAttachments.planId, plan.id));
    if ((existing?.n ?? 0) >= MAX_ATTACHMENTS_PER_PLAN) return refuseFile("plans.errors.file.count");
    const [row] = await tx
      .insert(planAttachments)
      .values({
        planId: plan.id,
        uploadedById: actor.id,
        filename: safeFilename(input.filename, type),
        contentType: type,
        byteSize: content.length,
        content: Buffer.from(content.buffer, content.byteOffset, content.length),
      })
      .returning({ id: planAttachments.id });
    if (!row) throw new Error("attachment not stored");
    await auditRecord(tx, actor, "plan.attachment.add", ["plan_attachment", row.id], meta.ip);
    return { ok: true, id: row.id };
  });
}

export async function deleteAttachment(
  db: Executor,
  actor: Actor,
  input: { planId: string; attachmentId: string },
  meta: Meta = {},
): Promise<Result> {
  if (!isUuid(input.planId) || !isUuid(input.attachmentId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: businessPlans.id })
      .from(businessPlans)
      .where(and(eq(businessPlans.id, input.planId), eq(businessPlans.ownerId, actor.id)));
    if (!owned) return fail(404, {});
    const [row] = await tx
      .delete(planAttachments)
      .where(and(eq(planAttachments.id, input.attachmentId), eq(planAttachments.planId, owned.id)))
      .returning({ id: planAttachments.id });
    if (!row) return fail(404, {});
    await auditRecord(tx, actor, "plan.attachment.delete", ["plan_attachment", row.id], meta.ip);
    return { ok: true as const };
  });
}

/** A coach's comment on a section of a plan of someone they currently follow; 404 otherwise. */
export async function commentOnSection(
  db: Executor,
  actor: Actor,
  input: { planId: string; section: PlanStep; body: string },
  meta: Meta = {},
): Promise<Result> {
  if (actor.role !== "coach" || !isUuid(input.planId)) return fail(404, {});
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: businessPlans.id, ownerId: businessPlans.ownerId })
      .from(businessPlans)
      .where(eq(businessPlans.id, input.planId));
    if (!plan || !(await isCurrentCoachOf(tx, actor.id, plan.ownerId))) return fail(404, {});
    const [row] = await tx
      .insert(planComments)
      .values({ planId: plan.id, authorId: actor.id, section: input.section, body: input.body })
      .returning({ id: planComments.id });
    await audit(tx, { actor, action: "plan.comment", entityType: "plan_comment", entityId: row?.id, ip: meta.ip });
    return { ok: true as const };
  });
}
