/**
 * A supervisor confirms the case-worker accounts of their association that an admin
 * created, moved there, or issued a set-up code for (app/modules/auth/case-access.server.ts):
 * until then those accounts reach no protection data. Only a supervisor whose own access
 * is confirmed (their session carries the association) confirms anyone, and never themselves.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import { organisations, protectionSupervisors, users } from "~db/schema";
import { audit } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import type { Meta } from "~/lib/result";
import { forbidden, notFound } from "./case-access.server";
import { isSupervisor } from "./queries.server";

/** The actor's association when they supervise it (with a confirmed access), else null. */
export async function supervisedAssociation(db: Executor, actor: Actor): Promise<string | null> {
  if (actor.role !== "case_worker" || !actor.organisationId) return null;
  return (await isSupervisor(db, actor.id)) ? actor.organisationId : null;
}

/** Accounts of `org` waiting for a supervisor: active case workers whose access is not confirmed for it. */
function waiting(org: string) {
  return and(
    eq(users.organisationId, org),
    eq(users.role, "case_worker"),
    eq(users.isActive, true),
    sql`${users.caseAccessOrganisationId} is distinct from ${users.organisationId}`,
  );
}

/**
 * For an account waiting for its supervisor (its session has no association): its
 * association and the supervisors who can confirm it (confirmed themselves, active).
 */
export async function waitingFor(db: Executor, userId: string) {
  const [own] = await db
    .select({ organisationId: users.organisationId, name: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  if (!own?.organisationId) return null;
  const supervisors = await db
    .select({ name: users.displayName })
    .from(protectionSupervisors)
    .innerJoin(users, eq(users.id, protectionSupervisors.userId))
    .where(
      and(
        eq(users.organisationId, own.organisationId),
        eq(users.caseAccessOrganisationId, own.organisationId),
        eq(users.isActive, true),
        ne(users.id, userId),
      ),
    )
    .orderBy(asc(users.displayName));
  return { association: own.name, supervisors: supervisors.map((s) => s.name) };
}

export async function pendingStaff(db: Executor, actor: Actor) {
  const org = await supervisedAssociation(db, actor);
  if (!org) forbidden();
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      phone: users.phone,
      reason: users.caseAccessPendingReason,
      since: users.caseAccessPendingSince,
    })
    .from(users)
    .where(waiting(org))
    .orderBy(asc(users.caseAccessPendingSince), asc(users.displayName));
}

export async function countPendingStaff(db: Executor, actor: Actor): Promise<number | null> {
  const org = await supervisedAssociation(db, actor);
  if (!org) return null;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(waiting(org));
  return row?.n ?? 0;
}

/**
 * Confirm one account: a conditional update, so an account an admin moved away meanwhile
 * (or already confirmed) is not confirmed for this association (404).
 */
export async function confirmStaff(db: Database, actor: Actor, userId: string, meta: Meta) {
  const org = await supervisedAssociation(db, actor);
  if (!org) forbidden();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        caseAccessOrganisationId: sql`${users.organisationId}`,
        caseAccessConfirmedById: actor.id,
        caseAccessConfirmedAt: new Date(),
        caseAccessPendingReason: null,
        caseAccessPendingSince: null,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, userId), ne(users.id, actor.id), waiting(org)))
      .returning({ id: users.id });
    if (!row) notFound();
    await audit(tx, { actor, action: "protection.staff.confirm", entityType: "user", entityId: row.id, ip: meta.ip });
  });
}
