import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client";
import { auditLog, organisations, users } from "~db/schema";
import type { Role } from "./roles";
import type { Identifier } from "./rules";

/** The users row an identifier names: by e-mail, phone or a slip's sign-in identifier. */
export function byIdentifier(identifier: Identifier): SQL {
  if (identifier.kind === "email") return eq(users.email, identifier.value);
  if (identifier.kind === "phone") return eq(users.phone, identifier.value);
  return eq(users.loginId, identifier.value);
}

/** Admin-only reads. The routes check `users:manage` (or the matching right) first. */
export async function listUsers(db: Database, filter: { role?: Role; q?: string; limit?: number }) {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.displayName, like), ilike(users.email, like), ilike(users.phone, like));
    if (match) conditions.push(match);
  }
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      phone: users.phone,
      role: users.role,
      isActive: users.isActive,
      organisationName: organisations.name,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.displayName))
    .limit(filter.limit ?? 200);
}

export async function getUserForAdmin(db: Database, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      phone: users.phone,
      role: users.role,
      organisationId: users.organisationId,
      shopId: users.shopId,
      isActive: users.isActive,
      locale: users.locale,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      caseAccessConfirmedAt: users.caseAccessConfirmedAt,
      caseAccessPending: sql<boolean>`${users.role} = 'case_worker' and ${users.caseAccessOrganisationId} is distinct from ${users.organisationId}`,
      caseAccessPendingReason: users.caseAccessPendingReason,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function listOrganisations(db: Database) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      city: organisations.city,
      // qualified by hand: without joins drizzle writes columns bare, and "id" would be the user's
      members: sql<number>`(select count(*)::int from ${users} u where u.organisation_id = ${organisations}.id)`,
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export async function listAudit(db: Database, filter: { entityType?: string; limit?: number }) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      fields: auditLog.fields,
      actorRole: auditLog.actorRole,
      actorName: users.displayName,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 200);
}
