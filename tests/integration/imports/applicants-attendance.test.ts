/**
 * Importing applicants and attendance through the pages, as a browser without JavaScript
 * posts them: the preview writes nothing (a bad row named with its problem), confirming
 * writes the ready rows once (the same file again, the same rows in another file: no
 * change), each kind only by those who do its work by hand and in their organisation.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  actsForPeople,
  auditLog,
  importBatches,
  officeRegistrations,
  privacyAcceptances,
  trainingAttendance,
  trainingRegistrations,
  users,
} from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { formatLoginId } from "../../../app/modules/auth/rules";
import { makeOrganisation, makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import type { TestClient } from "../helpers/app";
import { useTwoAssociations } from "../protection/setup";

const { t, app, s } = useTwoAssociations();

function upload(client: TestClient, kind: string, content: string, filename = "liste.csv", lang = "fr") {
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([content], filename));
  return client.post("/imports", form, { headers: { "Accept-Language": lang } });
}

async function preview(client: TestClient, kind: string, content: string, filename = "liste.csv") {
  const response = await upload(client, kind, content, filename);
  expect(response.status, await response.clone().text()).toBe(302);
  const id = /\/imports\/([0-9a-f-]{36})$/.exec(response.headers.get("location") ?? "")?.[1];
  if (!id) throw new Error("no import in redirect");
  return id;
}

const registeredBy = (organisationId: string) =>
  t.db.$count(officeRegistrations, eq(officeRegistrations.organisationId, organisationId));

describe("applicants", () => {
  const HEADER = "prenom;nom;sexe;nationalite;telephone;langue_de_la_notice;notice_lue";
  /** Two ready rows and one whose person was not read the notice (no consent: not imported). */
  const LIST = [
    HEADER,
    "Fatoumata;Cissé;femme;ML;0611223344;bm;oui",
    "Ousmane;Diop;homme;SN;;wo;oui",
    "Ablaye;Ndiaye;homme;SN;;wo;non",
  ].join("\r\n");

  it("previews without writing, then opens staff-managed accounts with the notice recorded", async () => {
    const id = await preview(s.clients.workerA, "applicants", LIST);
    expect(await registeredBy(s.orgA.id)).toBe(0);
    const html = await (await s.clients.workerA.get(`/imports/${id}`)).text();
    expect(html).toContain("3 lignes lues\u00a0: 2 prêtes, 1 avec un problème (non importée)");
    expect([...html.matchAll(/data-line="(\d+)"/g)].map((m) => m[1])).toEqual(["4"]);
    expect(html).toContain("Lisez la notice à la personne");

    expect((await s.clients.workerA.post(`/imports/${id}`, { intent: "confirm" })).status).toBe(302);
    const done = await (await s.clients.workerA.get(`/imports/${id}`)).text();
    expect(done).toMatch(/Import confirmé le .+\u00a0: 2 comptes créés sur 3 lignes\./);
    const people = await t.db
      .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, loginId: users.loginId })
      .from(officeRegistrations)
      .innerJoin(users, eq(users.id, officeRegistrations.userId))
      .where(eq(officeRegistrations.organisationId, s.orgA.id));
    expect(people).toHaveLength(2);
    for (const person of people) {
      expect(person).toMatchObject({ role: "applicant", passwordHash: null });
      expect(person.loginId).toMatch(/^[A-Z0-9]{8}$/);
    }
    const ids = people.map((p) => p.id);
    const [regs, accepted, acts, audits] = await Promise.all([
      t.db.select().from(officeRegistrations).where(inArray(officeRegistrations.userId, ids)),
      t.db.$count(privacyAcceptances, inArray(privacyAcceptances.userId, ids)),
      t.db.$count(actsForPeople, and(inArray(actsForPeople.personId, ids), eq(actsForPeople.kind, "registration"))),
      t.db.$count(auditLog, and(inArray(auditLog.entityId, ids), eq(auditLog.action, "office.registration.import"))),
    ]);
    expect(regs.map((r) => r.noticeLanguage).sort()).toEqual(["bm", "wo"]);
    expect(regs.every((r) => r.noticeReadById === s.workerA.id && r.registeredById === s.workerA.id)).toBe(true);
    expect([accepted, acts, audits]).toEqual([2, 2, 2]);
    // the association's staff act for them, as for a walk-in registered at the desk
    expect((await s.clients.workerA.get(`/office/people/${ids[0]}`)).status).toBe(200);
    expect((await s.clients.workerB.get(`/office/people/${ids[0]}`)).status).toBe(404);

    // the same file again: refused; the same people in another file: already imported
    expect((await upload(s.clients.workerA, "applicants", LIST)).status).toBe(409);
    const other = await preview(s.clients.workerA, "applicants", [HEADER, LIST.split("\r\n")[2]!, ""].join("\n"));
    const otherHtml = await (await s.clients.workerA.get(`/imports/${other}`)).text();
    expect(otherHtml).toContain("Déjà importée par un import précédent");
    await s.clients.workerA.post(`/imports/${other}`, { intent: "confirm" });
    expect(await registeredBy(s.orgA.id)).toBe(2);
  });

  it("shows a taken phone as a problem and a same-name person of the office as a likely duplicate", async () => {
    const org = await makeOrganisation(t.db);
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    const client = await app.signedIn(worker.email!);
    await makeUser(t.db, { phone: "+212622334455" });
    const first = await preview(client, "applicants", [HEADER, "Mariama;Barry;femme;GN;;ff;oui"].join("\n"));
    await client.post(`/imports/${first}`, { intent: "confirm" });
    const [known] = await t.db
      .select({ loginId: users.loginId })
      .from(officeRegistrations)
      .innerJoin(users, eq(users.id, officeRegistrations.userId))
      .where(eq(officeRegistrations.organisationId, org.id));

    const list = [HEADER, "Mariama;Bari;femme;GN;;ff;oui", "Kadi;Sylla;femme;GN;0622334455;ff;oui"].join("\n");
    const id = await preview(client, "applicants", list);
    const html = await (await client.get(`/imports/${id}`)).text();
    expect(html).toContain("même nom, inscrite par votre bureau");
    expect(html).toContain(formatLoginId(known!.loginId!));
    expect(html).toContain("Un compte a déjà ce numéro");
    await client.post(`/imports/${id}`, { intent: "confirm" });
    expect(await registeredBy(org.id)).toBe(1);
  });

  it("only staff who register people in the office import them, into their own organisation", async () => {
    const id = await preview(s.clients.workerA, "applicants", LIST.replace("Fatoumata", "Fatima"));
    expect((await s.clients.workerB.get(`/imports/${id}`)).status).toBe(404);
    expect((await s.clients.workerB.post(`/imports/${id}`, { intent: "confirm" })).status).toBe(404);
    const { client: applicant } = await app.asNewUser({ role: "applicant" });
    expect((await upload(applicant, "applicants", LIST)).status).toBe(403);
    const programme = await makeOrganisation(t.db);
    const { client: admin } = await app.asNewUser({ role: "admin", organisationId: programme.id });
    expect((await upload(admin, "applicants", LIST)).status).toBe(403);
    const { client: coach } = await app.asNewUser({ role: "coach", organisationId: programme.id });
    const coachId = await preview(coach, "applicants", LIST.replace("Fatoumata", "Fanta"));
    // a coach's batch is the programme's: the association's case worker does not reach it
    expect((await s.clients.workerA.get(`/imports/${coachId}`)).status).toBe(404);
  });
});

