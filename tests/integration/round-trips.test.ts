/**
 * Database round trips per page (issue 19): the session check and the header's unread
 * count are one query; the case file's reads do not grow with its notes, and only
 * one page of notes is read and decrypted per view; the applicant's home reads its
 * lists in one statement and her phone's state with the session.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { notify } from "../../app/modules/notifications/service.server";
import { NOTES_PER_PAGE } from "../../app/modules/protection/queries.server";
import { makeUser } from "../factories";
import { findOrMakeItem, makeStockedRound } from "../factories/protection";
import { startTestApp, type TestApp } from "./helpers/app";
import { countingDb, useTestDb } from "./helpers/test-db";
import { caseIdFrom, caseOfA, registration, twoAssociations } from "./protection/setup";

const t = useTestDb();
let queries: string[] = [];
let app: TestApp;
let s: Awaited<ReturnType<typeof twoAssociations>>;

beforeAll(async () => {
  // the app's database handle, with every statement it sends written down
  const counted = countingDb(t.sql);
  queries = counted.statements;
  app = await startTestApp(counted.db);
  s = await twoAssociations(t.db, app);
  return () => app.close();
});

/** The statements one request sends, and its answer's body. */
async function statementsOf(request: () => Promise<Response>) {
  queries.length = 0;
  const response = await request();
  const body = await response.text();
  return { status: response.status, body, statements: [...queries] };
}

describe("the session check", () => {
  it("reads the session, the user and the unread count in one statement", async () => {
    for (let i = 0; i < 3; i++) await notify(t.db, { userId: s.workerA.id, kind: "notify.welcome", channels: [] });
    const page = await statementsOf(() => s.clients.workerA.get("/bench/floor"));
    expect(page.status).toBe(200);
    expect(page.statements).toHaveLength(1);
    expect(page.body).toMatch(/class="nav-badge"[^>]*>[^<]*3/);
  });

  it("counts again after a form posted without JavaScript changed it", async () => {
    const after = await statementsOf(() => s.clients.workerA.post("/notifications", {}));
    expect(after.status).toBe(302);
    const page = await statementsOf(() => s.clients.workerA.get("/bench/floor"));
    expect(page.statements).toHaveLength(1);
    expect(page.body).not.toContain('class="nav-badge"');
  });
});

describe("the case file", () => {
  let caseId: string;
  const addNotes = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = await s.clients.workerA.post(`/protection/cases/${caseId}`, { intent: "note", body: `note-n${i}-end` });
      expect(r.status).toBe(302);
    }
  };

  beforeAll(async () => {
    caseId = caseIdFrom(await s.clients.workerA.post("/protection/cases/new", registration({ firstName: "Rokia" })));
  });

  it("sends as many statements with 25 notes as with 2", async () => {
    await addNotes(0, 2);
    const few = await statementsOf(() => s.clients.workerA.get(`/protection/cases/${caseId}`));
    await addNotes(2, NOTES_PER_PAGE + 5);
    const many = await statementsOf(() => s.clients.workerA.get(`/protection/cases/${caseId}`));
    expect(few.status).toBe(200);
    expect(many.status).toBe(200);
    expect(many.statements.length).toBe(few.statements.length);
  });

  it("shows the newest page of notes, and the older ones on the next page", async () => {
    const first = await s.clients.workerA.get(`/protection/cases/${caseId}`);
    const html = await first.text();
    const shown = (page: string) =>
      [...page.matchAll(/<p class="message-body"[^>]*>note-n(\d+)-end</g)].map((m) => Number(m[1]));
    expect(shown(html)).toEqual(Array.from({ length: NOTES_PER_PAGE }, (_, i) => NOTES_PER_PAGE + 4 - i));
    expect(html).toContain("?notes=2#notes");
    const second = await (await s.clients.workerA.get(`/protection/cases/${caseId}?notes=2`)).text();
    expect(shown(second)).toEqual([4, 3, 2, 1, 0]);
    expect(second).toContain("?notes=1#notes");
    const past = await (await s.clients.workerA.get(`/protection/cases/${caseId}?notes=9`)).text();
    expect(shown(past)).toEqual([]);
  });

  it("answers a malformed page with 400, not a 500", async () => {
    expect((await s.clients.workerA.get(`/protection/cases/${caseId}?notes=abc`)).status).toBe(400);
    expect((await s.clients.workerA.get(`/protection/cases/${caseId}?notes=0`)).status).toBe(400);
  });
});

