import { and, asc, count, desc, eq, isNull, sql, type Placeholder } from "drizzle-orm";
import { isUuid } from "~/lib/ids";
import { runPrepared, type Executor } from "~db/client";
import {
  businessPlans,
  coachAssignments,
  planAttachments,
  planComments,
  users,
  type BusinessPlan,
  type PlanSection,
} from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";

export type PlanAccess = "owner" | "coach";
export type ReadablePlan = {
  plan: BusinessPlan;
  access: PlanAccess;
  ownerName: string;
  ownerLocale: "fr" | "ar" | "en";
};

/** The plan's owner is one this coach follows now (an ended assignment gives no access). */
function followedBy(coachId: string | Placeholder) {
  return and(
    eq(coachAssignments.beneficiaryId, businessPlans.ownerId),
    eq(coachAssignments.coachId, coachId),
    isNull(coachAssignments.endedAt),
  );
}

/**
 * The plan if this reader may see it: its owner, or the owner's current coach
 * (read-only). Null for everyone else, so routes answer 404 without telling
 * whether the plan exists.
 */
export async function getReadablePlan(db: Executor, actor: Actor, planId: string): Promise<ReadablePlan | null> {
  if (!isUuid(planId)) return null;
  if (actor.role === "applicant") {
    const [row] = await runPrepared(db, "plan_of_owner", planOfOwner, { planId, actorId: actor.id });
    return row ? { ...row, access: "owner" } : null;
  }
  if (actor.role === "coach") {
    const [row] = await runPrepared(db, "plan_of_coached", planOfCoached, { planId, actorId: actor.id });
    return row ? { ...row, access: "coach" } : null;
  }
  return null;
}

// the plan pages' reads, built once (`runPrepared`): a plan's page reads them on every visit
const planOfOwner = (db: Executor) =>
  db
    .select({ plan: businessPlans, ownerName: users.displayName, ownerLocale: users.locale })
    .from(businessPlans)
    .innerJoin(users, eq(users.id, businessPlans.ownerId))
    .where(and(eq(businessPlans.id, sql.placeholder("planId")), eq(businessPlans.ownerId, sql.placeholder("actorId"))));
const planOfCoached = (db: Executor) =>
  db
    .select({ plan: businessPlans, ownerName: users.displayName, ownerLocale: users.locale })
    .from(businessPlans)
    .innerJoin(users, eq(users.id, businessPlans.ownerId))
    .innerJoin(coachAssignments, followedBy(sql.placeholder("actorId")))
    .where(eq(businessPlans.id, sql.placeholder("planId")));

const ownPlans = (db: Executor) =>
  db
    .select()
    .from(businessPlans)
    .where(eq(businessPlans.ownerId, sql.placeholder("ownerId")))
    .orderBy(desc(businessPlans.updatedAt));

/** The owner's plans, the latest changed first (the applicant's home reads them on every visit: built once). */
export async function listOwnPlans(db: Executor, ownerId: string): Promise<BusinessPlan[]> {
  return runPrepared(db, "own_plans", ownPlans, { ownerId });
}

/** Plans of the beneficiaries this coach currently follows. */
export async function listCoachedPlans(db: Executor, coachId: string) {
  return db
    .select({ plan: businessPlans, ownerName: users.displayName })
    .from(businessPlans)
    .innerJoin(users, eq(users.id, businessPlans.ownerId))
    .innerJoin(coachAssignments, followedBy(coachId))
    .orderBy(desc(businessPlans.updatedAt));
}

/** Attachments of a plan the caller has already been allowed to read: names and sizes, never the bytes. */
export async function listAttachments(db: Executor, planId: string) {
  return runPrepared(db, "plan_attachments", planAttachmentList, { planId });
}
const planAttachmentList = (db: Executor) =>
  db
    .select({
      id: planAttachments.id,
      filename: planAttachments.filename,
      contentType: planAttachments.contentType,
      byteSize: planAttachments.byteSize,
      createdAt: planAttachments.createdAt,
    })
    .from(planAttachments)
    .where(eq(planAttachments.planId, sql.placeholder("planId")))
    .orderBy(asc(planAttachments.createdAt));

export async function getAttachmentContent(db: Executor, planId: string, attachmentId: string) {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db
    .select()
    .from(planAttachments)
    .where(and(eq(planAttachments.id, attachmentId), eq(planAttachments.planId, planId)));
  return row ?? null;
}

export async function listComments(db: Executor, planId: string, section?: PlanSection) {
  return db
    .select({
      id: planComments.id,
      section: planComments.section,
      body: planComments.body,
      createdAt: planComments.createdAt,
      authorName: users.displayName,
    })
    .from(planComments)
    .innerJoin(users, eq(users.id, planComments.authorId))
    .where(
      section
        ? and(eq(planComments.planId, planId), eq(planComments.section, section))
        : eq(planComments.planId, planId),
    )
    .orderBy(asc(planComments.createdAt));
}

export async function commentCounts(db: Executor, planId: string): Promise<Partial<Record<PlanSection, number>>> {
  const rows = await runPrepared(db, "plan_comment_counts", commentCountList, { planId });
  return Object.fromEntries(rows.map((r) => [r.section, r.n]));
}
const commentCountList = (db: Executor) =>
  db
    .select({ section: planComments.section, n: count() })
    .from(planComments)
    .where(eq(planComments.planId, sql.placeholder("planId")))
    .groupBy(planComments.section);
