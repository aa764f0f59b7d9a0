import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  actsForPeople,
  auditLog,
  caseAccountLinks,
  codeFlags,
  deletionRequests,
  notifications,
  organisations,
  outbox,
  profiles,
} from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeCase } from "../../factories/protection";
import { completePlanContent, makePlan, PERSONAL_SECTION } from "../../factories/business-plans";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

type U = Awaited<ReturnType<typeof makeUser>>;
let me: U, admin: U;
let asMe: TestClient, asAdmin: TestClient;

beforeAll(async () => {
  me = await makeUser(t.db, { role: "applicant", displayName: "Moussa Traoré" });
  admin = await makeUser(t.db, { role: "admin" });
  asMe = await app.signedIn(me.email ?? "");
  asAdmin = await app.signedIn(admin.email ?? "");
});

const personal = PERSONAL_SECTION;

describe("applicant profile", () => {
  it("starts empty, and home says to complete it first", async () => {
    const home = await (await asMe.get("/home")).text();
    expect(home).toContain('data-completeness="0"');
    expect(home).toContain('data-next="profile"');
  });

  it("saves the personal section and reports what is still missing", async () => {
    const res = await asMe.post("/profile", personal);
    expect(res.status).toBe(302);
    const [row] = await t.db.select().from(profiles).where(eq(profiles.userId, me.id));
    expect(row?.languagesSpoken).toEqual(["fr", "bm"]);
    const page = await (await asMe.get("/profile")).text();
    expect(page).toContain('data-completeness="20"');
    expect(page).toContain("Études, Expérience professionnelle, Compétences, Ce que vous cherchez");
  });

  it("refuses a country that does not exist and a birth date that makes a child, changing nothing", async () => {
    const res = await asMe.post("/profile", {
      ...personal,
      nationality: "XX",
      birthDate: "2020-01-01",
      city: "tanger",
      "experience[1].role": "Menuisier",
      "experience[1].years": "trois",
      skills: "Menuiserie",
      seeks: ["internship", "training"],
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Choisissez un pays de la liste.");
    expect(html).toContain("Date de naissance non valide");
    // every value typed comes back, in every section
    expect(html).toMatch(/value="tanger" selected=""/);
    expect(html).toContain('value="Menuisier"');
    expect(html).toContain('value="trois"');
    expect(html).toContain("Menuiserie</textarea>");
    expect(html).toMatch(/checked="" value="internship"/);
    expect(html).toMatch(/checked="" value="bm"/);
    expect(html).not.toMatch(/checked="" value="job"/);
    const [row] = await t.db.select().from(profiles).where(eq(profiles.userId, me.id));
    expect(row?.city).toBe("casablanca");
  });

  it("saves a town of the list and prints it in the reader's language; refuses one outside it, keeping the rest", async () => {
    const saved = await asMe.post("/profile", { ...personal, city: "el_jadida" });
    expect(saved.status).toBe(302);
    let [row] = await t.db.select().from(profiles).where(eq(profiles.userId, me.id));
    expect(row?.city).toBe("el_jadida");
    // a town typed by hand (what the field took before) is not one of the list
    const refused = await asMe.post("/profile", { ...personal, city: "Témara", skills: "Couture" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Choisissez la ville dans la liste («\u00a0Autre ville\u00a0» si elle n’y est pas).");
    expect(html).toContain('href="#f-city"');
    expect(html).toContain("Couture</textarea>");
    expect(html).toContain('value="ML" selected');
    [row] = await t.db.select().from(profiles).where(eq(profiles.userId, me.id));
    expect(row?.city).toBe("el_jadida");
    // the form offers the towns in the reader's language, "other" included
    asMe.cookies.set("lng", "ar");
    const arabic = await (await asMe.get("/profile")).text();
    asMe.cookies.set("lng", "fr");
    expect(arabic).toMatch(/<option value="el_jadida" selected="">الجديدة<\/option>/);
    expect(arabic).toMatch(/<option value="other">[^<]+<\/option>/);
    const other = await asMe.post("/profile", { ...personal, city: "other" });
    expect(other.status).toBe(302);
    [row] = await t.db.select().from(profiles).where(eq(profiles.userId, me.id));
    expect(row?.city).toBe("other");
    await asMe.post("/profile", personal);
  });

  it("a town the migration could not read: the admin chooses it once without seeing who; the person's own choice closes it", async () => {
    const person = await makeUser(t.db, { role: "applicant", displayName: "Flaggedtown Person" });
    await t.db.insert(profiles).values({ userId: person.id, givenName: "Flaggedtown", city: "other" });
    const [flag] = await t.db
      .insert(codeFlags)
      .values({ record: "profile", recordId: person.id, field: "city", original: "Douar Lahcen" })
      .returning();
    const page = await (await asAdmin.get("/admin/codes")).text();
    expect(page).toContain("Profil d&#x27;un candidat");
    expect(page).toContain("Douar Lahcen");
    expect(page).not.toContain("Flaggedtown");
    const bad = await asAdmin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "Douar Lahcen" });
    expect(bad.status).toBe(400);
    const chosen = await asAdmin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "tiznit" });
    expect(chosen.status).toBe(302);
    const [row] = await t.db.select().from(profiles).where(eq(profiles.userId, person.id));
    expect(row!.city).toBe("tiznit");
    const again = await asAdmin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "agadir" });
    expect(again.status).toBe(409);
    // another waiting town, then the person chooses theirs: nothing is left for the admin
    await t.db.insert(codeFlags).values({ record: "profile", recordId: me.id, field: "city", original: "Ksar" });
    expect((await asMe.post("/profile", personal)).status).toBe(302);
    const open = and(eq(codeFlags.record, "profile"), eq(codeFlags.recordId, me.id));
    expect(await t.db.$count(codeFlags, open)).toBe(0);
  });

  it("is complete with education, experience, skills and what is sought", async () => {
    const res = await asMe.post("/profile", {
      ...personal,
      educationLevel: "vocational",
      "experience[0].role": "Soudeur",
      "experience[0].sector": "Bâtiment",
      "experience[0].years": "4",
      "experience[0].country": "ML",
      "experience[1].role": "",
      "experience[1].years": "",
      skills: "Soudure à l'arc",
      seeks: ["job", "business"],
    });
    expect(res.status).toBe(302);
    expect(await (await asMe.get("/profile")).text()).toContain('data-completeness="100"');
    // no plan yet: the next thing is to start one
    expect(await (await asMe.get("/home")).text()).toContain('data-next="start-plan"');
  });

  it("has no protection data on the profile page", async () => {
    const page = (await (await asMe.get("/profile")).text()).toLowerCase();
    for (const word of ["vulnérabilité", "statut légal", "asile", "notes de cas"]) expect(page).not.toContain(word);
  });

  it("home lists the plans with their state and points to the next step", async () => {
    const plan = await makePlan(t.db, me.id, { ...completePlanContent("Soudure Moussa"), risks: {} });
    const home = await (await asMe.get("/home")).text();
    expect(home).toContain("Soudure Moussa");
    expect(home).toContain('data-next="plan-step"');
    expect(home).toContain(`/plans/${plan.id}/risks`);
  });
});

