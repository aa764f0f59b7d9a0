/**
 * Every refusal reaches the person (issue 13, decision 0171-placeless-refusals): a form the page
 * does not know (an `intent` it has no handler for) is refused with a translated message in the
 * error summary under the page's title, on every page whose action dispatches intents, and does
 * nothing (never the page's main form); the aid catalogue's correction form, posted to the list's
 * address without `?item=`, comes back as its item's form with its errors and typed values.
 * Without JavaScript, the refused post's HTML is what the person sees; with it, the same answer
 * feeds the same components.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { coachAssignments, placements, shops, trainingCohorts } from "../../db/schema";
import { makeOrganisation, makeUser } from "../factories";
import { makeHostOffer } from "../factories/internships";
import { findOrMakeItem, makeRound } from "../factories/protection";
import { makeFeedback } from "../factories/feedback";
import { makeCohort, makeTraining } from "../factories/trainings";
import { scheduleAppointment } from "../../app/modules/coaching/appointments.server";
import { dayAhead } from "./helpers/messages";
import { useTestApp, type TestClient } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** The French message (its HTML form: the apostrophes escaped) and the summary holding it. */
const UNKNOWN = "Rechargez la page et remplissez à nouveau le formulaire.";
const inSummary = (html: string) => /data-testid="error-summary"[^]*?<\/div>/.exec(html)?.[0] ?? "";

let admin: TestClient;
let coach: TestClient;
let caseWorker: TestClient;
const pages: [() => TestClient, string][] = [];

beforeAll(async () => {
  const association = await makeOrganisation(t.db, { kind: "partner_association" });
  const adminUser = await makeUser(t.db, { role: "admin" });
  const coachUser = await makeUser(t.db, { role: "coach" });
  const worker = await makeUser(t.db, { role: "case_worker", organisationId: association.id });
  const person = await makeUser(t.db, {});
  await t.db.insert(coachAssignments).values({ coachId: coachUser.id, beneficiaryId: person.id });
  admin = await app.signedIn(adminUser.email ?? "");
  coach = await app.signedIn(coachUser.email ?? "");
  caseWorker = await app.signedIn(worker.email ?? "");
  const training = await makeTraining(t.db);
  const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
  const { host, offer } = await makeHostOffer(t.db);
  const [placement] = await t.db
    .insert(placements)
    .values({
      beneficiaryId: person.id,
      hostId: host.id,
      coachId: coachUser.id,
      tutorName: "X",
      startsOn: "2026-09-01",
      endsOn: "2026-10-01",
      status: "ongoing",
    })
    .returning();
  const meta = { ip: "127.0.0.1" };
  const set = await scheduleAppointment(t.db, coachUser, person.id, { date: dayAhead(20).date, time: "10:30" }, meta);
  const item = await findOrMakeItem(t.db, "food_kit", "Sac de riz (formulaires)");
  const round = await makeRound(t.db, { organisationId: association.id, itemId: item.id, createdById: worker.id });
  const feedback = await makeFeedback(t.db);
  pages.push(
    [() => admin, "/admin/quarterly-report"],
    [() => admin, `/trainings/cohorts/${cohort.id}`],
    [() => coach, `/coaching/appointments/${set.ok ? set.id : ""}`],
    [() => caseWorker, `/aid/rounds/${round.id}`],
    [() => admin, "/admin/shops"],
    [() => admin, `/internships/offers/${offer.id}`],
    [() => coach, `/office/people/${person.id}`],
    [() => coach, `/coaching/beneficiaries/${person.id}`],
    [() => coach, `/placements/${placement!.id}`],
    [() => admin, "/internships/hosts"],
    [() => admin, `/trainings/${training.id}`],
    [() => admin, "/admin/budget"],
    [() => admin, `/complaints/${feedback.id}`],
  );
});

describe("a form the page does not know", () => {
  it("is refused in the summary under the title, on every page that dispatches intents", async () => {
    expect(pages.length).toBe(13);
    for (const [client, path] of pages) {
      const answer = await client().post(path, { intent: "retired-form", name: "Boutique fantôme" });
      expect(answer.status, path).toBe(400);
      const html = await answer.text();
      expect(inSummary(html), path).toContain(UNKNOWN);
    }
  });

  it("never runs the page's main form", async () => {
    // the shops page's main form creates a shop from what was posted: an unknown intent creates none
    const association = await makeOrganisation(t.db, { kind: "partner_association" });
    const name = `Boutique ${crypto.randomUUID()}`;
    const answer = await admin.post("/admin/shops", { intent: "retired-form", name, organisationId: association.id });
    expect(answer.status).toBe(400);
    expect(await t.db.$count(shops, eq(shops.name, name))).toBe(0);
    // a cohort page's main form adds a session: nothing added, the cohort as it was
    const cohortsBefore = await t.db.$count(trainingCohorts);
    const training = await makeTraining(t.db);
    const refused = await admin.post(`/trainings/${training.id}`, {
      intent: "retired-form",
      nameFr: "Cohorte fantôme",
      capacity: "5",
      startsOn: "2027-01-10",
      endsOn: "2027-02-10",
    });
    expect(refused.status).toBe(400);
    expect(await t.db.$count(trainingCohorts)).toBe(cohortsBefore);
  });

  it("the forms the pages do show still reach their handlers", async () => {
    // the training page's register button and the hosts page's host form post their own intent
    const refused = await admin.post("/internships/hosts", { intent: "host", name: "" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(inSummary(html)).not.toContain(UNKNOWN);
    expect(html).toContain('aria-invalid="true"');
  });
});

describe("the aid catalogue's correction, posted without ?item=", () => {
  it("comes back as the item's form, with its error summary and what was typed", async () => {
    const item = await findOrMakeItem(t.db, "food_kit", "Sac de riz (sans adresse)");
    const answer = await admin.post("/admin/aid-items", {
      itemId: item.id,
      version: "",
      nameFr: "",
      nameEn: "Rice bag typed",
      kind: "food_kit",
    });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    const summary = inSummary(html);
    expect(summary).toContain('href="#f-nameFr"');
    expect(html).toContain('value="Rice bag typed"');
    expect(html).toContain(`action="/admin/aid-items?item=${item.id}"`);
  });

  it("about no item of the catalogue, says what is wrong under the title", async () => {
    const answer = await admin.post("/admin/aid-items", { itemId: "not-an-id", nameFr: "X", kind: "food_kit" });
    expect(answer.status).toBe(400);
    expect(inSummary(await answer.text())).not.toBe("");
  });
});