describe("attendance", () => {
  const HEADER = "seance;identifiant;presence";
  const scene = {} as {
    coach: TestClient;
    sessions: { id: string }[];
    future: { id: string };
    people: { id: string; loginId: string; phone: string | null }[];
    outsider: { loginId: string };
  };

  beforeAll(async () => {
    const programme = await makeOrganisation(t.db);
    const coachUser = await makeUser(t.db, { role: "coach", organisationId: programme.id });
    const training = await makeTraining(t.db);
    const today = moroccoToday();
    const cohort = await makeCohort(t.db, training.id, { startsOn: addDays(today, -10), endsOn: addDays(today, 10) });
    const sessions = await makeSessions(t.db, cohort.id, 2, addDays(today, -10));
    const [future] = await makeSessions(t.db, cohort.id, 1, addDays(today, 5));
    const person = async (n: number) => {
      const loginId = `HMK${n}AC${n}${n}`.replace(/[0-9]/g, (d) => "ACDEFHJKMN"[Number(d)]!);
      return makeUser(t.db, { loginId, phone: `+2126700000${10 + n}` });
    };
    const people = [await person(1), await person(2)];
    const outsider = await person(3);
    for (const p of people)
      await t.db.insert(trainingRegistrations).values({ cohortId: cohort.id, userId: p.id, status: "confirmed" });
    Object.assign(scene, {
      coach: await app.signedIn(coachUser.email!),
      sessions,
      future: future!,
      people: people.map((p) => ({ id: p.id, loginId: formatLoginId(p.loginId!), phone: p.phone })),
      outsider: { loginId: formatLoginId(outsider.loginId!) },
    });
  });

  const marksOf = (sessionId: string) =>
    t.db
      .select({ userId: trainingAttendance.userId, status: trainingAttendance.status })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, sessionId));

  it("marks the registered people once, names the rows it cannot take, and a later list corrects", async () => {
    const { coach, sessions, future, people, outsider } = scene;
    const [s1] = sessions;
    const list = [
      HEADER,
      `${s1!.id};${people[0]!.loginId};présent`,
      `${s1!.id};${people[1]!.phone};A`,
      `${s1!.id};${outsider.loginId};présent`,
      `${future.id};${people[0]!.loginId};présent`,
      `00000000-0000-4000-8000-000000000000;${people[0]!.loginId};présent`,
      `${s1!.id};${people[0]!.loginId};peut-être`,
    ].join("\n");
    const id = await preview(coach, "attendance", list);
    expect(await marksOf(s1!.id)).toHaveLength(0);
    const html = await (await coach.get(`/imports/${id}`)).text();
    expect(html).toContain("6 lignes lues\u00a0: 2 prêtes, 4 avec un problème");
    expect(html).toContain("pas de place confirmée dans la cohorte");
    expect(html).toContain("Séance introuvable");
    expect(html).toContain("Même personne que la ligne 2 du fichier");
    expect([...html.matchAll(/data-line="(\d+)"/g)].map((m) => m[1])).toEqual(["4", "5", "6", "7"]);

    expect((await coach.post(`/imports/${id}`, { intent: "confirm" })).status).toBe(302);
    expect((await coach.get(`/imports/${id}`).then((r) => r.text())).replace(/<!-- -->/g, "")).toMatch(
      /2 présences enregistrées sur 6 lignes/,
    );
    const marks = await marksOf(s1!.id);
    expect(Object.fromEntries(marks.map((m) => [m.userId, m.status]))).toEqual({
      [people[0]!.id]: "present",
      [people[1]!.id]: "absent",
    });

    // the same file: refused; a new list with one mark changed: only that row is written, as a correction
    expect((await upload(coach, "attendance", list)).status).toBe(409);
    const next = [HEADER, `${s1!.id};${people[0]!.loginId};present`, `${s1!.id};${people[1]!.loginId};present`].join(
      "\n",
    );
    const nextId = await preview(coach, "attendance", next);
    expect(await (await coach.get(`/imports/${nextId}`)).text()).toContain("Déjà importée par un import précédent");
    await coach.post(`/imports/${nextId}`, { intent: "confirm" });
    const after = await marksOf(s1!.id);
    expect(after.every((m) => m.status === "present")).toBe(true);
    expect(
      await t.db.$count(
        auditLog,
        and(eq(auditLog.action, "training.attendance.correct"), eq(auditLog.entityId, `${s1!.id}:${people[1]!.id}`)),
      ),
    ).toBe(1);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, nextId));
    expect(batch).toMatchObject({ status: "confirmed", writtenCount: 1 });
  });

  it("a case worker cannot import attendance; an admin can; a donor cannot open imports", async () => {
    const { sessions, people } = scene;
    const list = [HEADER, `${sessions[1]!.id};${people[0]!.loginId};absent`].join("\n");
    expect((await upload(s.clients.workerA, "attendance", list)).status).toBe(403);
    const { client: donor } = await app.asNewUser({ role: "donor_viewer" });
    expect((await donor.get("/imports")).status).toBe(403);
    const programme = await makeOrganisation(t.db);
    const { client: admin } = await app.asNewUser({ role: "admin", organisationId: programme.id });
    const id = await preview(admin, "attendance", list);
    await admin.post(`/imports/${id}`, { intent: "confirm" });
    expect(await marksOf(sessions[1]!.id)).toEqual([{ userId: people[0]!.id, status: "absent" }]);
    // the coach's organisation is another: the admin's batch is not theirs to see
    expect((await scene.coach.get(`/imports/${id}`)).status).toBe(404);
    expect(await t.db.$count(importBatches, and(eq(importBatches.id, id), isNotNull(importBatches.confirmedAt)))).toBe(
      1,
    );
  });
});
