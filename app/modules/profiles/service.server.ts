import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { deletionRequests, profiles } from "~db/schema";
import { audit, auditRecord } from "~/modules/audit/service.server";
import { dropOpenFlag } from "~/modules/codes/flags.server";
import { notify } from "~/modules/notifications/service.server";
import type { Actor } from "~/modules/auth/permissions";
import type { ProfileInput } from "./schemas.server";
import type { Meta } from "~/lib/result";

export async function saveProfile(db: Executor, actor: Actor, input: ProfileInput, meta: Meta = {}) {
  const values = {
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    givenNameAr: input.givenNameAr ?? null,
    familyNameAr: input.familyNameAr ?? null,
    sex: input.sex ?? null,
    birthDate: input.birthDate ?? null,
    nationality: input.nationality ?? null,
    languagesSpoken: input.languagesSpoken,
    languagesRead: input.languagesRead,
    city: input.city ?? null,
    region: input.region ?? null,
    residentStatus: input.residentStatus ?? null,
    heardFrom: input.heardFrom ?? null,
    education: {
      level: input.educationLevel,
      field: input.educationField,
      diploma: input.educationDiploma,
      country: input.educationCountry,
    },
    experience: input.experience,
    skills: input.skills ?? null,
    seeks: input.seeks,
    updatedAt: sql`now()`,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(profiles)
      .values({ userId: actor.id, ...values })
      .onConflictDoUpdate({ target: profiles.userId, set: values });
    // the person chose their town: the text they once typed no longer waits for the admin
    await dropOpenFlag(tx, "profile", actor.id, "city");
    await audit(tx, { actor, action: "profile.save", entityType: "profile", entityId: actor.id, ip: meta.ip });
  });
}

/** One pending request per person (a partial unique index): asking twice changes nothing. */
export async function requestDeletion(db: Executor, actor: Actor, input: { reason?: string }, meta: Meta = {}) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(deletionRequests)
      .values({ userId: actor.id, reason: input.reason ?? null })
      .onConflictDoNothing()
      .returning({ id: deletionRequests.id });
    if (row) await auditRecord(tx, actor, "profile.deletion.request", ["deletion_request", row.id], meta.ip);
    return Boolean(row);
  });
}

export async function markDeletionHandled(db: Executor, actor: Actor, requestId: string, meta: Meta = {}) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(deletionRequests)
      .set({ status: "done", handledAt: sql`now()` })
      .where(and(eq(deletionRequests.id, requestId), eq(deletionRequests.status, "pending")))
      .returning({ id: deletionRequests.id });
    if (row) await auditRecord(tx, actor, "profile.deletion.done", ["deletion_request", row.id], meta.ip);
    return Boolean(row);
  });
}

/**
 * The person takes back their pending request before it is done: it is marked withdrawn
 * (never deleted, the audit keeps it) and they get a receipt. The status is checked in
 * the update itself, so a request marked done meanwhile stays done.
 */
export async function withdrawDeletionRequest(db: Executor, actor: Actor, meta: Meta = {}) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(deletionRequests)
      .set({ status: "withdrawn", handledAt: sql`now()` })
      .where(and(eq(deletionRequests.userId, actor.id), eq(deletionRequests.status, "pending")))
      .returning({ id: deletionRequests.id });
    if (!row) return false;
    await auditRecord(tx, actor, "profile.deletion.withdraw", ["deletion_request", row.id], meta.ip);
    await notify(tx, {
      userId: actor.id,
      kind: "profiles.notify.deletionWithdrawn",
      link: "/profile/deletion",
      channels: ["sms", "email"],
    });
    return true;
  });
}
