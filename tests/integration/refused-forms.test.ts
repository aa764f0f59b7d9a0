/**
 * No lost work (issue 13): a form refused without JavaScript comes back with an error
 * summary at the top, each problem a link to its field and led by the field's label,
 * and with every value the person typed (never a password). One case per form.
 */
import { describe, expect, it } from "vitest";
import { makeOrganisation } from "../factories";
import { findOrMakeItem, makeCase, makeWarehouse } from "../factories/protection";
import { makeHostOffer } from "../factories/internships";
import { makeCohort, makeTraining } from "../factories/trainings";
import { makePlan } from "../factories/business-plans";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

/** The refused page: 400, a summary linking to `fields` (each named by `labelled`), the `typed` values back. */
async function expectRefused(
  response: Response,
  { fields, typed, labelled = [] }: { fields: string[]; typed: string[]; labelled?: string[] },
) {
  expect(response.status).toBe(400);
  const html = await response.text();
  const summary = html.match(/<div class="error-summary"[^]*?<\/ul><\/div>/)?.[0] ?? "";
  expect(summary, "error summary").not.toBe("");
  for (const field of fields) expect(summary, field).toContain(`href="#f-${field}"`);
  for (const label of labelled) expect(summary, label).toContain(label);
  for (const value of typed) expect(html, value).toContain(value);
  return html;
}

describe("applicant forms", () => {
  it("sign-up: every problem at once, what was typed kept, the privacy box still ticked, never the password", async () => {
    const response = await app.client().post("/signup", {
      displayName: "Mariam Refusée",
      phone: "06123",
      email: "pas-un-email",
      password: "Secret-typed-123",
      passwordConfirm: "Autre-chose-456",
      acceptPrivacy: "on",
    });
    const html = await expectRefused(response, {
      fields: ["phone", "email", "passwordConfirm"],
      typed: ['value="Mariam Refusée"', 'value="06123"', 'value="pas-un-email"'],
      labelled: ["Téléphone"],
    });
    expect(html).toMatch(/id="f-acceptPrivacy"[^>]*checked/);
    expect(html).not.toContain("Secret-typed-123");
  });

  it("sign-in: one message for the whole form, the identifier kept", async () => {
    const response = await app.client().post("/login", { identifier: "personne@masar.test", password: "faux-mot" });
    const html = await expectRefused(response, { fields: [], typed: ['value="personne@masar.test"'] });
    expect(html).toContain("Identifiant ou mot de passe incorrect.");
    expect(html).not.toContain("faux-mot");
  });

  it("password recovery: the identifier and the code kept, never the passwords", async () => {
    const response = await app.client().post("/reset-password", {
      identifier: "quelqu-un@masar.test",
      code: "123456",
      password: "court",
      passwordConfirm: "court",
    });
    const html = await expectRefused(response, {
      fields: ["password"],
      typed: ['value="quelqu-un@masar.test"', 'value="123456"'],
      labelled: ["Nouveau mot de passe"],
    });
    expect(html).not.toContain('value="court"');
  });

  it("a one-time code to set a password: the code kept", async () => {
    const response = await app.client().post("/set-password", {
      code: "abcd-efgh",
      password: "x",
      passwordConfirm: "y",
    });
    await expectRefused(response, { fields: [], typed: ['value="abcd-efgh"'] });
  });

  it("the account's new phone: the number kept", async () => {
    const { client } = await app.asNewUser();
    const response = await client.post("/account", { intent: "phone", phone: "12" });
    await expectRefused(response, { fields: ["phone"], typed: ['value="12"'] });
  });

  it("an internship application: the motivation kept", async () => {
    const { offer } = await makeHostOffer(t.db, {
      host: { name: `Hôte ${Date.now()}` },
      contactName: "F. Z.",
      offer: { titleFr: "Stage refusé", titleAr: "", titleEn: "" },
    });
    const { client } = await app.asNewUser();
    const long = `Je veux apprendre la couture. ${"x".repeat(2100)}`;
    const response = await client.post(`/internships/offers/${offer.id}`, { motivation: long });
    await expectRefused(response, { fields: ["motivation"], typed: ["Je veux apprendre la couture."] });
  });
});

