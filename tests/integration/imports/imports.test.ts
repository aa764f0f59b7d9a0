/**
 * Importing a case list through the pages, as a browser without JavaScript posts it: the
 * preview writes no case, confirming writes the ready rows once (same file again, same
 * rows in another file, two confirmations at once: no change), an association never
 * reaches another's import, and a bad file gets a translated page, never a 500.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, beneficiaryCases, caseConsents, importBatches, importedRows } from "../../../db/schema";
import { openCase } from "../../../app/modules/protection/identity.server";
import { MAX_IMPORT_BYTES } from "../../../app/modules/imports/rules";
import { makeXlsx } from "../../helpers/xlsx";
import type { TestClient } from "../helpers/app";
import { registration, useTwoAssociations } from "../protection/setup";

const { t, app, s } = useTwoAssociations();

const HEADER = "prenom;nom;sexe;date_de_naissance;telephone;consentement_services";
/** Two ready rows and two with problems (no sex and a day that does not exist; neither a birth day nor an age). */
const LIST = [
  HEADER,
  "Mariam;Koné;femme;12/04/1998;0612000111;oui",
  "Ibrahima;Sow;homme;1990-01-05;;oui",
  "Awa;Traoré;;31/02/2001;;oui",
  "Fanta;Camara;F;;0612000333;oui",
].join("\r\n");

function upload(client: TestClient, content: string | Uint8Array, filename = "liste.csv", lang = "fr") {
  const form = new FormData();
  form.set("kind", "cases");
  form.set("file", new File([typeof content === "string" ? content : new Uint8Array(content)], filename));
  return client.post("/imports", form, { headers: { "Accept-Language": lang } });
}

async function preview(client: TestClient, content: string | Uint8Array, filename = "liste.csv") {
  const response = await upload(client, content, filename);
  expect(response.status, await response.clone().text()).toBe(302);
  const id = /\/imports\/([0-9a-f-]{36})$/.exec(response.headers.get("location") ?? "")?.[1];
  if (!id) throw new Error("no import in redirect");
  return id;
}

const casesOf = (organisationId: string) =>
  t.db.$count(beneficiaryCases, eq(beneficiaryCases.organisationId, organisationId));

describe("preview, then confirm", () => {
  it("shows each row's problems, translated, and writes no case until confirmed", async () => {
    const before = await casesOf(s.orgA.id);
    const id = await preview(s.clients.workerA, LIST);
    expect(await casesOf(s.orgA.id)).toBe(before);
    const page = await s.clients.workerA.get(`/imports/${id}`, { headers: { "Accept-Language": "fr" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      "4 lignes lues\u00a0: 2 prêtes, 2 avec un problème (non importées), 0 avec un doublon probable.",
    );
    expect(html).toContain("Indiquez le sexe de la personne");
    expect(html).toContain("La date de naissance doit être une date réelle");
    expect(html).toContain("Indiquez la date de naissance ou un âge estimé.");
    const rows = [...html.matchAll(/data-line="(\d+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(["4", "5"]);
    // opening a preview that holds identities is audited (the confirmed batch's page holds none: not again)
    const viewed = () =>
      t.db
        .select({ role: auditLog.actorRole, organisationId: auditLog.organisationId, type: auditLog.entityType })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "imports.view")));
    expect(await viewed()).toEqual([{ role: "case_worker", organisationId: s.orgA.id, type: "import_batch" }]);

    const confirm = await s.clients.workerA.post(`/imports/${id}`, { intent: "confirm" });
    expect(confirm.status).toBe(302);
    expect(await casesOf(s.orgA.id)).toBe(before + 2);
    const done = await s.clients.workerA.get(`/imports/${id}`);
    expect(await done.text()).toMatch(/Import confirmé le .+\u00a0: 2 dossiers ouverts sur 4 lignes\./);
    expect(await viewed()).toHaveLength(1);
    // the cases are whole: identity sealed, consent recorded, each write audited
    const [mariam] = (await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.organisationId, s.orgA.id)))
      .map((row) => openCase(row))
      .filter((c) => c.firstName === "Mariam");
    expect(mariam).toMatchObject({
      lastName: "Koné",
      sex: "female",
      dateOfBirth: "1998-04-12",
      phone: "+212612000111",
    });
    expect(await t.db.$count(caseConsents, eq(caseConsents.caseId, mariam!.id))).toBe(1);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, mariam!.id), eq(auditLog.action, "protection.case.import")));
    expect(audits).toHaveLength(1);
    expect(await t.db.$count(auditLog, and(eq(auditLog.entityId, id), eq(auditLog.action, "imports.confirm")))).toBe(1);
    const [batch] = await t.db.select().from(importBatches).where(eq(importBatches.id, id));
    // the identities held for the preview are gone once confirmed
    expect(batch).toMatchObject({ status: "confirmed", writtenCount: 2, rowsEnc: null });
  });

  it("reads the same list from an XLSX file (KoBo's headers, _uuid and bookkeeping columns)", async () => {
    const { clients, orgA } = await import("../protection/setup").then((m) => m.twoAssociations(t.db, app));
    const xlsx = makeXlsx([
      [
        "_id",
        "identite/prenom",
        "identite/nom",
        "identite/sexe",
        "identite/age",
        "consent",
        "_uuid",
        "_submission_time",
      ],
      [1, "Kadiatou", "Bah", "female", 31, "yes", "uuid-1", "2026-11-02T10:00:00"],
      [2, "Moussa", "Keita", "male", 44, "yes", "uuid-2", "2026-11-02T10:05:00"],
    ]);
    const id = await preview(clients.workerA, xlsx, "kobo.xlsx");
    expect((await clients.workerA.post(`/imports/${id}`, { intent: "confirm" })).status).toBe(302);
    expect(await casesOf(orgA.id)).toBe(2);
  });

  it("lists a likely duplicate and imports it only when ticked as someone else", async () => {
    const { clients, orgA } = await import("../protection/setup").then((m) => m.twoAssociations(t.db, app));
    const existing = await clients.workerA.post("/protection/cases/new", registration({ phone: "0677001122" }));
    expect(existing.status).toBe(302);
    const list = [HEADER, "Awa;Sangaré;femme;11/02/1994;0677001122;oui", "Binta;Diallo;femme;;;oui"].join("\n");
    const withAge = list.replace("Binta;Diallo;femme;;;oui", "Binta;Diallo;femme;03/03/1983;;oui");
    const id = await preview(clients.workerA, withAge);
    const html = await (await clients.workerA.get(`/imports/${id}`)).text();
    expect(html).toContain("même téléphone");
    expect(html).toMatch(/name="distinct" value="2"/);
    await clients.workerA.post(`/imports/${id}`, { intent: "confirm" });
    // Binta written; Awa (a likely duplicate, not ticked) left out
    expect(await casesOf(orgA.id)).toBe(2);

    const again = await preview(clients.workerA, withAge + "\n");
    await clients.workerA.post(`/imports/${again}`, { intent: "confirm", distinct: "2" });
    const rows = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.organisationId, orgA.id));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.confirmedDistinctFrom !== null)).toHaveLength(1);
  });
});

