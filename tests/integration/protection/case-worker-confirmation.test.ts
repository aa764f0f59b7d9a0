/**
 * Admins cannot grant protection access on their own: a case-worker account an admin
 * creates, moves into an association, makes a case worker, or issues a set-up code for,
 * reaches no protection data until a supervisor of that association confirms it. Tried as
 * an admin who wants to read the cases would.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, protectionSupervisors, users } from "../../../db/schema";
import { hashPassword } from "../../../app/modules/auth/password.server";
import { DEMO_PASSWORD, makeOrganisation, makeUser } from "../../factories";
import { makeCase } from "../../factories/protection";
import type { TestClient } from "../helpers/app";
import { useTwoAssociations } from "./setup";

const { t, app, s } = useTwoAssociations();
let admin: TestClient;
let caseOfA: { id: string; reference: string };

beforeAll(async () => {
  const account = await makeUser(t.db, { role: "admin" });
  admin = app.client();
  await admin.login(account.email!, DEMO_PASSWORD);
  caseOfA = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, firstName: "Protected" });
});

async function account(userId: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, userId));
  return row!;
}

/** Sign in as `userId` (its password set the way its set-up code would). */
async function signIn(userId: string) {
  await t.db
    .update(users)
    .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
    .where(eq(users.id, userId));
  return s.login((await account(userId)).email);
}

/** What a signed-in account reaches of association A's protection data. */
async function reachOf(client: TestClient) {
  return {
    list: (await client.get("/protection")).status,
    case: (await client.get(`/protection/cases/${caseOfA.id}`)).status,
    aid: (await client.get("/aid")).status,
    reports: (await client.get("/reports")).status,
  };
}
const NOTHING = { list: 403, case: 403, aid: 403, reports: 403 };
const EVERYTHING = { list: 200, case: 200, aid: 200, reports: 200 };

/** Every link of a page, and those of the header's menu. */
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
const menuLinks = (html: string) => links(/<nav class="main-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "");

const confirm = (userId: string, client = s.clients.supervisorA) => client.post("/protection/staff", { userId });

async function createCaseWorker(email: string, organisationId = s.orgA.id) {
  const response = await admin.post("/admin/users/new", {
    displayName: "Nouvelle recrue",
    email,
    role: "case_worker",
    organisationId,
    locale: "fr",
  });
  expect(response.status).toBe(200);
  const created = (await t.db.select().from(users).where(eq(users.email, email)))[0]!;
  return { created, page: await response.text() };
}

describe("an account an admin creates", () => {
  it("waits for the association's supervisor, then reaches its cases", async () => {
    const { created, page } = await createCaseWorker("recrue-a@masar.test");
    expect(page).toContain("superviseur·e de son association");
    expect(created.caseAccessOrganisationId).toBeNull();
    const client = await signIn(created.id);
    expect(await reachOf(client)).toEqual(NOTHING);
    // its home says it waits and who confirms it; its menu offers no page it cannot open
    const home = await (await client.get("/home")).text();
    expect(home).toContain('data-testid="case-access-pending"');
    expect(home).toContain("attend la confirmation");
    expect(home).toContain(`Peut confirmer votre compte\u00a0: \u2068${s.supervisorA.displayName}\u2069.`);
    expect(home).toContain(s.orgA.name.replace(/'/g, "&#x27;"));
    for (const page of ["/protection", "/imports", "/aid", "/reports"]) expect(links(home), page).not.toContain(page);
    expect(menuLinks(home)).toEqual(expect.arrayContaining(["/home", "/trainings", "/notifications", "/account"]));
    expect(await (await admin.get(`/admin/users/${created.id}`)).text()).toContain(
      "nouveau compte créé par un·e admin",
    );
    // neither the admin, nor a case worker who does not supervise, nor the account itself confirms it
    expect((await confirm(created.id, admin)).status).toBe(403);
    expect((await confirm(created.id, s.clients.workerA)).status).toBe(403);
    expect((await confirm(created.id, client)).status).toBe(403);
    expect((await s.clients.workerA.get("/protection/staff")).status).toBe(403);
    // nor a supervisor of another association
    const supervisorB = await makeUser(t.db, { role: "case_worker", organisationId: s.orgB.id });
    await t.db.insert(protectionSupervisors).values({ userId: supervisorB.id });
    expect((await confirm(created.id, await s.login(supervisorB.email))).status).toBe(404);
    expect(await reachOf(client)).toEqual(NOTHING);

    const staff = await (await s.clients.supervisorA.get("/protection/staff")).text();
    expect(staff).toContain("recrue-a@masar.test");
    expect((await confirm(created.id)).status).toBe(302);
    expect(await reachOf(client)).toEqual(EVERYTHING);
    const confirmed = await (await client.get("/home")).text();
    expect(confirmed).not.toContain('data-testid="case-access-pending"');
    for (const page of ["/protection", "/imports", "/aid", "/reports"])
      expect(menuLinks(confirmed), page).toContain(page);
    expect(await account(created.id)).toMatchObject({
      caseAccessOrganisationId: s.orgA.id,
      caseAccessConfirmedById: s.supervisorA.id,
      caseAccessPendingReason: null,
    });
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "protection.staff.confirm"), eq(auditLog.entityId, created.id)));
    expect(audited).toHaveLength(1);
    // confirmed once: a second confirmation finds nothing waiting
    expect((await confirm(created.id)).status).toBe(404);
  });

  it("the first account of a new, empty association works at once (nothing to protect, no one to ask)", async () => {
    const empty = await makeOrganisation(t.db);
    const { created } = await createCaseWorker("premier@masar.test", empty.id);
    expect(created.caseAccessOrganisationId).toBe(empty.id);
    // the second one waits for a supervisor of that association
    const { created: second } = await createCaseWorker("second@masar.test", empty.id);
    expect(second.caseAccessOrganisationId).toBeNull();
  });
});

