/**
 * What admins manage for protection without seeing any case: who is a supervisor,
 * and the retention period after which inactive cases are anonymised.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "~db/client";
import { organisations, protectionSettings, protectionSupervisors, users } from "~db/schema";
import { audit, auditRecord } from "~/modules/audit/service.server";
import type { Actor } from "~/modules/auth/permissions";
import { anonymiseExpired, countExpired } from "./service.server";
import type { Meta } from "~/lib/result";

export async function supervisorsOverview(db: Database) {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      organisation: organisations.name,
      supervisor: protectionSupervisors.userId,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(protectionSupervisors, eq(protectionSupervisors.userId, users.id))
    .where(and(eq(users.role, "case_worker"), eq(users.isActive, true)))
    .orderBy(asc(organisations.name), asc(users.displayName));
  const [settings] = await db.select().from(protectionSettings);
  return {
    workers: rows.map((r) => ({ ...r, supervisor: Boolean(r.supervisor) })),
    retentionDays: settings?.retentionDays ?? null,
  };
}

export async function setSupervisor(db: Database, actor: Actor, userId: string, on: boolean, meta: Meta) {
  const [worker] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "case_worker")));
  if (!worker) throw new Response("Not Found", { status: 404 });
  await db.transaction(async (tx) => {
    if (on) await tx.insert(protectionSupervisors).values({ userId, grantedById: actor.id }).onConflictDoNothing();
    else await tx.delete(protectionSupervisors).where(eq(protectionSupervisors.userId, userId));
    await auditRecord(
      tx,
      actor,
      on ? "protection.supervisor.grant" : "protection.supervisor.revoke",
      ["user", userId],
      meta.ip,
    );
  });
}

export async function setRetention(db: Database, actor: Actor, retentionDays: number, meta: Meta) {
  await db.transaction(async (tx) => {
    await tx
      .insert(protectionSettings)
      .values({ id: true, retentionDays, updatedById: actor.id })
      .onConflictDoUpdate({
        target: protectionSettings.id,
        set: { retentionDays, updatedById: actor.id, updatedAt: new Date() },
      });
    await audit(tx, { actor, action: "protection.retention.set", entityType: "protection_settings", ip: meta.ip });
  });
}

/** How many cases applying the retention period now would anonymise; null when no period is set. */
export async function expiredCount(db: Database): Promise<number | null> {
  const [settings] = await db.select().from(protectionSettings);
  return settings ? countExpired(db, settings.retentionDays) : null;
}

/** Anonymise every case inactive for longer than the retention period; returns how many. */
export async function applyRetention(db: Database, actor: Actor, meta: Meta): Promise<number> {
  const [settings] = await db.select().from(protectionSettings);
  if (!settings) return 0;
  const count = await anonymiseExpired(db, settings.retentionDays, meta);
  await audit(db, { actor, action: "protection.retention.apply", entityType: "protection_settings", ip: meta.ip });
  return count;
}
