/**
 * Demo group activities (one per association, one with a linked case file) and the
 * household of PR-DEMO-A1. Safe to run again: nothing is written twice.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { groupActivities, groupActivityParticipants, householdMembers, type NewGroupActivity } from "../schema";
import type { FoundationSeed } from "./foundation";
import type { seedProtection } from "./protection";
import { isoDay } from "./days";

type ProtectionSeed = Awaited<ReturnType<typeof seedProtection>>;

export async function seedGroups(db: Database, foundation: FoundationSeed, protection: ProtectionSeed) {
  const { orgs, accounts } = foundation;
  async function demoActivity(values: NewGroupActivity, linked: string[]) {
    const [found] = await db
      .select()
      .from(groupActivities)
      .where(
        and(
          eq(groupActivities.organisationId, values.organisationId),
          eq(groupActivities.facilitator, values.facilitator),
        ),
      );
    if (found) return found;
    const [row] = await db.insert(groupActivities).values(values).returning();
    if (!row) throw new Error("demo activity not written");
    if (linked.length)
      await db.insert(groupActivityParticipants).values(linked.map((caseId) => ({ activityId: row.id, caseId })));
    return row;
  }
  const a = await demoActivity(
    {
      organisationId: orgs.assocA.id,
      kind: "awareness",
      topic: "rights_and_services",
      heldOn: isoDay(-12),
      city: "rabat",
      facilitator: "Khadija Ennaciri",
      female18to24: 6,
      female25to59: 9,
      male18to24: 4,
      male25to59: 7,
      female5to11: 3,
      moroccans: 5,
      migrants: 20,
      recordedById: accounts.caseworker.id,
    },
    [protection.cases.a1.id],
  );
  const b = await demoActivity(
    {
      organisationId: orgs.assocB.id,
      kind: "psychosocial",
      topic: "mental_wellbeing",
      heldOn: isoDay(-20),
      city: "oujda",
      facilitator: "Youssef Amrani",
      female25to59: 8,
      male25to59: 3,
      recordedById: accounts.caseworker2.id,
    },
    [],
  );
  const a1 = protection.cases.a1.id;
  const [member] = await db.select().from(householdMembers).where(eq(householdMembers.caseId, a1));
  if (!member) {
    const year = Number(isoDay(0).slice(0, 4));
    await db.insert(householdMembers).values([
      { caseId: a1, relationship: "child", sex: "female", birthYear: year - 6, createdById: accounts.caseworker.id },
      { caseId: a1, relationship: "child", sex: "male", birthYear: year - 3, createdById: accounts.caseworker.id },
    ]);
  }
  return { activities: { a, b } };
}
