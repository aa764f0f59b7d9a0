import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, passwordTokens, users } from "../../db/schema";
import { DEMO_PASSWORD, makeOrganisation, makeUser } from "../factories";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

async function adminClient() {
  const admin = await makeUser(t.db, { role: "admin" });
  const client = await app.signedIn(admin.email!);
  return client;
}

describe("staff accounts", () => {
  it("an admin creates a case worker, who sets a password from the one-time code and signs in", async () => {
    const org = await makeOrganisation(t.db, { name: "Association Test Fès", city: "fes" });
    const admin = await adminClient();
    const created = await admin.post("/admin/users/new", {
      displayName: "Salma Case",
      phone: "0611111111",
      role: "case_worker",
      organisationId: org.id,
      locale: "ar",
    });
    expect(created.status).toBe(200);
    const code = (await created.text()).match(/data-testid="setup-code">([^<]+)</)?.[1];
    expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const [user] = await t.db.select().from(users).where(eq(users.phone, "+212611111111"));
    expect(user).toMatchObject({ role: "case_worker", organisationId: org.id, passwordHash: null });
    // the code goes out by SMS, in the staff member's language
    const [sms] = await t.db.select().from(outbox).where(eq(outbox.recipient, "+212611111111"));
    expect(sms?.channel).toBe("sms");
    expect(sms?.body).toContain(code);
    expect(sms?.body).toContain("مسار");

    const staff = app.client();
    const weak = await staff.post("/set-password", {
      code: code!,
      password: "short-pass1",
      passwordConfirm: "short-pass1",
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("au moins 12 caractères");
    const done = await staff.post("/set-password", {
      code: code!.toUpperCase(),
      password: "a long staff passphrase",
      passwordConfirm: "a long staff passphrase",
    });
    expect(done.status).toBe(302);
    expect((await staff.get("/home")).status).toBe(200);
    // a code works once
    const reuse = await app.client().post("/set-password", {
      code: code!,
      password: "another staff passphrase",
      passwordConfirm: "another staff passphrase",
    });
    expect(reuse.status).toBe(400);
    await app.client().login("0611111111", "a long staff passphrase");
  });

  it("refuses an expired code", async () => {
    const admin = await adminClient();
    const created = await admin.post("/admin/users/new", {
      displayName: "Late",
      email: "late@masar.test",
      role: "coach",
      locale: "fr",
    });
    const code = (await created.text()).match(/data-testid="setup-code">([^<]+)</)?.[1];
    const [user] = await t.db.select().from(users).where(eq(users.email, "late@masar.test"));
    await t.db
      .update(passwordTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordTokens.userId, user!.id));
    const late = await app.client().post("/set-password", {
      code: code!,
      password: "a long staff passphrase",
      passwordConfirm: "a long staff passphrase",
    });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Ce code n&#x27;est pas valide ou a expiré");
  });

  it("a case worker must belong to an organisation; an admin cannot demote themselves", async () => {
    const admin = await adminClient();
    const missingOrg = await admin.post("/admin/users/new", {
      displayName: "No Org",
      email: "noorg@masar.test",
      role: "case_worker",
      locale: "fr",
    });
    expect(missingOrg.status).toBe(400);
    expect(await missingOrg.text()).toContain("Ce rôle doit être rattaché à une organisation.");
    expect(await t.db.$count(users, eq(users.email, "noorg@masar.test"))).toBe(0);
  });

  it("applicants cannot reach user administration, whatever they post", async () => {
    const applicant = await makeUser(t.db);
    const client = await app.signedIn(applicant.email!);
    const attempt = await client.post("/admin/users/new", {
      displayName: "Hacker",
      email: "h@masar.test",
      role: "admin",
      locale: "fr",
    });
    expect(attempt.status).toBe(403);
    const selfPromote = await client.post(`/admin/users/${applicant.id}`, { intent: "role", role: "admin" });
    expect(selfPromote.status).toBe(403);
    const [row] = await t.db.select().from(users).where(eq(users.id, applicant.id));
    expect(row?.role).toBe("applicant");
  });

  it("changes one's own password, keeps this device signed in and signs out the others", async () => {
    const user = await makeUser(t.db);
    const phone = await app.signedIn(user.email!);
    const laptop = await app.signedIn(user.email!);
    const changed = await phone.post("/account", {
      currentPassword: DEMO_PASSWORD,
      password: "my brand new passphrase",
      passwordConfirm: "my brand new passphrase",
    });
    expect(changed.status).toBe(200);
    expect((await phone.get("/home")).status).toBe(200);
    expect((await laptop.get("/home")).status).toBe(302);
    const wrong = await phone.post("/account", {
      currentPassword: "nope",
      password: "x long passphrase",
      passwordConfirm: "x long passphrase",
    });
    expect(wrong.status).toBe(400);
  });
});

describe("deactivating an account", () => {
  it("goes through a confirmation step: the first post changes nothing; one's own account is refused at once", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const client = await app.signedIn(admin.email!);
    const target = await makeUser(t.db, { role: "coach", displayName: "Karim Coach" });
    const page = await (await client.get(`/admin/users/${target.id}`)).text();
    expect(page).toContain(`href="/admin/users/${target.id}?confirm=deactivate"`);
    expect(page).not.toMatch(/name="intent" value="deactivate"/);

    const first = await client.post(`/admin/users/${target.id}`, { intent: "deactivate" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/admin/users/${target.id}?confirm=deactivate`);
    const [still] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(still!.isActive).toBe(true);
    const step = await (await client.get(first.headers.get("location")!)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain("Désactiver le compte de <bdi>Karim Coach</bdi>");
    expect(step).toContain('name="confirm" value="deactivate"');

    const done = await client.post(`/admin/users/${target.id}`, { intent: "deactivate", confirm: "deactivate" });
    expect(done.status).toBe(302);
    const [off] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(off!.isActive).toBe(false);

    // one's own account: refused, never a step
    expect((await client.post(`/admin/users/${admin.id}`, { intent: "deactivate" })).status).toBe(400);
    const own = await (await client.get(`/admin/users/${admin.id}?confirm=deactivate`)).text();
    expect(own).not.toContain('data-testid="confirm-step"');
    // an unknown account: not found
    expect(
      (await client.post(`/admin/users/00000000-0000-4000-8000-000000000000`, { intent: "deactivate" })).status,
    ).toBe(404);
  });
});
