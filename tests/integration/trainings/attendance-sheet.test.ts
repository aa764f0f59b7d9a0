/**
 * The paper attendance sheet of a session (issue 16, lists out): confirmed participants
 * only, one row each to sign, blank rows after them, the session's day, time and place
 * in the reader's language (French-only staff text marked as French), for those who take
 * the register and nobody else.
 */
import { describe, expect, it } from "vitest";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { register } from "../../../app/modules/trainings/service.server";
import { makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function sessionWithPeople() {
  const day = addDays(moroccoToday(), 3);
  const training = await makeTraining(t.db, { titleAr: "تكوين في التواصل" });
  const cohort = await makeCohort(t.db, training.id, { nameFr: "Groupe du matin", capacity: 2 });
  const [session] = await makeSessions(t.db, cohort.id, 1, day);
  const people = [];
  for (const name of ["Awa Diallo", "Sékou Camara", "Idriss Attente"]) {
    const person = await makeUser(t.db, { displayName: name });
    await register(t.db, { id: person.id, role: "applicant", organisationId: null }, cohort.id, {});
    people.push(person);
  }
  return { session: session!, training, cohort };
}

async function sheetText(email: string, path: string) {
  const client = await app.signedIn(email);
  const response = await client.get(path);
  return { response, text: response.status === 200 ? readPdfText(Buffer.from(await response.arrayBuffer())) : "" };
}

describe("the attendance sheet of a session", () => {
  it("lists the confirmed participants with a column to sign, in Arabic", async () => {
    const { session } = await sessionWithPeople();
    const coach = await makeUser(t.db, { role: "coach" });
    const { response, text } = await sheetText(coach.email!, `/trainings/sessions/${session.id}/sheet.pdf?lang=ar`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const ar = serverT("ar");
    expect(text).toContain(ar("sheets.attendance.title"));
    expect(text).toContain(ar("sheets.signature"));
    expect(text).toContain("تكوين في التواصل");
    // the cohort's name and the place were typed in French only: marked as French
    // (poppler rebuilds a mixed line in its own order: the line holds both, in some order)
    const lines = text.split("\n");
    expect(lines.find((l) => l.includes("Groupe du matin") && l.includes("بالفرنسية"))).toBeDefined();
    expect(lines.find((l) => l.includes("Rabat, salle 2") && l.includes("بالفرنسية"))).toBeDefined();
    expect(text).toContain("Karim Tazi");
    expect(text).toContain("09:00");
    expect(text).toContain("11:00");
    // two seats: the third person waits and is not on the sheet
    expect(text).toContain("Awa Diallo");
    expect(text).toContain("Sékou Camara");
    expect(text).not.toContain("Idriss Attente");
    // two participants, then three blank rows numbered on
    for (const n of ["1", "2", "3", "4", "5"]) expect(text.split(/\s+/)).toContain(n);
  });

  it("is in French for a French reader, with the training's French title", async () => {
    const { session, training } = await sessionWithPeople();
    const admin = await makeUser(t.db, { role: "admin" });
    const { response, text } = await sheetText(admin.email!, `/trainings/sessions/${session.id}/sheet.pdf?lang=fr`);
    expect(response.status).toBe(200);
    expect(text).toContain("Feuille de présence");
    expect(text).toContain(training.titleFr);
    expect(text).not.toContain("(en français)");
  });

  it("is refused to roles that do not take the register, and to unknown sessions", async () => {
    const { session } = await sessionWithPeople();
    const applicant = await makeUser(t.db);
    const caseWorker = await makeUser(t.db, { role: "case_worker" });
    for (const user of [applicant, caseWorker]) {
      const { response } = await sheetText(user.email!, `/trainings/sessions/${session.id}/sheet.pdf`);
      expect([403, 404]).toContain(response.status);
    }
    const coach = await makeUser(t.db, { role: "coach" });
    for (const path of [
      "/trainings/sessions/00000000-0000-4000-8000-000000000000/sheet.pdf",
      "/trainings/sessions/x1/sheet.pdf",
    ]) {
      const { response } = await sheetText(coach.email!, path);
      expect(response.status).toBe(404);
    }
    const anonymous = await app.client().get(`/trainings/sessions/${session.id}/sheet.pdf`);
    expect([302, 303]).toContain(anonymous.status);
  });
});
