/** User administration by admins: staff accounts, their set-up codes, roles, deactivation, organisations. */
import { eq } from "drizzle-orm";
import type { Database, Executor } from "~db/client";
import type { Code } from "~/i18n/codes";
import { organisations, protectionSupervisors, shops, users, type User } from "~db/schema";
import { audit, auditRecord, type AuditActor } from "~/modules/audit/service.server";
import { notify } from "~/modules/notifications/service.server";
import { caseAccessOnEntry, NO_CASE_ACCESS, suspendCaseAccess } from "./case-access.server";
import { grantsCaseAccess } from "./rules";
import type { Role } from "./roles";
import type { CreateStaffInput } from "./schemas.server";
import { invalidateUserSessions } from "./session.server";
import { fail, type Result } from "~/lib/result";
import { refuseDuplicate } from "~/lib/result.server";
import { issuePasswordSetup, unlessContactTaken } from "./service.server";

/**
 * Where an account sits: a shop's account takes its shop's association, whatever the
 * form said; any other account has no shop. null when the shop does not exist.
 */
async function placement(
  db: Executor,
  input: { organisationId: string | null; shopId: string | null },
): Promise<{ organisationId: string | null; shopId: string | null } | null> {
  if (!input.shopId) return { organisationId: input.organisationId, shopId: null };
  const [shop] = await db
    .select({ id: shops.id, organisationId: shops.organisationId })
    .from(shops)
    .where(eq(shops.id, input.shopId));
  return shop ? { organisationId: shop.organisationId, shopId: shop.id } : null;
}

export async function createStaffUser(
  db: Database,
  actor: NonNullable<AuditActor>,
  input: CreateStaffInput,
  meta: { ip: string; baseUrl: string },
): Promise<Result<{ user: User; code: string; expiresAt: Date }>> {
  const place = await placement(db, input);
  if (!place) return fail(400, { shopId: "errors.invalid" });
  return unlessContactTaken(() =>
    db.transaction(async (tx) => {
      // a case worker waits for the association's supervisor (unless the association is new and empty)
      const caseAccess =
        input.role === "case_worker" && place.organisationId
          ? await caseAccessOnEntry(tx, place.organisationId, "new_account")
          : NO_CASE_ACCESS;
      const [user] = await tx
        .insert(users)
        .values({
          displayName: input.displayName,
          email: input.email,
          phone: input.phone,
          role: input.role,
          ...place,
          ...caseAccess,
          locale: input.locale,
        })
        .returning();
      if (!user) throw new Error("insert returned no row");
      const { code, expiresAt } = await issuePasswordSetup(tx, user.id);
      await audit(tx, { actor, action: "user.create", entityType: "user", entityId: user.id, ip: meta.ip });
      await notify(tx, {
        userId: user.id,
        kind: "notify.passwordSetup",
        params: { code, link: `${meta.baseUrl}/set-password?code=${code}` },
        channels: ["email", "sms"],
        inApp: false,
        actorId: actor.id,
      });
      return { ok: true as const, user, code, expiresAt };
    }),
  );
}

export async function reissuePasswordSetup(
  db: Database,
  actor: NonNullable<AuditActor>,
  userId: string,
  meta: { ip: string; baseUrl: string },
): Promise<Result<{ code: string; expiresAt: Date }>> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) return fail(404, {});
    const issued = await issuePasswordSetup(tx, userId);
    // the admin sees the code: a case worker's account waits for its supervisor again
    if (await suspendCaseAccess(tx, userId))
      await auditRecord(tx, actor, "user.case_access_suspended", ["user", userId], meta.ip);
    await audit(tx, { actor, action: "user.password_setup_issued", entityType: "user", entityId: userId, ip: meta.ip });
    await notify(tx, {
      userId,
      kind: "notify.passwordSetup",
      params: { code: issued.code, link: `${meta.baseUrl}/set-password?code=${issued.code}` },
      channels: ["email", "sms"],
      inApp: false,
      actorId: actor.id,
    });
    return { ok: true as const, ...issued };
  });
}

/** Admins cannot lock themselves out: no deactivating or demoting one's own account. */
export async function setUserActive(
  db: Database,
  actor: NonNullable<AuditActor>,
  userId: string,
  active: boolean,
  meta: { ip: string },
): Promise<Result> {
  if (userId === actor.id) return fail(400, { form: "errors.admin.self" });
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ isActive: active, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) return fail(404, {});
    if (!active) await invalidateUserSessions(tx, userId);
    await auditRecord(tx, actor, active ? "user.reactivate" : "user.deactivate", ["user", userId], meta.ip);
    return { ok: true as const };
  });
}

/**
 * A new role or organisation ends the person's sessions: their next request signs
 * them in afresh, under the session rules of the new role.
 */
export async function updateUserRole(
  db: Database,
  actor: NonNullable<AuditActor>,
  userId: string,
  input: { role: Role; organisationId: string | null; shopId: string | null },
  meta: { ip: string },
): Promise<Result> {
  if (userId === actor.id) return fail(400, { form: "errors.admin.self" });
  const place = await placement(db, input);
  if (!place) return fail(400, { shopId: "errors.invalid" });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, organisationId: users.organisationId })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) return fail(404, {});
    const after = { role: input.role, organisationId: place.organisationId };
    // into (another) association as a case worker: its supervisor confirms first; out of case work: nothing left
    const caseAccess = grantsCaseAccess(before, after)
      ? await caseAccessOnEntry(tx, place.organisationId!, "role_change", userId)
      : input.role === "case_worker"
        ? {}
        : NO_CASE_ACCESS;
    await tx
      .update(users)
      .set({ role: input.role, ...place, ...caseAccess, updatedAt: new Date() })
      .where(eq(users.id, userId));
    // a supervisor named for one association is not one in the next, nor outside case work
    if (before.role !== after.role || before.organisationId !== after.organisationId)
      await tx.delete(protectionSupervisors).where(eq(protectionSupervisors.userId, userId));
    await invalidateUserSessions(tx, userId);
    await audit(tx, { actor, action: "user.role_change", entityType: "user", entityId: userId, ip: meta.ip });
    return { ok: true as const };
  });
}

export async function createOrganisation(
  db: Database,
  actor: NonNullable<AuditActor>,
  input: { name: string; kind: (typeof organisations.$inferInsert)["kind"]; city?: Code<"city"> },
  meta: { ip: string },
): Promise<Result<{ id: string }>> {
  return refuseDuplicate(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(organisations)
          .values({ name: input.name, kind: input.kind, city: input.city ?? null })
          .returning({ id: organisations.id });
        if (!row) throw new Error("insert returned no row");
        await auditRecord(tx, actor, "organisation.create", ["organisation", row.id], meta.ip);
        return { ok: true as const, id: row.id };
      }),
    fail(400, { name: "errors.organisation.taken" }),
  );
}
