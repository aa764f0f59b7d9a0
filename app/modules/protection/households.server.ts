/**
 * The household members of a case file: recorded and corrected by the owning
 * association's case workers, read with the case file (whose view is audited). The
 * members hold no names; each change writes an audit row naming the fields changed.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { runPrepared, type Database, type Executor } from "~db/client";
import { householdMembers } from "~db/schema";
import { changedFields } from "~/lib/changes";
import { moroccoToday } from "~/lib/morocco-time";
import { fail, type Failure, type Meta } from "~/lib/result";
import type { Actor } from "~/modules/auth/permissions";
import { audit, auditRecord } from "~/modules/audit/service.server";
import { MAX_HOUSEHOLD_MEMBERS } from "~/modules/groups/constants";
import { ageFromBirthYear, birthYearOf } from "~/modules/groups/rules";
import type { HouseholdMemberInput } from "~/modules/groups/schemas.server";
import { requireOwnCase } from "./case-access.server";
import { lockCase } from "./cases.server";

/** The members of a case's household, as the case file shows them (ages computed today). */
export const householdMemberFields = {
  id: householdMembers.id,
  relationship: householdMembers.relationship,
  sex: householdMembers.sex,
  birthYear: householdMembers.birthYear,
};
const householdQuery = (db: Executor) =>
  db
    .select(householdMemberFields)
    .from(householdMembers)
    .where(eq(householdMembers.caseId, sql.placeholder("id")))
    .orderBy(asc(householdMembers.createdAt), asc(householdMembers.id));

export async function householdOf(db: Executor, caseId: string, today = moroccoToday()) {
  return householdAges(await runPrepared(db, "protection_household_of", householdQuery, { id: caseId }), today);
}

/** The members as the case file shows them: an age today instead of a birth year. */
export function householdAges<M extends { birthYear: number | null }>(rows: M[], today = moroccoToday()) {
  return rows.map(({ birthYear, ...r }) => ({ ...r, age: ageFromBirthYear(birthYear, today) }));
}

/**
 * Adds a member, or corrects one (`memberId`). The case's row is locked while the members
 * are counted, so two additions at once cannot pass the limit together.
 */
export async function saveHouseholdMember(
  db: Database,
  actor: Actor,
  caseId: string,
  input: HouseholdMemberInput,
  meta: Meta,
): Promise<{ ok: true } | Failure> {
  await requireOwnCase(db, actor, caseId);
  const today = moroccoToday(meta.now);
  const birthYear = input.age === undefined ? null : birthYearOf(input.age, today);
  return db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    if (!input.memberId) {
      const [row] = await tx.select({ n: count() }).from(householdMembers).where(eq(householdMembers.caseId, caseId));
      if ((row?.n ?? 0) >= MAX_HOUSEHOLD_MEMBERS) return fail(400, { relationship: "groups.errors.householdFull" });
      const [member] = await tx
        .insert(householdMembers)
        .values({ caseId, relationship: input.relationship, sex: input.sex, birthYear, createdById: actor.id })
        .returning({ id: householdMembers.id });
      await audit(tx, {
        actor,
        action: "protection.household.add",
        entityType: "beneficiary_case",
        entityId: caseId,
        ip: meta.ip,
        fields: ["relationship", "sex", "birthYear"],
      });
      return member ? { ok: true as const } : fail(400, { form: "errors.invalid" });
    }
    const [before] = await tx
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.id, input.memberId), eq(householdMembers.caseId, caseId)));
    if (!before) return fail(404, { form: "errors.invalid" });
    // an age typed again as the same age keeps the stored year (a year typed in January is not a correction)
    const sameAge = input.age !== undefined && ageFromBirthYear(before.birthYear, today) === input.age;
    const { fields, changes } = changedFields(before, {
      relationship: input.relationship,
      sex: input.sex,
      birthYear: sameAge ? before.birthYear : birthYear,
    });
    if (!fields.length) return { ok: true as const };
    await tx
      .update(householdMembers)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(householdMembers.id, before.id));
    await auditRecord(tx, actor, "protection.household.correct", ["beneficiary_case", caseId], meta.ip, fields);
    return { ok: true as const };
  });
}
