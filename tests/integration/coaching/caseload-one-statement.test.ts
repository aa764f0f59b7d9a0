/**
 * The coach's caseload is read by one statement of json lists (`caseload`, issue 19).
 * Its rows must be what the separate reads give (the people with their stages, their
 * placements, open actions, funded businesses' visits and employment checks), for people
 * with something in each list, and never another coach's people or an ended assignment's.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  coachAssignments,
  coachingActions,
  placementContacts,
  placements,
  trainingRegistrations,
  users,
} from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { dueFollowUps } from "../../../app/modules/businesses/service.server";
import {
  caseload,
  caseloadOf,
  caseloadPersonFields,
  employmentChecksOf,
  openActionFields,
} from "../../../app/modules/coaching/queries.server";
import { placementsOf } from "../../../app/modules/internships/queries.server";
import { makeUser } from "../../factories";
import { makeFundedBusiness } from "../../factories/grants";
import { makeHostOffer } from "../../factories/internships";
import { makeCertificate, makeCohort, makeTraining } from "../../factories/trainings";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();

/** The caseload as the separate reads give it. */
async function separately(coachId: string, today: string) {
  const people = await t.db
    .select(caseloadPersonFields)
    .from(coachAssignments)
    .innerJoin(users, eq(users.id, coachAssignments.beneficiaryId))
    .where(and(eq(coachAssignments.coachId, coachId), isNull(coachAssignments.endedAt)))
    .orderBy(asc(users.displayName), asc(users.id));
  const ids = people.map((p) => p.id);
  const actions = await t.db
    .select(openActionFields)
    .from(coachingActions)
    .where(isNull(coachingActions.doneAt))
    .orderBy(asc(coachingActions.dueOn), asc(coachingActions.id));
  return caseloadOf({
    people,
    placements: await placementsOf(t.db, ids),
    actions: actions.filter((a) => ids.includes(a.beneficiaryId)),
    visitsDue: await dueFollowUps(t.db, ids, today),
    checks: await employmentChecksOf(t.db, ids, today),
    today,
  });
}

describe("the caseload in one statement", () => {
  it("gives the rows the separate reads give, for this coach's current people only", async () => {
    const today = moroccoToday();
    const coach = await makeUser(t.db, { role: "coach" });
    const other = await makeUser(t.db, { role: "coach" });
    const follow = async (displayName: string, coachId = coach.id) => {
      const person = await makeUser(t.db, { displayName });
      await t.db.insert(coachAssignments).values({ coachId, beneficiaryId: person.id });
      return person;
    };
    const placed = await follow("Awa Placée");
    const busy = await follow("Binta Actions");
    const funded = await follow("Coumba Entreprise");
    const trained = await follow("Djeneba Formée");
    const elsewhere = await follow("Fanta Ailleurs", other.id);
    const ended = await makeUser(t.db, { displayName: "Goundo Terminée" });
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: ended.id, endedAt: new Date() });

    const { host, offer } = await makeHostOffer(t.db);
    for (const person of [placed, elsewhere]) {
      const [p] = await t.db
        .insert(placements)
        .values({
          beneficiaryId: person.id,
          hostId: host.id,
          offerId: offer.id,
          coachId: coach.id,
          tutorName: "Fatima",
          startsOn: addDays(today, -40),
          endsOn: addDays(today, 20),
          status: "ongoing",
        })
        .returning();
      await t.db
        .insert(placementContacts)
        .values({ placementId: p!.id, kind: "call", contactedOn: addDays(today, -30) });
    }
    for (const [person, description, dueOn] of [
      [busy, "Relancer l'employeur", addDays(today, 5)],
      [busy, "Mettre à jour le CV", addDays(today, -2)],
      [ended, "Rien", addDays(today, 1)],
      [elsewhere, "Ailleurs", addDays(today, 1)],
    ] as const)
      await t.db.insert(coachingActions).values({ beneficiaryId: person.id, coachId: coach.id, description, dueOn });
    await makeFundedBusiness(t.db, funded.id, 100);
    await makeFundedBusiness(t.db, elsewhere.id, 100);
    await makeCertificate(t.db, trained.id, addDays(today, -100));
    const cohort = await makeCohort(t.db, (await makeTraining(t.db)).id);
    await t.db.insert(trainingRegistrations).values({ cohortId: cohort.id, userId: busy.id, status: "confirmed" });

    const rows = await caseload(t.db, coach.id, today);
    expect(rows).toEqual(await separately(coach.id, today));
    expect(rows.map((r) => r.displayName).sort()).toEqual([
      "Awa Placée",
      "Binta Actions",
      "Coumba Entreprise",
      "Djeneba Formée",
    ]);
    const row = (name: string) => rows.find((r) => r.displayName === name)!;
    expect(row("Awa Placée").placementId).not.toBeNull();
    expect(row("Binta Actions").nextAction?.description).toBe("Mettre à jour le CV");
    expect(row("Coumba Entreprise").businessVisitsDue).toBeGreaterThan(0);
    expect(row("Djeneba Formée").employmentChecksDue).toBeGreaterThan(0);
    // the other coach reads hers, and only hers
    expect((await caseload(t.db, other.id, today)).map((r) => r.displayName)).toEqual(["Fanta Ailleurs"]);
    expect(await caseload(t.db, (await makeUser(t.db, { role: "coach" })).id, today)).toEqual([]);
  });
});