describe("a re-import changes nothing", () => {
  it("refuses the same file again, and skips rows another file already brought", async () => {
    const { clients, orgA } = await import("../protection/setup").then((m) => m.twoAssociations(t.db, app));
    const id = await preview(clients.workerA, LIST);
    await clients.workerA.post(`/imports/${id}`, { intent: "confirm" });
    const written = await casesOf(orgA.id);
    expect(written).toBe(2);

    const same = await upload(clients.workerA, LIST);
    expect(same.status).toBe(409);
    expect(await same.text()).toContain("Ce fichier a déjà été importé");

    // the same people in another file (a column more, rows reordered): already imported
    const other = [
      HEADER + ";ville",
      "Fanta;Camara;F;;0612000333;oui;Rabat",
      "Mariam;Koné;femme;12/04/1998;0612000111;oui;Rabat",
    ].join("\n");
    const otherId = await preview(clients.workerA, other);
    const html = await (await clients.workerA.get(`/imports/${otherId}`)).text();
    expect(html.match(/Déjà importée par un import précédent/g)).toHaveLength(1);
    await clients.workerA.post(`/imports/${otherId}`, { intent: "confirm" });
    expect(await casesOf(orgA.id)).toBe(written);

    const twice = await clients.workerA.post(`/imports/${id}`, { intent: "confirm" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Cet import est déjà confirmé");
    expect(await casesOf(orgA.id)).toBe(written);
  });

  it("writes once when the same batch, or two previews of one file, are confirmed at the same time", async () => {
    const { clients, orgA, workerA, login } = await import("../protection/setup").then((m) =>
      m.twoAssociations(t.db, app),
    );
    const second = await login(workerA.email);
    const id = await preview(clients.workerA, LIST);
    const statuses = await Promise.all([
      clients.workerA.post(`/imports/${id}`, { intent: "confirm" }),
      second.post(`/imports/${id}`, { intent: "confirm" }),
      clients.supervisorA.post(`/imports/${id}`, { intent: "confirm" }),
    ]).then((rs) => rs.map((r) => r.status).sort());
    expect(statuses).toEqual([302, 409, 409]);
    expect(await casesOf(orgA.id)).toBe(2);

    const other = await import("../protection/setup").then((m) => m.twoAssociations(t.db, app));
    const list2 = LIST.replace("Mariam", "Mariama");
    const [p1, p2] = [await preview(other.clients.workerA, list2), await preview(other.clients.supervisorA, list2)];
    const raced = await Promise.all([
      other.clients.workerA.post(`/imports/${p1}`, { intent: "confirm" }),
      other.clients.supervisorA.post(`/imports/${p2}`, { intent: "confirm" }),
    ]).then((rs) => rs.map((r) => r.status).sort());
    expect(raced).toEqual([302, 409]);
    expect(await casesOf(other.orgA.id)).toBe(2);
    expect(await t.db.$count(importedRows, eq(importedRows.organisationId, other.orgA.id))).toBe(2);
  });
});

describe("scope", () => {
  it("an association cannot see or confirm another's import, nor find its cases as duplicates", async () => {
    const before = await casesOf(s.orgA.id);
    const id = await preview(s.clients.workerA, LIST.replace("Ibrahima", "Ibrahim"));
    expect((await s.clients.workerB.get(`/imports/${id}`)).status).toBe(404);
    expect((await s.clients.workerB.post(`/imports/${id}`, { intent: "confirm" })).status).toBe(404);
    const list = await (await s.clients.workerB.get("/imports")).text();
    expect(list).not.toContain(id);
    expect(await casesOf(s.orgA.id)).toBe(before);
    expect(await casesOf(s.orgB.id)).toBe(0);
    // B imports A's people: nothing of A's shows as a likely duplicate, and B's own cases are written for B
    const bId = await preview(s.clients.workerB, LIST.replace("Ibrahima", "Ibrahim"));
    const html = await (await s.clients.workerB.get(`/imports/${bId}`)).text();
    expect(html).not.toContain("PR-");
    await s.clients.workerB.post(`/imports/${bId}`, { intent: "confirm" });
    expect(await casesOf(s.orgB.id)).toBe(2);
    expect(await casesOf(s.orgA.id)).toBe(before);
  });

  it("an admin, a coach and the anonymous cannot import cases", async () => {
    const { client: coach } = await app.asNewUser({ role: "coach" });
    expect((await upload(coach, LIST)).status).toBe(403);
    expect((await upload(app.client(), LIST)).status).toBe(302);
    const { client: adminClient } = await app.asNewUser({ role: "admin" });
    expect((await upload(adminClient, LIST)).status).toBe(403);
  });
});

describe("bad files get a translated page, never a 500, and write nothing", () => {
  const cases: [string, string | Uint8Array, string, Record<"fr" | "ar" | "en", string>][] = [
    [
      "wrong type",
      "GIF89a....",
      "photo.gif",
      { fr: "ni un CSV ni un XLSX", ar: "ليس CSV ولا XLSX", en: "neither a CSV" },
    ],
    [
      "an XLSX name on a CSV",
      LIST,
      "liste.xlsx",
      { fr: "ni un CSV ni un XLSX", ar: "ليس CSV ولا XLSX", en: "neither a CSV" },
    ],
    ["empty", "", "vide.csv", { fr: "Ce fichier est vide", ar: "هذا الملف فارغ", en: "This file is empty" }],
    [
      "blank",
      " \r\n\r\n , \r\n",
      "vide.csv",
      { fr: "Ce fichier est vide", ar: "هذا الملف فارغ", en: "This file is empty" },
    ],
    [
      "malformed CSV",
      `${HEADER}\n"Awa;Koné;femme`,
      "casse.csv",
      { fr: "ne peut pas être lu", ar: "تعذّرت قراءة", en: "cannot be read" },
    ],
    [
      "a broken XLSX",
      new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]),
      "casse.xlsx",
      { fr: "ne peut pas être lu", ar: "تعذّرت قراءة", en: "cannot be read" },
    ],
    [
      "missing columns",
      "nom;ville\nKoné;Rabat",
      "x.csv",
      {
        fr: "Colonnes obligatoires introuvables\u00a0: prenom (first_name), sexe (sex)",
        ar: "أعمدة إلزامية غير موجودة",
        en: "Required columns not found",
      },
    ],
    [
      "headers only",
      HEADER,
      "x.csv",
      { fr: "pas de ligne sous", ar: "لا يوجد في هذا الملف أي سطر", en: "no row under" },
    ],
    [
      "oversize",
      "x".repeat(MAX_IMPORT_BYTES + 10),
      "gros.csv",
      { fr: "trop volumineux", ar: "كبير جداً", en: "too large" },
    ],
  ];
  for (const [name, content, filename, messages] of cases) {
    it(name, async () => {
      const batches = await t.db.$count(importBatches, sql`true`);
      for (const lang of ["fr", "ar", "en"] as const) {
        const response = await upload(s.clients.workerA, content, filename, lang);
        expect(response.status, `${name} in ${lang}`).toBe(400);
        expect(await response.text()).toContain(messages[lang]);
      }
      expect(await t.db.$count(importBatches, sql`true`)).toBe(batches);
    });
  }

  it("too many rows", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `P${i};N${i};femme;;;oui`);
    const response = await upload(s.clients.workerA, [HEADER, ...rows].join("\n"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("trop de lignes");
  });
});
