import type { Executor } from "~db/client";
import { auditLog } from "~db/schema";
import type { Role } from "~/modules/auth/roles";

export type AuditActor = { id: string; role: Role; organisationId: string | null } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  /** a correction: the names of the fields it changed, never their values */
  fields?: readonly string[];
};

/**
 * One row per action on a record: who, in which role and organisation, what, on
 * which entity, when and from where. Never the values of the fields touched.
 * Call it inside the transaction of the change, so the two stand or fall together.
 */
export async function audit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values(auditRow(entry));
}

/** Many rows at once (an imported list's cases): one statement, same rows as `audit` each. */
export async function auditEach(db: Executor, entries: readonly AuditEntry[]) {
  if (entries.length) await db.insert(auditLog).values(entries.map(auditRow));
}

function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    organisationId: entry.actor?.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: entry.ip ?? null,
    fields: entry.fields?.length ? [...entry.fields] : null,
  };
}
