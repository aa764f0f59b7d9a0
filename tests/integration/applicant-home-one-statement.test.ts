/**
 * The applicant's home is read by one statement of json lists (applicantHomeRead, issue
 * 19). What it shows must be what the separate reads it replaced return, row for row and
 * in their order, decoded alike (dates as Dates, arrays, jsonb, nulls): an applicant with
 * something in every list, two or more rows where a list has an order (two cohorts that
 * start the same day among them), and another applicant whose rows it must not show.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  actsForPeople,
  businessPlans,
  coachAssignments,
  coachingActions,
  coachingAppointments,
  placementContacts,
  placementOutcomes,
  placements,
  profiles,
  trainingCertificates,
  trainingRegistrations,
} from "../../db/schema";
import { listOwnPlans } from "~/modules/business-plans/queries.server";
import { placementsOf } from "~/modules/internships/queries.server";
import { actsFor } from "~/modules/office/queries.server";
import { applicantHomeRead } from "~/modules/profiles/applicant-home.server";
import { applicantHomeOf, getProfile } from "~/modules/profiles/queries.server";
import { myTrainings } from "~/modules/trainings/queries.server";
import { makeOrganisation, makeUser } from "../factories";
import { completePlanContent, makePlan } from "../factories/business-plans";
import { makeApplication, makeCall } from "../factories/grants";
import { makeHostOffer } from "../factories/internships";
import { makeCohort, makeTraining } from "../factories/trainings";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();

/** An applicant with a profile, two plans, three trainings, two placements, a coach, actions, an appointment and acts. */
async function busyApplicant() {
  const office = await makeOrganisation(t.db);
  const user = await makeUser(t.db, { role: "applicant" });
  const coach = await makeUser(t.db, { role: "coach", displayName: "Coach Samira" });
  const staff = await makeUser(t.db, { role: "coach", organisationId: office.id, displayName: "Agent Youssef" });
  await t.db.insert(profiles).values({
    userId: user.id,
    givenName: "Amina",
    familyName: "Diallo",
    birthDate: "2001-04-09",
    nationality: "SN",
    languagesSpoken: ["fr", "wo"],
    education: { level: "secondary" },
    experience: [{ role: "Couturière", sector: "textile", years: 2, country: "MA" }],
    seeks: ["employment"],
  });
  const older = await makePlan(t.db, user.id, completePlanContent("Atelier Amina"));
  await makePlan(t.db, user.id, { summary: { projectName: "Épicerie Amina" } });
  // the older plan changed first: the newer one is listed first
  await t.db
    .update(businessPlans)
    .set({ updatedAt: new Date(Date.now() - 2 * 24 * 3600_000) })
    .where(eq(businessPlans.id, older.id));

  const training = await makeTraining(t.db);
  const sameDay = "2026-11-02";
  const registrations = [];
  for (const startsOn of [sameDay, sameDay, "2026-10-01"]) {
    const cohort = await makeCohort(t.db, training.id, { startsOn, endsOn: "2026-12-20" });
    const [r] = await t.db
      .insert(trainingRegistrations)
      .values({ cohortId: cohort.id, userId: user.id, status: "confirmed" })
      .returning();
    registrations.push({ registration: r!, cohort });
  }
  const certified = registrations[2]!;
  await t.db.insert(trainingCertificates).values({
    userId: user.id,
    registrationId: certified.registration.id,
    cohortId: certified.cohort.id,
    code: `HOME-${user.id}`,
  });

  const { host, offer } = await makeHostOffer(t.db);
  const placed = [];
  for (const [startsOn, status] of [
    ["2026-06-01", "completed"],
    ["2026-10-27", "ongoing"],
  ] as const) {
    const [p] = await t.db
      .insert(placements)
      .values({
        beneficiaryId: user.id,
        hostId: host.id,
        offerId: offer.id,
        coachId: coach.id,
        tutorName: "Fatima",
        startsOn,
        endsOn: "2027-01-19",
        status,
      })
      .returning();
    placed.push(p!);
  }
  await t.db.insert(placementContacts).values({ placementId: placed[1]!.id, kind: "call", contactedOn: "2026-11-16" });
  await t.db.insert(placementOutcomes).values({
    placementId: placed[0]!.id,
    checkpoint: "end",
    employmentStatus: "hired_by_host",
    recordedOn: "2026-08-01",
  });

  await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: user.id });
  for (const [description, dueOn] of [
    ["Préparer l'entretien", "2099-01-10"],
    ["Envoyer le CV", "2099-01-05"],
  ] as const)
    await t.db.insert(coachingActions).values({ beneficiaryId: user.id, coachId: coach.id, description, dueOn });
  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
  await t.db
    .insert(coachingAppointments)
    .values({ beneficiaryId: user.id, coachId: coach.id, startsAt, remindAt: startsAt });

  const call = await makeCall(t.db);
  const application = await makeApplication(t.db, { callId: call.id, applicantId: user.id });
  await t.db.insert(actsForPeople).values([
    {
      personId: user.id,
      staffId: staff.id,
      staffOrganisationId: office.id,
      kind: "training_registration",
      entityId: registrations[0]!.registration.id,
      agreedAt: new Date(),
    },
    {
      personId: user.id,
      staffId: staff.id,
      staffOrganisationId: office.id,
      kind: "grant_application",
      entityId: application.id,
      agreedAt: new Date(),
    },
  ]);
  return { user, coach };
}

describe("the applicant's home in one statement", () => {
  it("reads every list as the separate reads do, and only the applicant's own", async () => {
    const { user } = await busyApplicant();
    const other = await busyApplicant();
    const now = new Date();
    for (const person of [user, other.user, user]) {
      const read = await applicantHomeRead(t.db, person.id, now);
      expect(read.plans).toEqual(
        applicantHomeOf(await getProfile(t.db, person.id), await listOwnPlans(t.db, person.id)),
      );
      expect(read.plans.plans).toHaveLength(2);
      const trainings = await myTrainings(t.db, person.id);
      const places = await placementsOf(t.db, [person.id]);
      expect(read.employability.trainings).toEqual(trainings);
      expect(trainings).toHaveLength(3);
      expect(trainings.filter((r) => r.certificateId)).toHaveLength(1);
      expect(read.employability.placement).toEqual(places[0]);
      expect(places[0]?.lastContactOn).toBe("2026-11-16");
      expect(places[1]?.recordedCheckpoints).toEqual(["end"]);
      const acts = await actsFor(t.db, person.id);
      expect(read.acts).toEqual(acts);
      expect(acts).toHaveLength(2);
      expect(acts.every((a) => a.at instanceof Date && a.staffName === "Agent Youssef")).toBe(true);
      expect(read.employability.actions.map((a) => a.description)).toEqual(["Envoyer le CV", "Préparer l'entretien"]);
      expect(read.employability.coach?.displayName).toBe("Coach Samira");
      expect(read.employability.appointments).toHaveLength(1);
    }
  });

  it("reads an applicant with nothing yet as empty lists", async () => {
    const user = await makeUser(t.db, { role: "applicant" });
    const read = await applicantHomeRead(t.db, user.id);
    expect(read.plans).toEqual(applicantHomeOf(null, []));
    expect(read.employability).toMatchObject({
      trainings: [],
      placement: null,
      actions: [],
      coach: null,
      appointments: [],
      sessions: [],
    });
    expect(read.acts).toEqual([]);
  });
});
