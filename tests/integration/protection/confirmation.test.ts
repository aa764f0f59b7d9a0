/**
 * Actions that cannot be undone or hurt someone go through a confirmation step
 * (issue 13): the first post changes nothing and leads to a page saying what will
 * happen and to whom; only the step's own button, which sends `confirm`, does it.
 * And a fact about a person has no silent default: a case without a sex is refused.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, beneficiaryCases, caseConsents, caseReferrals } from "../../../db/schema";
import { makeCase } from "../../factories/protection";
import { namesMatch, openCase } from "../../../app/modules/protection/identity.server";
import { ar } from "../../../app/i18n/locales/ar/index";
import { caseOfA, registration, useTwoAssociations, withdrawConsent } from "./setup";

const { t, s } = useTwoAssociations();

async function actions(caseId: string) {
  const rows = await t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "beneficiary_case"), eq(auditLog.entityId, caseId)));
  return rows.map((r) => r.action);
}
const consentOf = async (caseId: string) =>
  (await t.db.select().from(caseConsents).where(eq(caseConsents.caseId, caseId)))[0]!;
const caseRow = async (caseId: string) =>
  openCase((await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, caseId)))[0]!);

describe("withdrawing consent", () => {
  it("offers a link, not a button; the first post changes nothing and leads to the step", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, firstName: "Mariam" });
    const page = await (await s.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(page).not.toMatch(/name="intent" value="withdrawConsent"/);
    expect(page).toContain(`href="/protection/cases/${c.id}?confirm=withdrawConsent"`);

    const first = await s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "withdrawConsent" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/protection/cases/${c.id}?confirm=withdrawConsent`);
    expect((await consentOf(c.id)).withdrawnAt).toBeNull();
    expect(await actions(c.id)).not.toContain("protection.consent.withdraw");

    const step = await (await s.clients.workerA.get(`/protection/cases/${c.id}?confirm=withdrawConsent`)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain("Retirer le consentement de <bdi>Mariam");
    expect(step).toContain('name="confirm" value="withdrawConsent"');
    expect(step).toContain(`href="/protection/cases/${c.id}#consent"`); // cancel

    const done = await withdrawConsent(s, c.id);
    expect(done.status).toBe(302);
    expect((await consentOf(c.id)).withdrawnAt).not.toBeNull();
    expect(await actions(c.id)).toContain("protection.consent.withdraw");
  });

  it("does not count a confirmation meant for another action", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const response = await s.clients.workerA.post(`/protection/cases/${c.id}`, {
      intent: "withdrawConsent",
      confirm: "anonymise",
    });
    expect(response.status).toBe(303);
    expect((await consentOf(c.id)).withdrawnAt).toBeNull();
  });
});

describe("the step's question in Arabic", () => {
  it("isolates the person's Latin name in a <bdi>, so the Arabic sentence keeps its order", async () => {
    const c = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.workerA.id,
      firstName: "Mariam",
      lastName: "Diallo",
    });
    const client = s.clients.workerA;
    client.cookies.set("lng", "ar");
    try {
      const step = await (await client.get(`/protection/cases/${c.id}?confirm=withdrawConsent`)).text();
      const heading = /<h1 id="confirm-title"[^>]*>([^]*?)<\/h1>/.exec(step)?.[1];
      const [before, after] = ar["protection.confirm.withdrawConsent.title"].split("{name}");
      expect(before).toMatch(/\p{Script=Arabic}/u);
      expect(heading).toBe(`${before}<bdi>${(await caseRow(c.id)).firstName} Diallo</bdi>${after}`);
    } finally {
      client.cookies.set("lng", "fr");
    }
  });
});

describe("anonymising a case file", () => {
  it("erases nothing on the first post; the step names the person; the confirmed post erases", async () => {
    const c = await makeCase(t.db, {
      organisationId: s.orgA.id,
      createdById: s.supervisorA.id,
      firstName: "Fatoumata",
      phone: "0611223344",
    });
    const page = await (await s.clients.supervisorA.get(`/protection/cases/${c.id}`)).text();
    expect(page).not.toMatch(/name="intent" value="anonymise"/);
    const first = await s.clients.supervisorA.post(`/protection/cases/${c.id}`, { intent: "anonymise" });
    expect(first.status).toBe(303);
    expect((await caseRow(c.id)).anonymisedAt).toBeNull();
    expect((await caseRow(c.id)).phone).toBe("+212611223344");

    const step = await (await s.clients.supervisorA.get(first.headers.get("location")!)).text();
    expect(step).toContain("Anonymiser le dossier de <bdi>Fatoumata");
    expect(step).toContain("définitive");

    const done = await s.clients.supervisorA.post(`/protection/cases/${c.id}`, {
      intent: "anonymise",
      confirm: "anonymise",
    });
    expect(done.status).toBe(302);
    const row = await caseRow(c.id);
    expect(row.anonymisedAt).not.toBeNull();
    expect(row.phone).toBeNull();
    expect(await actions(c.id)).toContain("protection.case.anonymise");
  });

  it("shows no step to a case worker who may not anonymise: the file as usual", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const page = await (await s.clients.workerA.get(`/protection/cases/${c.id}?confirm=anonymise`)).text();
    expect(page).not.toContain('data-testid="confirm-step"');
    expect(page).not.toContain('name="confirm"');
  });

  it("answers an unknown step in the address with a 400, not a 500", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    expect((await s.clients.workerA.get(`/protection/cases/${c.id}?confirm=dropTables`)).status).toBe(400);
  });
});

describe("rejecting a referral", () => {
  it("keeps it pending on the first post, shows who sent what, rejects once confirmed", async () => {
    const c = await caseOfA(t.db, s);
    const [referral] = await t.db
      .insert(caseReferrals)
      .values({
        caseId: c.id,
        kind: "transfer",
        fromOrganisationId: s.orgA.id,
        toOrganisationId: s.orgB.id,
        requestedById: s.workerA.id,
      })
      .returning();
    const inbox = await (await s.clients.workerB.get("/protection/referrals")).text();
    expect(inbox).not.toMatch(/name="decision" value="reject"/);

    const first = await s.clients.workerB.post("/protection/referrals", {
      referralId: referral!.id,
      decision: "reject",
    });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/protection/referrals?confirm=reject&referralId=${referral!.id}`);
    const pending = await t.db.select().from(caseReferrals).where(eq(caseReferrals.id, referral!.id));
    expect(pending[0]!.status).toBe("pending");

    const step = await (await s.clients.workerB.get(first.headers.get("location")!)).text();
    expect(step).toContain("Transfert du dossier");
    expect(step).toContain(c.reference);
    expect(step).toContain('name="confirm" value="reject"');

    const done = await s.clients.workerB.post("/protection/referrals", {
      referralId: referral!.id,
      decision: "reject",
      confirm: "reject",
    });
    expect(done.status).toBe(302);
    const [row] = await t.db.select().from(caseReferrals).where(eq(caseReferrals.id, referral!.id));
    expect(row!.status).toBe("rejected");
  });
});

describe("who may not act is refused before any confirmation step", () => {
  it("answers 403 or 404, not the step, to an unconfirmed post from someone not allowed", async () => {
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    // a case worker who is not a supervisor may not anonymise
    const anonymise = await s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "anonymise" });
    expect(anonymise.status).toBe(403);
    // another association does not see the case
    const withdraw = await s.clients.workerB.post(`/protection/cases/${c.id}`, { intent: "withdrawConsent" });
    expect(withdraw.status).toBe(404);
    // a referral sent to association B: A may not reject it
    const [referral] = await t.db
      .insert(caseReferrals)
      .values({
        caseId: c.id,
        kind: "referral",
        fromOrganisationId: s.orgA.id,
        toOrganisationId: s.orgB.id,
        requestedById: s.workerA.id,
      })
      .returning();
    const reject = await s.clients.workerA.post("/protection/referrals", {
      referralId: referral!.id,
      decision: "reject",
    });
    expect(reject.status).toBe(404);
    expect((await caseRow(c.id)).anonymisedAt).toBeNull();
    expect((await consentOf(c.id)).withdrawnAt).toBeNull();
  });
});

describe("registration: no silent default on a fact about the person", () => {
  it("refuses a case without a sex, keeps what was typed, and sums up the problems at the top", async () => {
    const fields = registration({ firstName: "Sansexe", sex: "", householdSize: "", city: "oujda" });
    const response = await s.clients.workerA.post("/protection/cases/new", fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-testid="error-summary"');
    expect(html).toContain('href="#f-sex"');
    expect(html).toContain('href="#f-householdSize"');
    const lonely = await s.clients.workerA.post("/protection/cases/new", { firstName: "Seule", consentLanguage: "fr" });
    const all = await lonely.text();
    for (const field of ["lastName", "sex", "householdSize", "dateOfBirth", "consentServices"])
      expect(all, field).toContain(`href="#f-${field}"`);
    expect(html).toContain("Indiquez le sexe de la personne");
    expect(html).toMatch(/value="Sansexe"/);
    expect(html).toMatch(/<option value="oujda" selected="">/);
    // the choice is not made for them: no option is selected by default
    expect(html).not.toMatch(/<option[^>]*selected[^>]*value="female"|<option value="female" selected/);
    const rows = await t.db.select().from(beneficiaryCases).where(namesMatch("Sansexe")!);
    expect(rows).toHaveLength(0);
  });

  it("shows the registration form with no sex chosen", async () => {
    const html = await (await s.clients.workerA.get("/protection/cases/new")).text();
    expect(html).toMatch(/<option value="" selected="">/);
  });
});
