/**
 * The case file's larger forms on their own pages (decision 0195):
 * the owning association's case workers only, each opening audited as a view of the file;
 * another association gets "not found", a receiving association and every other role
 * "forbidden", with nothing audited. A post the page does not take is refused with a
 * translated error and changes nothing; a good one lands back on the file.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseNotes, householdMembers, vulnerabilityAssessments } from "../../../db/schema";
import { fr } from "../../../app/i18n/locales/fr/index";
import { makeOrganisation, makeUser } from "../../factories";
import { makeCase } from "../../factories/protection";
import { caseOfA, referralAcceptedByB, useTwoAssociations } from "./setup";

const { t, app, s } = useTwoAssociations();

const PAGES = ["consent", "assessment", "household", "referral", "sms", "account"] as const;

const viewsOf = async (caseId: string) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "protection.case.view")))
  ).length;

/** The page's text as a reader sees it (React escapes the apostrophes). */
const textOf = async (response: Response) => (await response.text()).replaceAll("&#x27;", "'");

describe("the case file's form pages", () => {
  it("open for the owning association, each opening audited as a view of the file", async () => {
    const c = await caseOfA(t.db, s);
    for (const page of PAGES) {
      const before = await viewsOf(c.id);
      const response = await s.clients.workerA.get(`/protection/cases/${c.id}/${page}`);
      expect(response.status, page).toBe(200);
      const html = await response.text();
      expect(html, page).toContain(`href="/protection/cases/${c.id}"`);
      expect(html, page).toContain('method="post"');
      expect(await viewsOf(c.id), page).toBe(before + 1);
    }
  });

  it("send only what the page shows: no note nor assessment text of the file (0197)", async () => {
    const c = await caseOfA(t.db, s);
    const NOTE = "Note de suivi: rendez-vous au consulat le 12";
    const ASSESSED = "Observation confidentielle de l'évaluation";
    const path = `/protection/cases/${c.id}`;
    expect((await s.clients.workerA.post(path, { intent: "note", body: NOTE })).status).toBe(302);
    const assessed = await s.clients.workerA.post(`${path}/assessment`, {
      intent: "vulnerability",
      flags: ["irregular_situation"],
      notes: ASSESSED,
      assessedOn: "2026-12-01",
    });
    expect(assessed.status).toBe(302);
    // the file shows both
    const file = await textOf(await s.clients.workerA.get(path));
    expect(file).toContain(NOTE);
    expect(file).toContain(ASSESSED);
    for (const page of PAGES) {
      const response = await s.clients.workerA.get(`${path}/${page}`);
      expect(response.status, page).toBe(200);
      const html = await textOf(response);
      expect(html, page).toContain(c.reference);
      expect(html, page).not.toContain(NOTE);
      expect(html, page).not.toContain(ASSESSED);
    }
    // the assessment's page still ticks the latest assessment's flags
    const assessment = await textOf(await s.clients.workerA.get(`${path}/assessment`));
    expect(assessment).toContain('name="flags" checked="" value="irregular_situation"');
  });

  it("leave the partners' list to their pages: the file only says whether a referral can go (0215)", async () => {
    // C is a partner association the consent does not name: only a supervisor may refer to it
    const orgC = await makeOrganisation(t.db);
    const c = await caseOfA(t.db, s);
    const file = (client: typeof s.clients.workerA, id: string) => client.get(`/protection/cases/${id}`).then(textOf);
    const link = `href="/protection/cases/${c.id}/referral"`;
    for (const client of [s.clients.workerA, s.clients.supervisorA]) {
      const html = await file(client, c.id);
      expect(html).toContain(link);
      expect(html).not.toContain(orgC.name);
    }
    // the pages that list them still do: the consent's, the supervisor's referral (the override)
    expect(await textOf(await s.clients.workerA.get(`/protection/cases/${c.id}/consent`))).toContain(orgC.name);
    const referral = await textOf(await s.clients.supervisorA.get(`/protection/cases/${c.id}/referral`));
    expect(referral).toContain(orgC.name);
    expect(await textOf(await s.clients.workerA.get(`/protection/cases/${c.id}/referral`))).not.toContain(orgC.name);
    // no partner named: the case worker is told why, the supervisor may still refer
    const unnamed = await caseOfA(t.db, s, {}, { partners: [] });
    expect(await file(s.clients.workerA, unnamed.id)).toContain(fr["protection.referral.noPartnerNamed"]);
    expect(await file(s.clients.workerA, unnamed.id)).not.toContain(`/protection/cases/${unnamed.id}/referral"`);
    expect(await file(s.clients.supervisorA, unnamed.id)).toContain(`/protection/cases/${unnamed.id}/referral"`);
    // no consent to referral: said so, and no link for anyone without the override
    const refused = await caseOfA(t.db, s, {}, { referral: false });
    expect(await file(s.clients.workerA, refused.id)).toContain(fr["protection.errors.noReferralConsent"]);
  });

  it("refuse another association (404), a receiving one and other roles (403), auditing nothing", async () => {
    const c = await caseOfA(t.db, s);
    await referralAcceptedByB(t.db, s, c.id, { shareIdentity: true, shareServices: true });
    const others = await Promise.all(
      (["coach", "committee_member", "admin", "donor_viewer", "applicant"] as const).map(async (role) => {
        const user = await makeUser(t.db, { role });
        return [role, await app.signedIn(user.email!)] as const;
      }),
    );
    const before = await viewsOf(c.id);
    for (const page of PAGES) {
      const path = `/protection/cases/${c.id}/${page}`;
      // B accepted A's referral: it reads the shared sections of the file, never these forms
      expect((await s.clients.workerB.get(path)).status, page).toBe(403);
      expect((await s.clients.workerB.post(path, { intent: "note", body: "x" })).status, page).toBe(403);
      for (const [role, client] of others) expect((await client.get(path)).status, `${page} ${role}`).toBe(403);
    }
    expect(await viewsOf(c.id)).toBe(before);
    // a case of B's own, on A's form pages: "not found"
    const ofB = await makeCase(t.db, { organisationId: s.orgB.id, createdById: s.workerB.id });
    for (const page of PAGES) {
      expect((await s.clients.workerA.get(`/protection/cases/${ofB.id}/${page}`)).status, page).toBe(404);
      const post = await s.clients.workerA.post(`/protection/cases/${ofB.id}/${page}`, { intent: "household" });
      expect(post.status, page).toBe(404);
    }
    expect(await viewsOf(ofB.id)).toBe(0);
  });

  it("refuse a form the page does not take, with a translated error, and change nothing", async () => {
    const c = await caseOfA(t.db, s);
    const refused = await s.clients.workerA.post(`/protection/cases/${c.id}/consent`, {
      intent: "note",
      body: "Une note postée sur la page du consentement",
    });
    expect(refused.status).toBe(400);
    expect(await textOf(refused)).toContain(fr["errors.unknownForm"]);
    expect(await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id))).toEqual([]);
  });

  it("keep a refused form on its page, what was typed with its error, and change nothing", async () => {
    const c = await caseOfA(t.db, s);
    const refused = await s.clients.workerA.post(`/protection/cases/${c.id}/household`, {
      intent: "household",
      relationship: "grandparent",
      sex: "female",
      age: "300",
    });
    expect(refused.status).toBe(400);
    const html = await textOf(refused);
    expect(html).toContain(fr["groups.errors.age"]);
    expect(html).toContain('value="300"');
    expect(await t.db.select().from(householdMembers).where(eq(householdMembers.caseId, c.id))).toEqual([]);
  });

  it("keep a refused assessment's ticks as posted, not the previous assessment's", async () => {
    const c = await caseOfA(t.db, s);
    const path = `/protection/cases/${c.id}/assessment`;
    const first = await s.clients.workerA.post(path, {
      intent: "vulnerability",
      flags: ["irregular_situation"],
      assessedOn: "2026-12-01",
    });
    expect(first.status).toBe(302);
    // the second one unticks that flag, ticks two others, and has a day that is not a day
    const refused = await s.clients.workerA.post(path, {
      intent: "vulnerability",
      flags: ["trafficking_victim", "unaccompanied_child"],
      notes: "Deuxième évaluation",
      assessedOn: "2026-02-31",
    });
    expect(refused.status).toBe(400);
    const html = await textOf(refused);
    const ticked = [...html.matchAll(/name="flags" checked="" value="(\w+)"/g)].map((m) => m[1]);
    expect(ticked.sort()).toEqual(["trafficking_victim", "unaccompanied_child"]);
    expect(html).toContain("Deuxième évaluation");
    expect(
      await t.db.select().from(vulnerabilityAssessments).where(eq(vulnerabilityAssessments.caseId, c.id)),
    ).toHaveLength(1);
  });

  it("land a good post back on the file, with the change", async () => {
    const c = await caseOfA(t.db, s);
    const added = await s.clients.workerA.post(`/protection/cases/${c.id}/household`, {
      intent: "household",
      relationship: "grandparent",
      sex: "female",
      age: "68",
    });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`/protection/cases/${c.id}`);
    expect(await t.db.select().from(householdMembers).where(eq(householdMembers.caseId, c.id))).toHaveLength(1);

    const assessed = await s.clients.workerA.post(`/protection/cases/${c.id}/assessment`, {
      intent: "vulnerability",
      flags: ["irregular_situation"],
      notes: "",
      assessedOn: "2026-12-01",
    });
    expect(assessed.status).toBe(302);
    expect(assessed.headers.get("location")).toBe(`/protection/cases/${c.id}`);
    const [row] = await t.db.select().from(vulnerabilityAssessments).where(eq(vulnerabilityAssessments.caseId, c.id));
    expect(row?.assessedOn).toBe("2026-12-01");

    // the file lists the member, read-only, and links to the household's page
    const file = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(file).toContain(`href="/protection/cases/${c.id}/household"`);
    for (const intent of ["consent", "vulnerability", "household", "referral", "sms", "link", "unlink"])
      expect(file, intent).not.toContain(`name="intent" value="${intent}"`);
  });
});
