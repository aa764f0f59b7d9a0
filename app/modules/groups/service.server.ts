/**
 * Writes of group activities: record a session and correct it, each in one transaction
 * with its audit row (the names of the fields a correction changed, never their values).
 * Linked case files must be open files of the actor's own association.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { beneficiaryCases, groupActivities, groupActivityParticipants, type GroupActivity } from "~db/schema";
import { changedFields } from "~/lib/changes";
import { fail, type Failure, type Meta } from "~/lib/result";
import type { Actor } from "~/modules/auth/permissions";
import { auditRecord } from "~/modules/audit/service.server";
import { HEADCOUNT_KEYS } from "./constants";
import type { ActivityInput } from "./schemas.server";

/** The association an actor records for; a case worker without one records nothing. */
function associationOf(actor: Actor): string {
  if (actor.role !== "case_worker" || !actor.organisationId) throw new Response("Forbidden", { status: 403 });
  return actor.organisationId;
}

/** The columns of a session as the form gives them. */
function columnsOf(input: ActivityInput) {
  return {
    kind: input.kind,
    topic: input.topic,
    heldOn: input.heldOn,
    city: input.city,
    venue: input.venue || null,
    facilitator: input.facilitator,
    ...Object.fromEntries(HEADCOUNT_KEYS.map((k) => [k, input[k]])),
    moroccans: input.moroccans,
    migrants: input.migrants,
  } satisfies Partial<GroupActivity>;
}

/** The linked case files, if every one is a live file of the association; else null. */
async function ownCases(tx: Executor, organisationId: string, caseIds: readonly string[]): Promise<string[] | null> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: beneficiaryCases.id })
    .from(beneficiaryCases)
    .where(
      and(
        inArray(beneficiaryCases.id, ids),
        eq(beneficiaryCases.organisationId, organisationId),
        isNull(beneficiaryCases.anonymisedAt),
      ),
    );
  return rows.length === ids.length ? ids : null;
}

export async function recordActivity(
  db: Database,
  actor: Actor,
  input: ActivityInput,
  meta: Meta,
): Promise<{ ok: true; id: string } | Failure> {
  const organisationId = associationOf(actor);
  return db.transaction(async (tx) => {
    const linked = await ownCases(tx, organisationId, input.participants);
    if (!linked) return fail(400, { participants: "groups.errors.participant" });
    const [row] = await tx
      .insert(groupActivities)
      .values({ ...columnsOf(input), organisationId, recordedById: actor.id })
      .returning({ id: groupActivities.id });
    if (!row) throw new Error("group activity not written");
    if (linked.length)
      await tx.insert(groupActivityParticipants).values(linked.map((caseId) => ({ activityId: row.id, caseId })));
    await auditRecord(tx, actor, "groups.activity.record", ["group_activity", row.id], meta.ip);
    return { ok: true as const, id: row.id };
  });
}

/**
 * A correction of a session of the actor's association: only what changed is written,
 * and the audit row names it. A session of another association is "not found".
 */
export async function correctActivity(
  db: Database,
  actor: Actor,
  activityId: string,
  input: ActivityInput,
  meta: Meta,
): Promise<{ ok: true; fields: string[] } | Failure> {
  const organisationId = associationOf(actor);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(groupActivities)
      .where(and(eq(groupActivities.id, activityId), eq(groupActivities.organisationId, organisationId)))
      .for("update");
    if (!before) throw new Response("Not Found", { status: 404 });
    const linked = await ownCases(tx, organisationId, input.participants);
    if (!linked) return fail(400, { participants: "groups.errors.participant" });
    const { fields, changes } = changedFields(before, columnsOf(input));
    const current = await tx
      .select({ caseId: groupActivityParticipants.caseId })
      .from(groupActivityParticipants)
      .where(eq(groupActivityParticipants.activityId, activityId));
    const had = new Set(current.map((r) => r.caseId));
    const added = linked.filter((id) => !had.has(id));
    const removed = [...had].filter((id) => !linked.includes(id));
    if (fields.length)
      await tx
        .update(groupActivities)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(groupActivities.id, activityId));
    if (added.length)
      await tx.insert(groupActivityParticipants).values(added.map((caseId) => ({ activityId, caseId })));
    if (removed.length)
      await tx
        .delete(groupActivityParticipants)
        .where(
          and(eq(groupActivityParticipants.activityId, activityId), inArray(groupActivityParticipants.caseId, removed)),
        );
    const all = added.length || removed.length ? [...fields, "participants"] : fields;
    if (all.length)
      await auditRecord(tx, actor, "groups.activity.correct", ["group_activity", activityId], meta.ip, all);
    return { ok: true as const, fields: all };
  });
}
