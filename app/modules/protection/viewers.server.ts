/**
 * Who opened a case file: its own page for the supervisors of the owning association
 * (docs/decisions/0214-viewers-own-page.md), out of the file itself, which every case
 * worker opens every day and which no longer reads, sends nor renders the list.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "~db/client";
import { auditLog, users } from "~db/schema";
import type { Actor } from "~/modules/auth/permissions";
import { auditRecord } from "~/modules/audit/service.server";
import type { Meta } from "~/lib/result";
import { requireSupervisorOfCase } from "./case-access.server";

/**
 * Openings listed per page, newest first; one more is read to know whether an older page
 * follows, without counting the case's audit rows (a count would read them all).
 */
export const VIEWERS_PER_PAGE = 50;

/** The kinds of reading listed: an opening of the file, its export, its line on a distribution sheet. */
export const VIEWER_ACTIONS = ["protection.case.view", "protection.case.export", "protection.case.sheet"] as const;

/**
 * The audit row of a reading of this page: listed nowhere on it (it shows no one's
 * record, only who read it), kept in the audit log like any other reading.
 */
export const VIEWERS_READ_ACTION = "protection.case.viewers";

/** A page of viewers as read (one more than shown): the page's rows, and whether older ones follow. */
export function viewersPage<V>(read: readonly V[]): { viewers: V[]; olderViewers: boolean } {
  return { viewers: read.slice(0, VIEWERS_PER_PAGE), olderViewers: read.length > VIEWERS_PER_PAGE };
}

/**
 * Page `page` of the openings of case `caseId`, for a supervisor of the association that
 * owns it (403 to its other case workers and to a receiving association, 404 to anyone
 * else). The page is cut from the case's audit rows alone, in the order of their index
 * (entity, at, id), whatever the number of openings, and each row's name is looked up
 * by key (null for a deleted account).
 */
export async function caseViewers(db: Executor, actor: Actor, caseId: string, page: number, meta: Meta) {
  const c = await requireSupervisorOfCase(db, actor, caseId);
  const cut = db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "beneficiary_case"),
        eq(auditLog.entityId, c.id),
        inArray(auditLog.action, [...VIEWER_ACTIONS]),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(VIEWERS_PER_PAGE + 1)
    .offset((page - 1) * VIEWERS_PER_PAGE)
    .as("cut");
  const [read] = await Promise.all([
    db
      .select({
        at: cut.at,
        action: cut.action,
        // by key for each row of the page (a join would be planned as a hash of every account)
        name: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${cut.actorId})`,
      })
      .from(cut)
      .orderBy(desc(cut.at), desc(cut.id)),
    auditRecord(db, actor, VIEWERS_READ_ACTION, ["beneficiary_case", c.id], meta.ip),
  ]);
  return { case: { id: c.id, reference: c.reference }, page, ...viewersPage(read) };
}