describe("staff forms", () => {
  it("a new staff account", async () => {
    const { client } = await app.asNewUser({ role: "admin" });
    const response = await client.post("/admin/users/new", {
      displayName: "Nadia Staff",
      email: "nadia-staff@masar.test",
      phone: "",
      role: "case_worker",
      organisationId: "",
      locale: "fr",
    });
    await expectRefused(response, {
      fields: ["organisationId"],
      typed: ['value="Nadia Staff"', 'value="nadia-staff@masar.test"'],
    });
  });

  it("an organisation", async () => {
    const { client } = await app.asNewUser({ role: "admin" });
    const response = await client.post("/admin/organisations", { name: "", kind: "association", city: "tiznit" });
    await expectRefused(response, {
      fields: ["name"],
      typed: [`<option value="tiznit" selected="">`],
      labelled: ["Nom"],
    });
  });

  it("a grant call", async () => {
    const { client } = await app.asNewUser({ role: "admin" });
    const response = await client.post("/grants/calls/new", {
      titleFr: "Appel refusé mais gardé",
      descriptionFr: "Une description typée",
      audience: "both",
      opensOn: "2027-01-10",
      closesOn: "2027-01-01",
      reviewDeadlineOn: "2027-02-01",
      budget: "abc",
      maxGrant: "30000",
    });
    await expectRefused(response, {
      fields: ["budget"],
      typed: ['value="Appel refusé mais gardé"', "Une description typée", 'value="2027-01-10"', 'value="abc"'],
    });
  });

  it("a distribution round and a stock movement (the folded form opens on its errors)", async () => {
    const org = await makeOrganisation(t.db);
    const { client } = await app.asNewUser({ role: "case_worker", organisationId: org.id });
    const warehouse = await makeWarehouse(t.db, org.id);
    const item = await findOrMakeItem(t.db, "food_kit", "Kit (formulaire refusé)");
    const round = await client.post("/aid", {
      name: "Tournée gardée",
      warehouseId: warehouse.id,
      itemId: item.id,
      quantity: "0",
      startsOn: "2027-01-10",
      endsOn: "2027-01-01",
    });
    const html = await expectRefused(round, { fields: ["quantity", "endsOn"], typed: ['value="Tournée gardée"'] });
    expect(html).toMatch(/<details open="">\s*<summary>Créer une tournée/);
    const movement = await client.post(`/aid/warehouses/${warehouse.id}`, {
      kind: "adjustment",
      itemId: item.id,
      quantity: "-500",
      reason: "Cartons abîmés",
    });
    await expectRefused(movement, { fields: ["quantity"], typed: ['value="Cartons abîmés"'], labelled: ["Quantité"] });
  });

  it("a service on a case file", async () => {
    const org = await makeOrganisation(t.db);
    const { user, client } = await app.asNewUser({ role: "case_worker", organisationId: org.id });
    const c = await makeCase(t.db, { organisationId: org.id, createdById: user.id });
    const response = await client.post(`/protection/cases/${c.id}/services/new?kind=shelter`, {
      kind: "shelter",
      serviceDate: "pas une date",
      place: "Foyer Al Amal",
      provider: "Association X",
    });
    await expectRefused(response, {
      fields: ["serviceDate"],
      typed: ['value="Foyer Al Amal"', 'value="Association X"'],
      labelled: ["Date"],
    });
  });

  it("a session of a cohort", async () => {
    const { client } = await app.asNewUser({ role: "admin" });
    const training = await makeTraining(t.db);
    const cohort = await makeCohort(t.db, training.id);
    const response = await client.post(`/trainings/cohorts/${cohort.id}`, {
      date: "2027-02-30",
      time: "09:00",
      placeFr: "Salle gardée",
      trainerName: "Karim",
    });
    await expectRefused(response, { fields: ["date"], typed: ['value="Salle gardée"', 'value="Karim"'] });
  });

  it("registering a person at the office: the sex and resident status named in the summary", async () => {
    const { client } = await app.asNewUser({ role: "coach" });
    const response = await client.post("/office/register", {
      givenName: "Awa",
      familyName: "Diallo",
      sex: "autre",
      residentStatus: "touriste",
      phone: "06 12",
      noticeLanguage: "fr",
    });
    const html = await expectRefused(response, {
      fields: ["sex", "residentStatus", "noticeRead"],
      typed: ['value="Awa"', 'value="Diallo"', 'value="06 12"'],
      labelled: ["Sexe\u00a0:", "La personne est\u00a0:"],
    });
    // a value not offered is told what to choose, not "invalid"
    expect(html).toContain("Choisissez le sexe parmi «\u00a0Femme\u00a0» et «\u00a0Homme\u00a0».");
    expect(html).toContain(
      "Choisissez le statut parmi «\u00a0Migrant ou migrante au Maroc\u00a0» et «\u00a0De nationalité marocaine\u00a0».",
    );
    expect(html).not.toContain("Cette valeur n&#x27;est pas valide.");
  });

  it("the applicant's profile: every problem linked from the summary, led by its field (a row's by its row), every value kept", async () => {
    const { client } = await app.asNewUser({ role: "applicant" });
    const response = await client.post("/profile", {
      givenName: "Aminata",
      familyName: "Keïta",
      givenNameAr: "Aminata",
      sex: "female",
      birthDate: "2020-02-30",
      nationality: "ML",
      languagesSpoken: ["fr", "bm"],
      city: "temara",
      region: "rabat_sale_kenitra",
      educationField: "Couture",
      "experience[0].role": "Vendeuse",
      "experience[0].sector": "Commerce",
      "experience[0].years": "trois",
      skills: "Coupe et couture",
      seeks: ["training"],
    });
    const html = await expectRefused(response, {
      fields: ["givenNameAr", "birthDate", "experience[0].years"],
      labelled: ["Prénom en arabe", "Date de naissance", "Expérience 1 · "],
      typed: [
        'value="Aminata"',
        'value="Keïta"',
        'value="temara" selected',
        'value="Couture"',
        'value="Vendeuse"',
        'value="Commerce"',
        'value="trois"',
        "Coupe et couture",
        'value="ML" selected',
        'value="rabat_sale_kenitra" selected',
        'value="female" selected',
      ],
    });
    // the summary comes first, right under the title, in the order of the form
    expect(html.indexOf('class="error-summary"')).toBeLessThan(html.indexOf('name="givenName"'));
    expect(html.indexOf('href="#f-givenNameAr"')).toBeLessThan(html.indexOf('href="#f-birthDate"'));
    expect(html.indexOf('href="#f-birthDate"')).toBeLessThan(html.indexOf('href="#f-experience[0].years"'));
    // each link has its field: the ids exist
    for (const id of ["f-givenNameAr", "f-birthDate", "f-experience[0].years"]) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('name="languagesSpoken" checked="" value="fr"');
    expect(html).toContain('name="languagesSpoken" checked="" value="bm"');
    expect(html).toContain('name="seeks" checked="" value="training"');
  });

  it("the applicant's profile: a forged sex or status names what to choose", async () => {
    const { client } = await app.asNewUser({ role: "applicant" });
    const response = await client.post("/profile", { sex: "x", residentStatus: "touriste" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Choisissez le sexe parmi «\u00a0Femme\u00a0» et «\u00a0Homme\u00a0».");
    expect(html).toContain(
      "Choisissez le statut parmi «\u00a0Migrant ou migrante au Maroc\u00a0» et «\u00a0De nationalité marocaine\u00a0».",
    );
  });

  it("each step of a business plan: the summary first, led by the step's own label, the text typed kept", async () => {
    const { user, client } = await app.asNewUser({ role: "applicant" });
    const plan = await makePlan(t.db, user.id, {});
    // one text too long on each step, beside another field typed
    const steps = [
      {
        step: "summary",
        field: "pitch",
        max: 1000,
        label: "Présentation courte (au moins 20 caractères)",
        other: "projectName",
      },
      { step: "promoters", field: "skills", max: 4000, label: "Compétences", other: "experience" },
      { step: "product", field: "difference", max: 4000, label: "Ce qui le rend différent", other: "description" },
      { step: "marketing", field: "channels", max: 4000, label: "Canaux de vente", other: "strategy" },
      { step: "operations", field: "staff", max: 4000, label: "Personnel", other: "premises" },
      { step: "legal", field: "reason", max: 1000, label: "Pourquoi ce choix (facultatif)", other: "form" },
      { step: "risks", field: "mitigation", max: 4000, label: "Comment vous y ferez face", other: "risks" },
    ];
    for (const { step, field, max, label, other } of steps) {
      const typed = other === "form" ? "auto_entrepreneur" : `Texte ${step} gardé`;
      const response = await client.post(`/plans/${plan.id}/${step}`, {
        intent: "save",
        [other]: typed,
        [field]: `${step} `.repeat(max),
      });
      const html = await expectRefused(response, { fields: [field], labelled: [label], typed: [] });
      // the first choice carries the legal field's id (f-legalForm, decision 0172-legal-form-error-link)
      if (other === "form")
        expect(/<input[^>]*id="f-legalForm"[^>]*>/.exec(html)?.[0], step).toMatch(
          /(?=.*value="auto_entrepreneur")(?=.*checked="")/,
        );
      else expect(html, step).toContain(typed);
      expect(html.indexOf('class="error-summary"'), step).toBeLessThan(html.indexOf('class="stack plan-form"'));
      expect(html, step).toContain(`id="f-${field}"`);
    }
  });

  it("the legal step's choice: its problem is linked to its first choice, the reason typed kept", async () => {
    const { user, client } = await app.asNewUser({ role: "applicant" });
    const plan = await makePlan(t.db, user.id, {});
    const response = await client.post(`/plans/${plan.id}/legal`, {
      intent: "save",
      form: "societe_fantome",
      reason: "Raison gardée",
    });
    // stored as `form`, the problem is answered as `legalForm`: a link, led by the field's label
    const html = await expectRefused(response, {
      fields: ["legalForm"],
      labelled: ["Forme juridique choisie"],
      typed: ["Raison gardée"],
    });
    expect(html).toMatch(/<input type="radio" id="f-legalForm" name="form"[^>]*value="auto_entrepreneur"/);
    expect(html).not.toContain('href="#f-form"');
  });
});
