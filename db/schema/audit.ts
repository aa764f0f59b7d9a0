import { bigserial, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { roleEnum } from "./auth";
import { stamp } from "./columns";

/**
 * Who did what to which record, and when. Never field values: the log itself must
 * not become a copy of the sensitive data it watches over.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    actorId: uuid(),
    actorRole: roleEnum(),
    organisationId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    ip: text(),
    /** for a correction: the names of the fields it changed (never their values) */
    fields: text().array(),
    /** for a correction or an undo that asks why: the reason's code (never free text) */
    reason: text(),
    at: stamp(),
  },
  (t) => [
    // a record's rows newest first, ties by id: a page of a case's viewers is read in the
    // index's order and stops after the page (docs/decisions/0207-case-file-database-work.md)
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_at_idx").on(t.at),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
