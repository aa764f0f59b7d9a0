/**
 * The page that moves a training session (issue 17): its trainer or an admin moves it;
 * refusals say why and change nothing; the participants are told, and the page says where
 * each message stands (never "sent" before a gateway took it).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trainingSessions } from "../../../db/schema";
import { addDays, moroccoInstant, moroccoToday } from "../../../app/lib/morocco-time";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { markAttendance, register } from "../../../app/modules/trainings/service.server";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { makeCohort, makeSessions, makeTraining } from "../../factories/trainings";
import { useTestApp } from "../helpers/app";
import { outboxTo, personWithPhone } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };

async function sessionGivenBy(trainerRole: "coach" | "admin" = "coach") {
  const trainer = await makeUser(t.db, { role: trainerRole });
  const training = await makeTraining(t.db, { titleFr: "Gestion de stock" });
  const cohort = await makeCohort(t.db, training.id, { capacity: 5 });
  const [session] = await makeSessions(t.db, cohort.id, 1, addDays(moroccoToday(), 20));
  await t.db.update(trainingSessions).set({ trainerId: trainer.id }).where(eq(trainingSessions.id, session!.id));
  const person = await personWithPhone(t.db, "fr");
  await register(t.db, person, cohort.id, meta);
  return { trainer, cohort, session: session!, person, path: `/trainings/sessions/${session!.id}/move` };
}

async function signedIn(user: { email: string | null }) {
  const c = app.client();
  await c.login(user.email!, DEMO_PASSWORD);
  return c;
}

async function startsAt(sessionId: string) {
  const [row] = await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  return row!.startsAt.getTime();
}

describe("moving a session from its page", () => {
  it("the trainer moves it: the participant is told, and the page says the SMS is not sent yet", async () => {
    const { trainer, cohort, session, person, path } = await sessionGivenBy();
    const c = await signedIn(trainer);
    const form = await c.get(path);
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain('value="Rabat, salle 2"');
    expect(page).toContain("Participant·e·s inscrit·e·s\u00a0: 1.");
    // the cohort's page offers the move to its trainer
    expect(await (await c.get(`/trainings/cohorts/${cohort.id}`)).text()).toContain(`href="${path}"`);
    const day = addDays(moroccoToday(), 22);
    const moved = await c.post(path, { date: day, time: "14:30", placeFr: "Salle Atlas, Salé" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe(`${path}?moved=1`);
    expect(await startsAt(session.id)).toBe(moroccoInstant(day, "14:30").getTime());
    const [sms] = await outboxTo(t.db, person.id, "notify.trainingSessionMoved");
    const [y, m, d] = day.split("-");
    expect(sms?.body).toBe(
      `Masar : séance de « Gestion de stock » déplacée au ${d}/${m}/${y} à 14:30 (Salle Atlas, Salé).`,
    );
    await deliverOutbox(t.db, { email: null, sms: null });
    const after = await (await c.get(`${path}?moved=1`)).text();
    expect(after).toContain("Séance déplacée.");
    expect(after).toContain("Non envoyé\u00a0: aucune passerelle SMS configurée");
    expect(after).not.toContain("Accepté par la passerelle");
    // the trainer reads who was told, not their phone numbers
    expect(after).toContain(person.displayName);
    expect(after).not.toContain(person.phone!);
  });

  it("a malformed date, the past, or a missing place is refused with the reason, and nothing moves", async () => {
    const { trainer, session, person, path } = await sessionGivenBy();
    const c = await signedIn(trainer);
    const before = await startsAt(session.id);
    const bad = await c.post(path, { date: "2027-02-31", time: "10:00", placeFr: "Rabat" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Il y a un problème");
    expect(badPage).toContain("Cette valeur n&#x27;est pas valide.");
    expect(badPage).toContain('value="2027-02-31"');
    const past = await c.post(path, { date: "2020-01-10", time: "10:00", placeFr: "Rabat" });
    expect(past.status).toBe(409);
    expect(await past.text()).toContain("Choisissez une date et une heure à venir.");
    const nowhere = await c.post(path, { date: addDays(moroccoToday(), 25), time: "10:00" });
    expect(nowhere.status).toBe(400);
    expect(await nowhere.text()).toContain("Indiquez un lieu ou un lien en ligne.");
    expect(await startsAt(session.id)).toBe(before);
    expect(await outboxTo(t.db, person.id, "notify.trainingSessionMoved")).toHaveLength(0);
  });

  it("a session whose attendance is taken stays where it was: no form, and a post is refused", async () => {
    const { trainer, session, person, path } = await sessionGivenBy();
    await markAttendance(t.db, trainer, session.id, new Map([[person.id, "present" as const]]), {
      ...meta,
      now: session.startsAt,
    });
    const c = await signedIn(trainer);
    const page = await (await c.get(path)).text();
    expect(page).toContain('data-testid="session-held"');
    expect(page).not.toContain("data-move-session");
    const refused = await c.post(path, { date: addDays(moroccoToday(), 30), time: "10:00", placeFr: "Rabat" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Cette séance a eu lieu (la présence est notée)");
    expect(await startsAt(session.id)).toBe(session.startsAt.getTime());
    expect(await outboxTo(t.db, person.id, "notify.trainingSessionMoved")).toHaveLength(0);
  });

  it("only its trainer or an admin: another coach and an applicant are refused, and nobody is told", async () => {
    const { cohort, session, person, path } = await sessionGivenBy();
    const move = { date: addDays(moroccoToday(), 23), time: "10:00", placeFr: "Rabat" };
    const otherCoach = await signedIn(await makeUser(t.db, { role: "coach" }));
    expect((await otherCoach.get(path)).status).toBe(403);
    expect((await otherCoach.post(path, move)).status).toBe(403);
    // he still takes attendance for the cohort, without the link to move
    expect(await (await otherCoach.get(`/trainings/cohorts/${cohort.id}`)).text()).not.toContain(`href="${path}"`);
    const applicant = await signedIn(person.email ? person : await makeUser(t.db, {}));
    expect((await applicant.get(path)).status).toBe(403);
    expect((await applicant.post(path, move)).status).toBe(403);
    expect(await startsAt(session.id)).toBe(session.startsAt.getTime());
    expect(await outboxTo(t.db, person.id, "notify.trainingSessionMoved")).toHaveLength(0);
    const admin = await signedIn(await makeUser(t.db, { role: "admin" }));
    expect((await admin.post(path, move)).status).toBe(302);
    expect(await outboxTo(t.db, person.id, "notify.trainingSessionMoved")).toHaveLength(1);
    expect((await admin.get("/trainings/sessions/not-an-id/move")).status).toBe(404);
  });
});
