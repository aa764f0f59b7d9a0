import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  trainingAttendance,
  trainingCohorts,
  trainingCertificates,
  trainingRegistrations,
  users,
} from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { readPdfText } from "../../helpers/pdf";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { pdfDate } from "../../../app/pdf/kit.server";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("a training from registration to verified certificate, over HTTP without JavaScript", () => {
  it("registers, fills the last seat, waits, marks attendance, corrects it with an audit row, and issues a checkable certificate", async () => {
    const training = await makeTraining(t.db, {
      titleFr: "Savoir-être au travail",
      titleAr: "السلوك في العمل",
      minAttendancePercent: 100,
    });
    // under way: its sessions have been held, and it still takes registrations
    const startsOn = addDays(moroccoToday(), -10);
    const endsOn = addDays(moroccoToday(), 10);
    const cohort = await makeCohort(t.db, training.id, { capacity: 1, startsOn, endsOn });
    const sessions = await makeSessions(t.db, cohort.id, 2, startsOn);
    const first = await makeUser(t.db, { displayName: "Awa Sangaré", email: "awa@masar.test" });
    const second = await makeUser(t.db, { displayName: "Ibrahima Sow", email: "ibrahima@masar.test" });
    const coach = await makeUser(t.db, { role: "coach", email: "trainer@masar.test" });

    const awa = await app.signedIn("awa@masar.test");
    const reg = await awa.post(`/trainings/${training.id}`, { intent: "register", cohortId: cohort.id });
    expect(reg.status).toBe(302);
    const page = await (await awa.get(`/trainings/${training.id}`)).text();
    expect(page).toContain('data-registration="confirmed"');

    const ibrahima = await app.signedIn("ibrahima@masar.test");
    await ibrahima.post(`/trainings/${training.id}`, { intent: "register", cohortId: cohort.id });
    const waitingPage = await (await ibrahima.get(`/trainings/${training.id}`)).text();
    expect(waitingPage).toContain('data-registration="waiting"');
    expect(waitingPage).toContain("n° 1 sur la liste");
    // registering twice is a translated 400 that changes nothing
    const twice = await ibrahima.post(`/trainings/${training.id}`, { intent: "register", cohortId: cohort.id });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("déjà inscrit");
    expect(await t.db.$count(trainingRegistrations, eq(trainingRegistrations.cohortId, cohort.id))).toBe(2);

    const trainer = await app.signedIn("trainer@masar.test");
    const sheet = await (await trainer.get(`/trainings/sessions/${sessions[0]!.id}`)).text();
    expect(sheet).toContain("Awa Sangaré");
    expect(sheet).not.toContain("Ibrahima Sow"); // waiting list is not on the sheet
    // someone not confirmed in the cohort cannot be marked
    const stranger = await trainer.post(`/trainings/sessions/${sessions[0]!.id}`, { [`mark-${second.id}`]: "present" });
    expect(stranger.status).toBe(400);
    expect(await t.db.$count(trainingAttendance)).toBe(0);

    expect(
      (await trainer.post(`/trainings/sessions/${sessions[0]!.id}`, { [`mark-${first.id}`]: "present" })).status,
    ).toBe(302);
    expect(
      (await trainer.post(`/trainings/sessions/${sessions[1]!.id}`, { [`mark-${first.id}`]: "absent" })).status,
    ).toBe(302);
    expect(await t.db.$count(trainingCertificates, eq(trainingCertificates.userId, first.id))).toBe(0);
    const correctionsBefore = await t.db.$count(auditLog, eq(auditLog.action, "training.attendance.correct"));
    // the late correction: absent -> present, audited, and the rule now gives a certificate
    expect(
      (await trainer.post(`/trainings/sessions/${sessions[1]!.id}`, { [`mark-${first.id}`]: "present" })).status,
    ).toBe(302);
    const corrections = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training.attendance.correct"), eq(auditLog.actorId, coach.id)));
    expect(corrections.length).toBe(correctionsBefore + 1);
    expect(corrections[0]?.entityId).toBe(`${sessions[1]!.id}:${first.id}`);
    const [cert] = await t.db.select().from(trainingCertificates).where(eq(trainingCertificates.userId, first.id));
    expect(cert?.revokedAt).toBeNull();

    // the holder downloads the certificate and finds her name, the training and the dates
    const pdf = await awa.get(`/trainings/certificates/${cert!.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Awa Sangaré");
    expect(text).toContain("Savoir-être au travail");
    // (the PDF's text reads back without the marks that isolate each date)
    const day = (d: string) => pdfDate("fr", d).replace(/[\u2066-\u2069]/g, "");
    expect(text).toContain(day(startsOn));
    expect(text).toContain(day(endsOn));
    expect(text).toContain(cert!.code);
    // in Arabic too
    const ar = await awa.get(`/trainings/certificates/${cert!.id}.pdf?lang=ar`);
    const arText = readPdfText(new Uint8Array(await ar.arrayBuffer()));
    expect(arText).toMatch(/[\u0600-\u06ff]{3,}/); // Arabic came out as Arabic letters, not boxes
    expect(arText).toContain(cert!.code);
    expect(arText).toContain("Awa Sangaré");
    // another applicant cannot
    expect((await ibrahima.get(`/trainings/certificates/${cert!.id}.pdf`)).status).toBe(404);

    // anyone checks it: initials only, valid
    const anonymous = app.client();
    const valid = await anonymous.get(`/verify/${cert!.code}`);
    expect(valid.status).toBe(200);
    const validHtml = await valid.text();
    expect(validHtml).toContain('data-verify="valid"');
    expect(validHtml).toContain("A. S.");
    expect(validHtml).not.toContain("Awa Sangaré");
    expect(validHtml).not.toContain("Sangaré");
    expect(validHtml).toContain("Savoir-être au travail");

    // correcting back to absent undoes completion: the certificate is revoked
    expect(
      (await trainer.post(`/trainings/sessions/${sessions[1]!.id}`, { [`mark-${first.id}`]: "absent" })).status,
    ).toBe(302);
    const revoked = await (await anonymous.get(`/verify/${cert!.code}`)).text();
    expect(revoked).toContain('data-verify="revoked"');
    expect((await awa.get(`/trainings/certificates/${cert!.id}.pdf`)).status).toBe(404);

    const unknown = await anonymous.get("/verify/AAAA-BBBB-CCCC");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('data-verify="unknown"');
  });

  it("cancelling over HTTP promotes the next person, who sees it on their page", async () => {
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id, { capacity: 1 });
    await makeUser(t.db, { email: "c1@masar.test" });
    const c2 = await makeUser(t.db, { email: "c2@masar.test", phone: null });
    const one = await app.signedIn("c1@masar.test");
    const two = await app.signedIn("c2@masar.test");
    await one.post(`/trainings/${training.id}`, { intent: "register", cohortId: cohort.id });
    await two.post(`/trainings/${training.id}`, { intent: "register", cohortId: cohort.id });
    const [mine] = await t.db
      .select()
      .from(trainingRegistrations)
      .innerJoin(users, eq(users.id, trainingRegistrations.userId))
      .where(eq(users.email, "c1@masar.test"));
    const registrationId = mine!.training_registrations.id;
    // the first post only leads to the confirmation step: the seat is still hers
    const first = await one.post(`/trainings/${training.id}`, { intent: "cancel", registrationId });
    expect(first.status).toBe(303);
    const stepUrl = `/trainings/${training.id}?confirm=cancel&registrationId=${registrationId}`;
    expect(first.headers.get("location")).toBe(stepUrl);
    expect(await (await two.get(`/trainings/${training.id}`)).text()).toContain('data-registration="waiting"');
    const step = await (await one.get(stepUrl)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain("liste d&#x27;attente");
    // the page offers a link to the step, never a button that cancels
    expect(await (await one.get(`/trainings/${training.id}`)).text()).not.toContain('value="cancel"');
    // someone else cannot even reach the step for it
    expect((await two.post(`/trainings/${training.id}`, { intent: "cancel", registrationId })).status).toBe(404);
    expect((await one.post(stepUrl, { intent: "cancel", confirm: "cancel", registrationId })).status).toBe(302);
    expect(await (await two.get(`/trainings/${training.id}`)).text()).toContain('data-registration="confirmed"');
    const notes = await (await two.get("/notifications")).text();
    expect(notes).toContain("libérée\u00a0: vous êtes inscrit");
    expect(c2.id).toBeTruthy();
  });

  it("shows each session's day, time and place on the training page and at home; an ended cohort takes no registration", async () => {
    const training = await makeTraining(t.db, { titleFr: "Recherche d'emploi" });
    const today = moroccoToday();
    const ended = await makeCohort(t.db, training.id, { startsOn: addDays(today, -20), endsOn: addDays(today, -1) });
    const open = await makeCohort(t.db, training.id, { startsOn: addDays(today, 3), endsOn: addDays(today, 9) });
    await makeSessions(t.db, open.id, 2, addDays(today, 3));
    await makeUser(t.db, { email: "sessions@masar.test" });
    const c = await app.signedIn("sessions@masar.test");
    const page = await (await c.get(`/trainings/${training.id}`)).text();
    // the open cohort lists its sessions (place and 09:00), the ended one says registration is closed
    const openItem = page.slice(page.indexOf(`data-cohort="${open.id}"`));
    expect(openItem).toMatch(/data-sessions=[^]*09:00[^]*Rabat, salle 2/);
    const endedItem = page.slice(page.indexOf(`data-cohort="${ended.id}"`), page.indexOf(`data-cohort="${open.id}"`));
    expect(endedItem).toContain("data-registration-closed");
    expect(endedItem).not.toContain('value="register"');
    // a forged post for the ended cohort is refused with a message saying what to do, and registers nothing
    const refused = await c.post(`/trainings/${training.id}`, { intent: "register", cohortId: ended.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Choisissez une cohorte à venir");
    expect(await t.db.$count(trainingRegistrations, eq(trainingRegistrations.cohortId, ended.id))).toBe(0);
    // the open one takes her, says what happens next, and home shows her next sessions
    const sent = await c.post(`/trainings/${training.id}`, { intent: "register", cohortId: open.id });
    expect(sent.headers.get("location")).toBe(`/trainings/${training.id}?registered=${open.id}`);
    const confirmation = await (await c.get(sent.headers.get("location")!)).text();
    expect(confirmation).toMatch(/data-testid="registered"[^]*Inscription confirmée/);
    const home = await (await c.get("/home")).text();
    expect(home).toMatch(/data-next-sessions[^]*Recherche d&#x27;emploi[^]*09:00[^]*Rabat, salle 2/);
  });

  it("a seat in an ended cohort: no cancel step offered, a forged cancel refused with a translated reason", async () => {
    const training = await makeTraining(t.db);
    const today = moroccoToday();
    const cohort = await makeCohort(t.db, training.id, { startsOn: addDays(today, -20), endsOn: addDays(today, 3) });
    const person = await makeUser(t.db, { email: "ended-seat@masar.test" });
    const c = await app.signedIn("ended-seat@masar.test", { "Accept-Language": "ar" });
    await c.post(`/trainings/${training.id}`, { intent: "register", cohortId: cohort.id });
    const [reg] = await t.db.select().from(trainingRegistrations).where(eq(trainingRegistrations.userId, person.id));
    // the cohort ends meanwhile (its dates corrected)
    await t.db
      .update(trainingCohorts)
      .set({ endsOn: addDays(today, -1) })
      .where(eq(trainingCohorts.id, cohort.id));
    const stepUrl = `/trainings/${training.id}?confirm=cancel&registrationId=${reg!.id}`;
    expect(await (await c.get(stepUrl)).text()).not.toContain('data-testid="confirm-step"');
    const refused = await c.post(stepUrl, { intent: "cancel", confirm: "cancel", registrationId: reg!.id });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("لم يعد ممكنا إلغاء التسجيل");
    const [after] = await t.db.select().from(trainingRegistrations).where(eq(trainingRegistrations.id, reg!.id));
    expect(after?.status).toBe("confirmed");
  });

  it("answers bad cohort input with translated field errors and creates nothing", async () => {
    await makeUser(t.db, { role: "admin", email: "trainings-admin@masar.test" });
    const training = await makeTraining(t.db);
    const admin = await app.signedIn("trainings-admin@masar.test", { "Accept-Language": "en" });
    const response = await admin.post(`/trainings/${training.id}`, {
      intent: "cohort",
      nameFr: "",
      capacity: "-3",
      startsOn: "2026-12-10",
      endsOn: "2026-12-01",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("This field is required.");
    expect(html).toContain("This value is outside the allowed range.");
    const dates = await admin.post(`/trainings/${training.id}`, {
      intent: "cohort",
      nameFr: "A",
      capacity: "10",
      startsOn: "2026-12-10",
      endsOn: "2026-12-01",
    });
    expect(dates.status).toBe(400);
    expect(await dates.text()).toContain("The end date must come after the start date.");
    expect(await t.db.$count(trainingCohorts, eq(trainingCohorts.trainingId, training.id))).toBe(0);
    const bad = await admin.post("/trainings/new", { category: "cooking", titleFr: "x" });
    expect(bad.status).toBe(400);
  });
});
