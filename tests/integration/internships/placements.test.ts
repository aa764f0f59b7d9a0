import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../../db/seed";
import {
  auditLog,
  coachAssignments,
  hostDetails,
  internshipApplications,
  placementContacts,
  placementEvaluations,
  placementOutcomes,
  placements,
  trainings,
} from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function setup() {
  const host = await makeOrganisation(t.db, {
    kind: "host_company",
    name: `Boulangerie Al Baraka ${Math.random().toString(36).slice(2, 7)}`,
    city: "fes",
  });
  await t.db.insert(hostDetails).values({
    organisationId: host.id,
    sector: "food_processing",
    contactName: "Hassan Alaoui",
    contactPhone: "+212535000000",
  });
  const coach = await makeUser(t.db, { role: "coach" });
  const other = await makeUser(t.db, { role: "coach" });
  const beneficiary = await makeUser(t.db, { displayName: "Kadiatou Barry" });
  await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: beneficiary.id });
  return { host, coach, other, beneficiary };
}

describe("a coach takes a beneficiary into an internship", () => {
  it("places, moves through the statuses, logs a visit, evaluates, records an outcome, prints the agreement", async () => {
    const { host, coach, beneficiary } = await setup();
    const c = await app.signedIn(coach.email!);
    const created = await c.post(`/coaching/beneficiaries/${beneficiary.id}`, {
      intent: "placement",
      hostId: host.id,
      tutorName: "Hassan Alaoui",
      startsOn: "2026-09-01",
      endsOn: "2026-10-31",
      stipend: "1 200,50",
    });
    expect(created.status).toBe(302);
    const [placement] = await t.db.select().from(placements).where(eq(placements.beneficiaryId, beneficiary.id));
    expect(placement?.stipendCentimes).toBe(120050);
    expect(placement?.status).toBe("proposed");
    expect(created.headers.get("location")).toBe(`/placements/${placement!.id}`);
    const path = `/placements/${placement!.id}`;

    // a jump in the status machine is refused with a translated error
    const jump = await c.post(path, { intent: "status", to: "completed" });
    expect(jump.status).toBe(400);
    expect(await jump.text()).toContain("Ce changement de statut n");
    for (const to of ["accepted", "ongoing"]) expect((await c.post(path, { intent: "status", to })).status).toBe(302);

    // no contact since the start (long ago): overdue, until a visit is logged
    expect(await (await c.get(path)).text()).toContain('data-overdue="true"');
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await c.post(path, {
          intent: "contact",
          kind: "visit",
          contactedOn: today,
          notes: "Visite sur place, tout va bien.",
        })
      ).status,
    ).toBe(302);
    expect(await (await c.get(path)).text()).not.toContain('data-overdue="true"');
    expect(await t.db.$count(placementContacts, eq(placementContacts.placementId, placement!.id))).toBe(1);

    // evaluation on the 1-4 scale: 5 is refused, the mid-term once only
    const bad = await c.post(path, {
      intent: "evaluation",
      stage: "mid_term",
      punctuality: "5",
      teamwork: "3",
      communication: "3",
      technicalSkills: "2",
      autonomy: "3",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choisissez une note de 1 à 4.");
    const scores = { punctuality: "4", teamwork: "3", communication: "3", technicalSkills: "2", autonomy: "3" };
    expect((await c.post(path, { intent: "evaluation", stage: "mid_term", ...scores })).status).toBe(302);
    expect((await c.post(path, { intent: "evaluation", stage: "mid_term", ...scores })).status).toBe(400);
    expect(await t.db.$count(placementEvaluations, eq(placementEvaluations.placementId, placement!.id))).toBe(1);

    // outcomes only once closed
    expect(
      (await c.post(path, { intent: "outcome", checkpoint: "end", employmentStatus: "hired_by_host" })).status,
    ).toBe(400);
    expect((await c.post(path, { intent: "status", to: "completed" })).status).toBe(302);
    expect(
      (await c.post(path, { intent: "outcome", checkpoint: "end", employmentStatus: "hired_by_host" })).status,
    ).toBe(302);
    expect((await c.post(path, { intent: "outcome", checkpoint: "end", employmentStatus: "seeking" })).status).toBe(
      400,
    );
    const outcomes = await t.db
      .select()
      .from(placementOutcomes)
      .where(eq(placementOutcomes.placementId, placement!.id));
    expect(outcomes.map((o) => [o.checkpoint, o.employmentStatus])).toEqual([["end", "hired_by_host"]]);
    expect(await t.db.$count(auditLog, eq(auditLog.entityId, placement!.id))).toBeGreaterThanOrEqual(7);

    // the agreement names the three parties and the dates
    const pdf = await c.get(`${path}/agreement.pdf`);
    expect(pdf.status).toBe(200);
    const text = readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Convention de stage");
    expect(text).toContain("Kadiatou Barry");
    expect(text).toContain(host.name);
    expect(text).toContain("Hassan Alaoui");
    expect(text).toContain("Agroalimentaire"); // the host's sector, a code, in the reader's language
    const english = readPdfText(new Uint8Array(await (await c.get(`${path}/agreement.pdf?lang=en`)).arrayBuffer()));
    expect(english).toContain("Food processing");
    expect(english).not.toContain("food_processing");
    expect(text).toContain(coach.displayName);
    expect(text).toContain("1 septembre 2026");
    expect(text).toContain("31 octobre 2026");
    expect(text).toMatch(/1[.\s]?200,50 MAD/);
  });

  it("another coach's beneficiary is a 404 everywhere, and changes nothing", async () => {
    const { host, coach, other, beneficiary } = await setup();
    const [placement] = await t.db
      .insert(placements)
      .values({
        beneficiaryId: beneficiary.id,
        hostId: host.id,
        coachId: coach.id,
        tutorName: "X",
        startsOn: "2026-09-01",
        endsOn: "2026-10-01",
        status: "ongoing",
      })
      .returning();
    const intruder = await app.signedIn(other.email!);
    expect((await intruder.get(`/coaching/beneficiaries/${beneficiary.id}`)).status).toBe(404);
    expect((await intruder.get(`/placements/${placement!.id}`)).status).toBe(404);
    expect((await intruder.get(`/placements/${placement!.id}/agreement.pdf`)).status).toBe(404);
    expect(
      (
        await intruder.post(`/placements/${placement!.id}`, {
          intent: "contact",
          kind: "call",
          contactedOn: "2026-09-10",
          notes: "x",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await intruder.post(`/coaching/beneficiaries/${beneficiary.id}`, {
          intent: "guidance",
          heldOn: "2026-09-10",
          goals: "x",
        })
      ).status,
    ).toBe(404);
    expect(await t.db.$count(placementContacts, eq(placementContacts.placementId, placement!.id))).toBe(0);
    // and a coach's own caseload does not list them
    const home = await (await intruder.get("/home")).text();
    expect(home).not.toContain("Kadiatou Barry");
    const mine = await (await app.signedIn(coach.email!)).get("/home");
    expect(await mine.text()).toContain("Kadiatou Barry");
  });

  it("an applicant applies once; a coach proposes only their own beneficiaries", async () => {
    const { host, coach, other, beneficiary } = await setup();
    await makeUser(t.db, { role: "admin", email: "intern-admin@masar.test" });
    const admin = await app.signedIn("intern-admin@masar.test");
    const offer = await admin.post("/internships/hosts", {
      intent: "offer",
      hostId: host.id,
      titleFr: "Aide boulanger·e",
      sector: "food_processing",
      city: "fes",
      startsOn: "2027-01-10",
      durationWeeks: "8",
      stipend: "800",
      seats: "2",
    });
    expect(offer.status).toBe(302);
    const offerPath = offer.headers.get("location")!;
    // the town and sector are codes, filtered exactly and shown in the reader's language
    const list = await (await admin.get("/internships?city=fes&sector=food_processing&paid=yes")).text();
    expect(list).toContain("Aide boulanger·e");
    expect(list).toContain("Fès · Agroalimentaire");
    expect(await (await admin.get("/internships?city=tanger")).text()).not.toContain("Aide boulanger·e");

    const applicant = await app.signedIn(beneficiary.email!);
    const sent = await applicant.post(offerPath, { motivation: "J'ai travaillé dans une boulangerie." });
    expect(sent.status).toBe(302);
    // the receipt says what happens next, and a notification keeps it
    expect(sent.headers.get("location")).toBe(`${offerPath}?sent=1`);
    const receipt = await (await applicant.get(`${offerPath}?sent=1`)).text();
    expect(receipt).toMatch(/data-testid="sent"[^]*Candidature envoyée[^]*Et ensuite/);
    expect(await (await applicant.get("/notifications")).text()).toContain(
      "Votre candidature au stage «\u00a0Aide boulanger·e\u00a0» est envoyée",
    );
    expect(await (await applicant.get(offerPath)).text()).toContain('data-application="submitted"');
    expect((await applicant.post(offerPath, {})).status).toBe(400);

    const someone = await makeUser(t.db);
    const intruder = await app.signedIn(other.email!);
    expect((await intruder.post(offerPath, { beneficiaryId: someone.id })).status).toBe(404);
    await t.db.insert(coachAssignments).values({ coachId: coach.id, beneficiaryId: someone.id });
    const c = await app.signedIn(coach.email!);
    expect((await c.post(offerPath, { beneficiaryId: someone.id })).status).toBe(302);
    const apps = await t.db
      .select()
      .from(internshipApplications)
      .where(eq(internshipApplications.beneficiaryId, someone.id));
    expect(apps.map((a) => a.status)).toEqual(["proposed"]);
  });
});

describe("demo data", () => {
  it("gives coach@masar.test a real caseload with the overdue follow-up first, and runs twice without duplicating", async () => {
    const first = await seedDemo(t.db);
    const again = await seedDemo(t.db);
    expect(again.employability).toEqual(first.employability);
    expect(await t.db.$count(trainings, eq(trainings.titleFr, "Orientation à l'entrepreneuriat"))).toBe(1);
    const coach = await app.signedIn("coach@masar.test");
    const html = await (await coach.get("/home")).text();
    const firstItem = html.indexOf("data-beneficiary=");
    const overdue = html.indexOf('data-overdue="true"');
    expect(overdue).toBeGreaterThan(firstItem);
    expect(html.indexOf("Aminata Diallo")).toBeLessThan(html.indexOf("data-beneficiary=", firstItem + 1));
    const applicant = await app.signedIn("applicant@masar.test");
    const panel = await (await applicant.get("/home")).text();
    expect(panel).toContain("Coopérative Argane Souss");
    expect(panel).toContain("Karim Tazi");
    expect(panel).toContain(`/trainings/certificates/${first.employability.certificateId}.pdf`);
  });
});

describe("the CV", () => {
  it("is built from the profile in the applicant's language, with completed trainings and internships; the coach prints it, others get 404", async () => {
    const f = await seedDemo(t.db);
    const applicant = await app.signedIn("applicant@masar.test");
    const response = await applicant.get(`/cv/${f.employability.beneficiaryId}.pdf`);
    expect(response.status).toBe(200);
    const text = readPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Aminata Diallo");
    expect(text).toContain("Guinée"); // nationality, written out in French
    expect(text).toContain("Rabat · Rabat-Salé-Kénitra"); // the town's label, then the region's
    expect(text).toContain("Vendeuse, Commerce");
    expect(text).toContain("Compétences comportementales pour l'emploi"); // certificate
    expect(text).toContain("Coopérative Argane Souss · Agroalimentaire"); // internship, the host's sector as a label
    expect(text).not.toMatch(/naissance|résiden/i);
    const english = readPdfText(
      new Uint8Array(await (await applicant.get(`/cv/${f.employability.beneficiaryId}.pdf?lang=en`)).arrayBuffer()),
    );
    expect(english).toContain("Work experience");
    expect(english).toContain("Guinea");
    expect(english).toContain("Coopérative Argane Souss · Food processing");
    const coach = await app.signedIn("coach@masar.test");
    expect((await coach.get(`/cv/${f.employability.beneficiaryId}.pdf`)).status).toBe(200);
    const stranger = await makeUser(t.db, { role: "coach" });
    expect((await (await app.signedIn(stranger.email!)).get(`/cv/${f.employability.beneficiaryId}.pdf`)).status).toBe(
      404,
    );
    const other = await makeUser(t.db);
    expect((await (await app.signedIn(other.email!)).get(`/cv/${f.employability.beneficiaryId}.pdf`)).status).toBe(404);
  });
});
