/**
 * A page that says an earlier act was done (`?done=corrected`, read from its address after
 * the redirect) never says so above a refused one (decision 0163, `DoneNote`): a refused form
 * posts to the same address, note and all, and comes back with its errors and no note.
 * Each page is read once with the note, to show that it would be there.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../factories";
import { makeCall } from "../factories/grants";
import { makeHostOffer } from "../factories/internships";
import { findOrMakeItem } from "../factories/protection";
import { makePlan } from "../factories/business-plans";
import { makeCohort, makeSessions, makeTraining } from "../factories/trainings";
import { addDays, moroccoToday } from "../../app/lib/morocco-time";
import { scheduleAppointment } from "../../app/modules/coaching/appointments.server";
import { coachAndPerson, dayAhead } from "./helpers/messages";
import { codeFlags } from "../../db/schema";
import { useTestApp, type TestClient } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

let admin: TestClient;
let hostId: string;
let callId: string;
let itemId: string;
let flagId: string;

beforeAll(async () => {
  const user = await makeUser(t.db, { role: "admin" });
  admin = await app.signedIn(user.email ?? "");
  hostId = (await makeHostOffer(t.db)).host.id;
  callId = (await makeCall(t.db, { status: "draft" })).id;
  itemId = (await findOrMakeItem(t.db, "food_kit", "Sac de riz (notes)")).id;
  const plan = await makePlan(t.db, user.id);
  const [flag] = await t.db
    .insert(codeFlags)
    .values({ record: "plan", recordId: plan.id, field: "city", original: "Douar Lahcen" })
    .returning();
  flagId = flag!.id;
});

describe("a success note from the address is never shown above a refusal", () => {
  const pages = () =>
    [
      // page, its note in French, a refused post (each page's own form, wrong)
      [`/internships/hosts/${hostId}`, "Correction enregistrée.", { name: "", city: "nowhere" }],
      [`/admin/aid-items?item=${itemId}&`, "Article corrigé.", { itemId, nameFr: "", kind: "food_kit" }],
      [`/grants/calls/${callId}`, "L'appel est corrigé.", { intent: "award" }],
      ["/admin/budget", "Saisie corrigée.", { intent: "entry", amount: "beaucoup" }],
      ["/admin/codes?saved=1&", "Valeur enregistrée.", { flagId, field: "city", city: "Douar Lahcen" }],
    ] as const;

  it("shows the note after the redirect, and none on the refused page at the same address", async () => {
    for (const [path, note, refused] of pages()) {
      const done = `${path}${path.endsWith("&") ? "" : "?"}done=corrected`;
      const shown = await admin.get(done);
      expect(shown.status, path).toBe(200);
      expect(await shown.text(), path).toContain(note.replace(/'/g, "&#x27;"));
      const answer = await admin.post(done, refused);
      expect(answer.status, path).toBe(400);
      const html = await answer.text();
      // the page itself, saying what is wrong
      expect(html, path).toMatch(/role="alert"|aria-invalid="true"/);
      expect(html, path).not.toContain(note.replace(/'/g, "&#x27;"));
      expect(html, path).not.toContain('class="alert alert-success"');
    }
  });
});

describe("the pages that read their own note, now never above a refusal either", () => {
  it("a session's attendance and move, an appointment's move, a cohort, a training, an offer, the plan's files, a deletion request", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const asAdmin = await app.signedIn(admin.email ?? "");
    const applicant = await makeUser(t.db, {});
    const asApplicant = await app.signedIn(applicant.email ?? "");
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
    const [today] = await makeSessions(t.db, cohort.id, 1, moroccoToday());
    const [later] = await makeSessions(t.db, cohort.id, 1, addDays(moroccoToday(), 20));
    const offer = (await makeHostOffer(t.db)).offer;
    // a draft: no "complete" banner, the only success note is the upload's
    const plan = await makePlan(t.db, applicant.id, { summary: { projectName: "Brouillon" } });
    const long = "x".repeat(2001);
    const { coach, person } = await coachAndPerson(t.db, "fr");
    const asCoach = await app.signedIn(coach.email ?? "");
    const set = await scheduleAppointment(t.db, coach, person.id, { date: dayAhead(20).date, time: "10:30" }, meta);
    const appointment = `/coaching/appointments/${set.ok ? set.id : ""}`;
    const badMove = { intent: "move", date: "2027-02-31", time: "10:00" };
    const pages = [
      // who, the page with its note, a refused post to that address
      [asAdmin, `/trainings/sessions/${today!.id}?saved=1`, { "mark-nobody": "late" }],
      [asAdmin, `/trainings/sessions/${later!.id}/move?moved=1`, { date: "2027-02-31", time: "10:00" }],
      [asAdmin, `/trainings/sessions/${later!.id}/move?unchanged=1`, { date: "2027-02-31", time: "10:00" }],
      [asAdmin, `/trainings/cohorts/${cohort.id}?done=corrected`, { date: "", time: "" }],
      [asAdmin, `/trainings/${training.id}?done=corrected`, { intent: "cohort", nameFr: "" }],
      [asAdmin, `/internships/offers/${offer.id}?answered=1`, { intent: "answer", answer: "accepted" }],
      [asAdmin, `/internships/offers/${offer.id}?done=corrected`, { intent: "answer", answer: "accepted" }],
      [asCoach, `${appointment}?moved=1`, badMove],
      [asCoach, `${appointment}?unchanged=1`, badMove],
      [asApplicant, `/plans/${plan.id}?uploaded`, { intent: "nothing" }],
      [asApplicant, `/profile/deletion?sent`, { confirm: "delete", reason: long }],
    ] as const;
    for (const [client, path, refused] of pages) {
      const shown = await client.get(path);
      expect(shown.status, path).toBe(200);
      expect(await shown.text(), path).toContain('class="alert alert-success"');
      const answer = await client.post(path, refused);
      expect(answer.status, path).toBe(400);
      const html = await answer.text();
      expect(html, path).toMatch(/role="alert"|aria-invalid="true"|class="error"/);
      expect(html, path).not.toContain('class="alert alert-success"');
    }
  });
});