describe("my data", () => {
  it("says on its page what the export holds and what it leaves out, in fr, ar and en", async () => {
    const profile = await (await asMe.get("/profile")).text();
    expect(profile).toContain('href="/profile/export"');
    const page = await asMe.get("/profile/export");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('href="/profile/export.json"');
    expect(html).toContain("ce que le personnel a fait pour vous, et qui");
    expect(html).toContain("Il ne contient pas");
    expect(html).toContain("ni si son dossier est relié à ce compte");
    const arabic = await app.signedIn(me.email ?? "");
    await arabic.post("/lang", { lng: "ar", redirectTo: "/profile/export" });
    const ar = await (await arabic.get("/profile/export")).text();
    expect(ar).toContain("ما قام به الموظفون من أجلك، ومن قام به");
    expect(ar).toContain("ولا ما إذا كان ملفها مرتبطا بهذا الحساب");
    await arabic.post("/lang", { lng: "en", redirectTo: "/profile/export" });
    expect(await (await arabic.get("/profile/export")).text()).toContain("what staff did for you, and who");
  });

  it("exports what staff did for me and who, never a case file or its link to my account (decision 0135)", async () => {
    const worker = await makeUser(t.db, { role: "case_worker", displayName: "Agente Sanae" });
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, worker.organisationId!));
    const file = await makeCase(t.db, {
      organisationId: worker.organisationId!,
      createdById: worker.id,
      applicantUserId: me.id,
    });
    await t.db
      .insert(caseAccountLinks)
      .values({ caseId: file.id, userId: me.id, linkedById: worker.id, noticeLanguage: "fr" });
    await t.db
      .insert(actsForPeople)
      .values({ personId: me.id, staffId: worker.id, kind: "training_registration", agreedAt: new Date() });
    const json = await asMe.get("/profile/export.json");
    expect(json.status).toBe(200);
    const body = await json.text();
    const data = JSON.parse(body);
    expect(data.actsDoneForMe).toEqual([
      expect.objectContaining({ kind: "training_registration", staffName: "Agente Sanae" }),
    ]);
    for (const part of ["grantApplications", "trainingRegistrations", "trainingCertificates", "internshipApplications"])
      expect(Array.isArray(data[part]), part).toBe(true);
    for (const secret of [file.id, file.reference, org!.name, "noticeLanguage", "caseId"])
      expect(body, secret).not.toContain(secret);
  });

  it("exports everything held about me as JSON, without the password hash", async () => {
    const res = await asMe.get("/profile/export.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const body = await res.text();
    const json = JSON.parse(body);
    expect(json.account.id).toBe(me.id);
    expect(json.profile.givenName).toBe("Moussa");
    expect(json.businessPlans[0].summary.projectName).toBe("Soudure Moussa");
    expect(body).not.toContain("passwordHash");
    expect(body).not.toContain("$argon2");
  });

  it("asks for a confirmation before recording a deletion request: one tap records nothing", async () => {
    const page = await (await asMe.get("/profile/deletion")).text();
    expect(page).not.toMatch(/<button[^>]*type="submit"[^>]*button-danger/);
    expect(page).toContain('href="/profile/deletion?confirm=delete"');
    const unconfirmed = await asMe.post("/profile/deletion", { reason: "Je quitte le Maroc" });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe("/profile/deletion?confirm=delete");
    const forged = await asMe.post("/profile/deletion", { intent: "delete", confirm: "other", reason: "x" });
    expect(forged.status).toBe(303);
    expect(await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, me.id))).toHaveLength(0);
    const step = await (await asMe.get("/profile/deletion?confirm=delete")).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain('name="confirm" value="delete"');
    expect(step).toContain('class="cancel-link"');
    expect(step).toContain('name="reason"');
  });

  it("records one pending deletion request even when confirmed five times at once, and admins see it", async () => {
    const confirmed = { intent: "delete", confirm: "delete", reason: "Je quitte le Maroc" };
    const results = await Promise.all(Array.from({ length: 5 }, () => asMe.post("/profile/deletion", confirmed)));
    expect(results.every((r) => r.status === 302)).toBe(true);
    const rows = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, me.id));
    expect(rows).toHaveLength(1);
    const pendingPage = await (await asMe.get("/profile/deletion")).text();
    expect(pendingPage).toContain("data-pending");
    const list = await (await asAdmin.get("/admin/deletion-requests")).text();
    expect(list).toContain("Moussa Traoré");
    expect(list).toContain("Je quitte le Maroc");
    expect((await asMe.get("/admin/deletion-requests")).status).toBe(403);
    // marking it done goes through a step naming the person; the first post changes nothing
    const requestId = rows[0]?.id ?? "";
    expect(list).toContain(`href="/admin/deletion-requests?confirm=done&amp;requestId=${requestId}"`);
    const first = await asAdmin.post("/admin/deletion-requests", { requestId });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/admin/deletion-requests?confirm=done&requestId=${requestId}`);
    expect((await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, me.id)))[0]?.status).toBe(
      "pending",
    );
    const step = await (await asAdmin.get(first.headers.get("location")!)).text();
    expect(step).toMatch(/data-testid="confirm-step"[^]*Moussa Traoré/);
    expect(
      (await asAdmin.post("/admin/deletion-requests", { requestId, intent: "done", confirm: "done" })).status,
    ).toBe(302);
    const [done] = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, me.id));
    expect(done?.status).toBe("done");
    // a request done can no longer be withdrawn, nor marked again
    expect((await asMe.get("/profile/deletion?confirm=withdraw")).status).toBe(200);
    expect(await (await asMe.get("/profile/deletion?confirm=withdraw")).text()).not.toContain("confirm-step");
    expect(
      (await asAdmin.post("/admin/deletion-requests", { requestId, intent: "done", confirm: "done" })).status,
    ).toBe(404);
  });

  it("the person withdraws a pending request only after confirming, and gets a receipt; the admin can no longer mark it", async () => {
    const person = await makeUser(t.db, { role: "applicant", displayName: "Awa Withdraw" });
    const asPerson = await app.signedIn(person.email ?? "");
    await asPerson.post("/profile/deletion", { intent: "delete", confirm: "delete", reason: "" });
    const [pending] = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, person.id));
    expect(pending?.status).toBe("pending");
    const page = await (await asPerson.get("/profile/deletion")).text();
    expect(page).toContain('href="/profile/deletion?confirm=withdraw"');
    const unconfirmed = await asPerson.post("/profile/deletion", { intent: "withdraw" });
    expect(unconfirmed.headers.get("location")).toBe("/profile/deletion?confirm=withdraw");
    const [still] = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, person.id));
    expect(still?.status).toBe("pending");
    const step = await (await asPerson.get("/profile/deletion?confirm=withdraw")).text();
    expect(step).toMatch(/data-testid="confirm-step"[^]*class="cancel-link"/);
    const done = await asPerson.post("/profile/deletion", { intent: "withdraw", confirm: "withdraw" });
    expect(done.headers.get("location")).toBe("/profile/deletion?withdrawn");
    const [withdrawn] = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, person.id));
    expect(withdrawn?.status).toBe("withdrawn");
    expect(await (await asPerson.get("/profile/deletion?withdrawn")).text()).toContain("vos données sont conservées");
    // the receipt: in the app and by e-mail
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, person.id));
    expect(notes.map((n) => n.kind)).toContain("profiles.notify.deletionWithdrawn");
    const mail = await t.db.select().from(outbox).where(eq(outbox.userId, person.id));
    expect(mail.filter((m) => m.kind === "profiles.notify.deletionWithdrawn").map((m) => m.channel)).toContain("email");
    // the admin's list says so, and offers nothing to do on it
    const list = await (await asAdmin.get("/admin/deletion-requests")).text();
    expect(list).toContain("Retirée par la personne");
    const requestId = withdrawn?.id ?? "";
    expect(
      (await asAdmin.post("/admin/deletion-requests", { requestId, intent: "done", confirm: "done" })).status,
    ).toBe(404);
    // and the person may ask again
    await asPerson.post("/profile/deletion", { intent: "delete", confirm: "delete", reason: "" });
    const all = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, person.id));
    expect(all.map((r) => r.status).sort()).toEqual(["pending", "withdrawn"]);
  });

  it("a withdrawal and the admin's 'done' at the same moment: exactly one of them happens", async () => {
    const person = await makeUser(t.db, { role: "applicant" });
    const asPerson = await app.signedIn(person.email ?? "");
    await asPerson.post("/profile/deletion", { intent: "delete", confirm: "delete", reason: "" });
    const [row] = await t.db.select().from(deletionRequests).where(eq(deletionRequests.userId, person.id));
    const requestId = row?.id ?? "";
    await Promise.all([
      asPerson.post("/profile/deletion", { intent: "withdraw", confirm: "withdraw" }),
      asAdmin.post("/admin/deletion-requests", { requestId, intent: "done", confirm: "done" }),
    ]);
    const [after] = await t.db.select().from(deletionRequests).where(eq(deletionRequests.id, requestId));
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, requestId));
    const finals = audits.map((a) => a.action).filter((a) => a !== "profile.deletion.request");
    expect(finals).toHaveLength(1);
    expect(finals[0]).toBe(after?.status === "done" ? "profile.deletion.done" : "profile.deletion.withdraw");
  });
});
