/** Reads of group activities, always scoped to the actor's association. */
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { groupActivities, groupActivityParticipants, headcountTotalSql } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { listCases } from "~/modules/protection/queries.server";

const PAGE = 100;

/** The association's sessions, newest first, with their headcount and linked case files. */
export async function listActivities(db: Executor, actor: Actor, period: { from?: string; to?: string } = {}) {
  if (!actor.organisationId) return [];
  const linked = db
    .select({ activityId: groupActivityParticipants.activityId, n: sql<number>`count(*)::int`.as("n") })
    .from(groupActivityParticipants)
    .groupBy(groupActivityParticipants.activityId)
    .as("linked");
  return db
    .select({
      id: groupActivities.id,
      kind: groupActivities.kind,
      topic: groupActivities.topic,
      heldOn: groupActivities.heldOn,
      city: groupActivities.city,
      facilitator: groupActivities.facilitator,
      total: sql<number>`${headcountTotalSql}::int`,
      linked: sql<number>`coalesce(${linked.n}, 0)::int`,
    })
    .from(groupActivities)
    .leftJoin(linked, eq(linked.activityId, groupActivities.id))
    .where(
      and(
        eq(groupActivities.organisationId, actor.organisationId),
        period.from ? gte(groupActivities.heldOn, period.from) : undefined,
        period.to ? lte(groupActivities.heldOn, period.to) : undefined,
      ),
    )
    .orderBy(desc(groupActivities.heldOn), desc(groupActivities.createdAt))
    .limit(PAGE);
}

/** One session of the actor's association and its linked case files' ids, or null. */
export async function getActivity(db: Executor, actor: Actor, activityId: string) {
  if (!actor.organisationId) return null;
  const [row] = await db
    .select()
    .from(groupActivities)
    .where(and(eq(groupActivities.id, activityId), eq(groupActivities.organisationId, actor.organisationId)));
  if (!row) return null;
  const participants = await db
    .select({ caseId: groupActivityParticipants.caseId })
    .from(groupActivityParticipants)
    .where(eq(groupActivityParticipants.activityId, activityId));
  return { ...row, participants: participants.map((p) => p.caseId) };
}

/**
 * The case files a session may be linked to: the association's own open files (not those
 * referred to it), named as the case worker sees them.
 */
export async function linkableCases(db: Executor, actor: Actor, alsoIds: readonly string[] = []) {
  const open = await listCases(db, actor);
  const own = open.filter((c) => c.organisationId === actor.organisationId);
  const missing = alsoIds.filter((id) => !own.some((c) => c.id === id));
  // a file linked before it was closed stays listed (ticked) on its session
  const closed = missing.length
    ? (await listCases(db, actor, { status: "closed" })).filter((c) => missing.includes(c.id))
    : [];
  return [...own, ...closed].map((c) => ({
    id: c.id,
    reference: c.reference,
    name: c.firstName && c.lastName ? `${c.firstName} ${c.lastName}` : null,
  }));
}
