import { sql, type SQL } from "drizzle-orm";
import { runPrepared, type Executor } from "~db/client";
import { auditLog } from "~db/schema";
import type { Role } from "~/modules/auth/roles";

export type AuditActor = { id: string; role: Role; organisationId: string | null } | null;

type AuditEntry = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  /** a correction: the names of the fields it changed, never their values */
  fields?: readonly string[];
  /** a correction or an undo that asks why: the reason's code, never free text */
  reason?: string | null;
};

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
    reason: entry.reason ?? null,
  };
}

/**
 * One row per action on a record: who, in which role and organisation, what, on
 * which entity, when and from where. Never the values of the fields touched.
 * Call it inside the transaction of the change, so the two stand or fall together.
 */
export async function audit(db: Executor, entry: AuditEntry) {
  const row = auditRow(entry);
  if (row.fields) await db.insert(auditLog).values(row);
  else await runPrepared(db, "audit_insert", auditInsert, row);
}

/**
 * The insert of a row without fields (a view, an action), built once (`runPrepared`): a
 * case file's every opening writes one. Inside a transaction it is built as usual.
 */
const auditInsert = (db: Executor) =>
  db.insert(auditLog).values({
    actorId: sql.placeholder("actorId"),
    actorRole: sql.placeholder("actorRole"),
    organisationId: sql.placeholder("organisationId"),
    action: sql.placeholder("action"),
    entityType: sql.placeholder("entityType"),
    entityId: sql.placeholder("entityId"),
    ip: sql.placeholder("ip"),
    reason: sql.placeholder("reason"),
  });

/**
 * The usual row in one line: who did which action on which record, from where —
 * `auditRecord(tx, actor, "aid.round.create", ["distribution_round", round.id], meta.ip)`;
 * a correction adds the names of the fields it changed.
 */
export async function auditRecord(
  db: Executor,
  actor: AuditActor,
  action: string,
  [entityType, entityId]: readonly [entityType: string, entityId: string | null | undefined],
  ip: string | null | undefined,
  fields?: readonly string[],
) {
  await audit(db, { actor, action, entityType, entityId, ip, fields });
}

/**
 * The audit row written by the statement that reads the record (a data-modifying CTE:
 * one round trip, the row written exactly when the read finds what `from` selects):
 * `insert into audit_log ... select <actor>, action, entityType, <entityId> <from>`,
 * the actor and address as placeholders (`auditPlaceholders`), so the statement can be
 * built once (`runPrepared`). A case file's every opening by its owner writes one.
 */
export function auditInsertFrom(action: string, entityType: string, entityId: SQL, from: SQL): SQL {
  const p = (name: keyof ReturnType<typeof auditPlaceholders>) => sql.placeholder(name);
  return sql`insert into ${auditLog} (actor_id, actor_role, organisation_id, action, entity_type, entity_id, ip)
    select ${p("auditActorId")}::uuid, ${p("auditActorRole")}::"role", ${p("auditOrganisationId")}::uuid,
      ${action}, ${entityType}, ${entityId}, ${p("auditIp")}::text ${from}`;
}

/** The values of `auditInsertFrom`'s placeholders: who acts, from where (as `audit` writes them). */
export function auditPlaceholders(actor: AuditActor, ip: string | null | undefined) {
  const row = auditRow({ actor, action: "", entityType: "", ip });
  return {
    auditActorId: row.actorId,
    auditActorRole: row.actorRole,
    auditOrganisationId: row.organisationId,
    auditIp: row.ip,
  };
}

/**
 * The same action on many records (a sheet listing cases, an assignment ended, the
 * applications a closed offer declines): one row per record, written by one insert.
 */
export async function auditMany(db: Executor, entry: Omit<AuditEntry, "entityId">, entityIds: readonly string[]) {
  if (entityIds.length === 0) return;
  await db.insert(auditLog).values(entityIds.map((entityId) => auditRow({ ...entry, entityId })));
}