describe("an admin's change to an existing account", () => {
  it("a coach made a case worker waits", async () => {
    const coach = await makeUser(t.db, { role: "coach" });
    const response = await admin.post(`/admin/users/${coach.id}`, {
      intent: "role",
      role: "case_worker",
      organisationId: s.orgA.id,
    });
    expect(response.status).toBe(302);
    expect(await account(coach.id)).toMatchObject({
      caseAccessOrganisationId: null,
      caseAccessPendingReason: "role_change",
    });
    expect(await reachOf(await signIn(coach.id))).toEqual(NOTHING);
  });

  it("a case worker moved to another association loses the old one at once and waits for the new one", async () => {
    const mover = await makeUser(t.db, { role: "case_worker", organisationId: s.orgB.id });
    await t.db.insert(protectionSupervisors).values({ userId: mover.id });
    const response = await admin.post(`/admin/users/${mover.id}`, {
      intent: "role",
      role: "case_worker",
      organisationId: s.orgA.id,
    });
    expect(response.status).toBe(302);
    expect(await reachOf(await signIn(mover.id))).toEqual(NOTHING);
    // a supervisor of B is not one of A
    expect(
      await t.db.select().from(protectionSupervisors).where(eq(protectionSupervisors.userId, mover.id)),
    ).toHaveLength(0);
    expect((await confirm(mover.id)).status).toBe(302);
  });

  it("a set-up code the admin sees puts a case worker's account back to waiting", async () => {
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: s.orgA.id });
    const client = await s.login(worker.email);
    expect(await reachOf(client)).toEqual(EVERYTHING);
    const code = await admin.post(`/admin/users/${worker.id}`, { intent: "setup-code" });
    expect(code.status).toBe(200);
    expect(await account(worker.id)).toMatchObject({
      caseAccessOrganisationId: null,
      caseAccessPendingReason: "new_code",
    });
    // whoever holds the account now (the admin, with the code) reaches nothing
    expect(await reachOf(await signIn(worker.id))).toEqual(NOTHING);
    const suspended = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.case_access_suspended"), eq(auditLog.entityId, worker.id)));
    expect(suspended).toHaveLength(1);
  });

  it("made a supervisor by the admin while waiting, still waits, and can confirm neither itself nor another", async () => {
    const { created } = await createCaseWorker("recrue-superviseure@masar.test");
    const { created: other } = await createCaseWorker("recrue-autre@masar.test");
    const granted = await admin.post("/admin/protection", { intent: "supervisor", userId: created.id, on: "1" });
    expect(granted.status).toBe(302);
    expect(await t.db.$count(protectionSupervisors, eq(protectionSupervisors.userId, created.id))).toBe(1);
    const client = await signIn(created.id);
    expect(await reachOf(client)).toEqual(NOTHING);
    for (const userId of [created.id, other.id]) {
      const answer = await confirm(userId, client);
      expect(answer.status, userId).toBeGreaterThanOrEqual(400);
      expect((await account(userId)).caseAccessOrganisationId, userId).toBeNull();
    }
    expect(await reachOf(client)).toEqual(NOTHING);
  });

  it("an admin cannot make itself a case worker", async () => {
    const self = await makeUser(t.db, { role: "admin" });
    const client = await s.login(self.email);
    const response = await client.post(`/admin/users/${self.id}`, {
      intent: "role",
      role: "case_worker",
      organisationId: s.orgA.id,
    });
    expect(response.status).toBe(400);
    expect((await account(self.id)).role).toBe("admin");
  });
});

describe("a confirmation racing a move", () => {
  // whichever lands first, the account never reaches the association it was moved to unconfirmed
  it("never leaves the account confirmed for an association whose supervisor did not confirm it", async () => {
    for (let round = 0; round < 5; round++) {
      const { created } = await createCaseWorker(`course-${round}@masar.test`);
      const [confirmed, moved] = await Promise.all([
        confirm(created.id),
        admin.post(`/admin/users/${created.id}`, { intent: "role", role: "case_worker", organisationId: s.orgB.id }),
      ]);
      expect([302, 404]).toContain(confirmed.status);
      expect(moved.status).toBe(302);
      const after = await account(created.id);
      expect(after.organisationId).toBe(s.orgB.id);
      expect(after.caseAccessOrganisationId).toBeNull();
    }
  });
});
