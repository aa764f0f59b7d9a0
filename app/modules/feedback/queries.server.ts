/**
 * Complaints and feedback: the reads, each scoped by `visibleTo`, the one condition
 * that says which messages an actor reaches (the same as `mayRead` in rules.ts).
 */
import { aliasedTable, and, asc, desc, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "~db/client";
import { feedbackItems, users } from "~db/schema";
import { endOfMoroccoDay, startOfMoroccoDay } from "~/lib/morocco-time";
import type { Actor } from "~/modules/auth/permissions";
import { ASSIGNEE_ROLES, countByCategory, isOverdue, type CategoryCounts } from "./rules";

/**
 * Confidential messages: the focal point only. Others: admins, and the staff member
 * each is assigned to. Any other role reaches nothing.
 */
export function visibleTo(actor: Actor): SQL {
  if (actor.role === "focal_point") return eq(feedbackItems.confidential, true);
  const ordinary = eq(feedbackItems.confidential, false);
  if (actor.role === "admin") return ordinary;
  if ((ASSIGNEE_ROLES as readonly string[]).includes(actor.role)) {
    return and(ordinary, eq(feedbackItems.assignedToId, actor.id)) ?? sql`false`;
  }
  return sql`false`;
}

export const LIST_STATES = ["open", "overdue", "closed", "all"] as const;
export type ListState = (typeof LIST_STATES)[number];

const EXCERPT = 90;

/** The messages an actor handles, oldest due first; open ones by default. */
export async function listFeedback(db: Executor, actor: Actor, state: ListState = "open", now = new Date()) {
  const assignee = aliasedTable(users, "assignee");
  const where = [visibleTo(actor)];
  if (state === "open") where.push(ne(feedbackItems.status, "closed"));
  if (state === "closed") where.push(eq(feedbackItems.status, "closed"));
  if (state === "overdue") where.push(ne(feedbackItems.status, "closed"), lte(feedbackItems.dueAt, now));
  const rows = await db
    .select({
      id: feedbackItems.id,
      category: feedbackItems.category,
      status: feedbackItems.status,
      receivedAt: feedbackItems.receivedAt,
      dueAt: feedbackItems.dueAt,
      answered: sql<boolean>`${feedbackItems.answer} is not null`,
      excerpt: sql<string>`left(${feedbackItems.message}, ${EXCERPT})`,
      assigneeName: assignee.displayName,
    })
    .from(feedbackItems)
    .leftJoin(assignee, eq(assignee.id, feedbackItems.assignedToId))
    .where(and(...where))
    .orderBy(state === "closed" ? desc(feedbackItems.receivedAt) : asc(feedbackItems.dueAt))
    .limit(200);
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, now) }));
}

/** One message, if the actor reaches it. */
export async function getFeedback(db: Executor, actor: Actor, feedbackId: string) {
  const assignee = aliasedTable(users, "assignee");
  const [row] = await db
    .select({ item: feedbackItems, assigneeName: assignee.displayName })
    .from(feedbackItems)
    .leftJoin(assignee, eq(assignee.id, feedbackItems.assignedToId))
    .where(and(eq(feedbackItems.id, feedbackId), visibleTo(actor)));
  return row ? { ...row.item, assigneeName: row.assigneeName } : null;
}

/** Who an admin may hand a message to: active admins, coaches and case workers. */
export async function listAssignees(db: Executor) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.isActive, true), inArray(users.role, [...ASSIGNEE_ROLES])))
    .orderBy(asc(users.displayName));
}

/** Whether anyone can read confidential messages: admins are warned when no focal point account is active. */
export async function hasActiveFocalPoint(db: Executor): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "focal_point"), eq(users.isActive, true)))
    .limit(1);
  return !!row;
}

/**
 * The dashboard's counts of the messages received in a period of Moroccan days, as they
 * stand now. Only categories, statuses and times are read: never a message or a contact.
 */
export async function countFeedback(
  db: Executor,
  period: { from: string; to: string },
  now = new Date(),
): Promise<CategoryCounts[]> {
  const items = await db
    .select({
      category: feedbackItems.category,
      status: feedbackItems.status,
      receivedAt: feedbackItems.receivedAt,
      dueAt: feedbackItems.dueAt,
      closedAt: feedbackItems.closedAt,
    })
    .from(feedbackItems)
    .where(
      and(
        gte(feedbackItems.receivedAt, startOfMoroccoDay(period.from)),
        lte(feedbackItems.receivedAt, endOfMoroccoDay(period.to)),
      ),
    );
  return countByCategory(items, now);
}