describe("the hand-out sheet of a round", () => {
  it("writes the audit row of every case it lists in one statement", async () => {
    const item = await findOrMakeItem(t.db, "food_kit", "Kit alimentaire (allers-retours)");
    const { round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 50,
      quantity: 1,
      createdById: s.workerA.id,
      name: "Tournée des allers-retours",
    });
    const cases = [];
    for (const firstName of ["Awa", "Bintou", "Coumba", "Djeneba"]) cases.push(await caseOfA(t.db, s, { firstName }));
    const sheet = await statementsOf(() => s.clients.workerA.get(`/aid/rounds/${round.id}/sheet.pdf`));
    expect(sheet.status).toBe(200);
    expect(sheet.statements.filter((q) => /^insert into "audit_log"/i.test(q))).toHaveLength(1);
    const rows = await t.db
      .select({ entityId: schema.auditLog.entityId })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, "protection.case.sheet"),
          inArray(
            schema.auditLog.entityId,
            cases.map((c) => c.id),
          ),
        ),
      );
    expect(rows.map((r) => r.entityId).sort()).toEqual(cases.map((c) => c.id).sort());
  });
});

describe("the applicant's home", () => {
  it("sends two statements (the session, then the page's one) with a coach, actions and appointments as without", async () => {
    const { user, client } = await app.asNewUser({ email: `home-${Date.now()}@masar.test` });
    const empty = await statementsOf(() => client.get("/home"));
    expect(empty.status).toBe(200);
    const coach = await makeUser(t.db, { role: "coach", displayName: "Coach Samira Bennani" });
    await t.db.insert(schema.coachAssignments).values({ coachId: coach.id, beneficiaryId: user.id });
    for (const description of ["Envoyer le CV à trois employeurs", "Préparer l'entretien"])
      await t.db
        .insert(schema.coachingActions)
        .values({ beneficiaryId: user.id, coachId: coach.id, description, dueOn: "2099-01-10" });
    const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
    await t.db
      .insert(schema.coachingAppointments)
      .values({ beneficiaryId: user.id, coachId: coach.id, startsAt, remindAt: startsAt });
    // what the coach's page leaves out, the home leaves out too: cancelled, and past
    const past = new Date(Date.now() - 24 * 3600_000);
    await t.db.insert(schema.coachingAppointments).values([
      { beneficiaryId: user.id, coachId: coach.id, startsAt: past, remindAt: past },
      { beneficiaryId: user.id, coachId: coach.id, startsAt, remindAt: startsAt, cancelledAt: new Date() },
    ]);
    const full = await statementsOf(() => client.get("/home"));
    expect(full.status).toBe(200);
    expect(full.statements.length).toBe(empty.statements.length);
    expect(full.statements).toHaveLength(2);
    expect(full.body).toContain("Coach Samira Bennani");
    expect(full.body).toContain("Envoyer le CV à trois employeurs");
    const shown = /<section[^>]*data-appointments[^>]*>[\s\S]*?<\/section>/.exec(full.body)?.[0] ?? "";
    expect(shown.match(/<li/g)?.length).toBe(1);
    expect(shown).toContain("Coach Samira Bennani");
  });

  it("tells an applicant whose phone waits for its code, read with the session, and not one whose phone is confirmed", async () => {
    const suffix = Date.now();
    const waiting = await app.asNewUser({
      phone: `+2126${String(suffix).slice(-8)}`,
      email: `w-${suffix}@masar.test`,
      phoneConfirmedAt: null,
    });
    const page = await statementsOf(() => waiting.client.get("/home"));
    expect(page.body).toContain('href="/confirm-phone"');
    expect(page.statements.some((q) => /from "users" where "users"\."id" = \$1$/.test(q.trim()))).toBe(false);
    const confirmed = await app.asNewUser({
      phone: `+2126${String(suffix + 1).slice(-8)}`,
      email: `c-${suffix}@masar.test`,
    });
    expect(await (await confirmed.client.get("/home")).text()).not.toContain('href="/confirm-phone"');
  });
});
