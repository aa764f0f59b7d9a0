/**
 * A case's town and nationality are codes of the towns and country lists (decision
 * 0138-case-town-nationality-as-codes.md): the forms take only a code (typed text is a
 * translated field error and changes nothing), the case file and its export print the
 * label in the reader's language, and a value the migration could not read waits for
 * the admin on /admin/codes, named by the case's association only.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { beneficiaryCases, codeFlags } from "../../../db/schema";
import { makeUser } from "../../factories";
import { arabicSkeleton, readPdfText } from "../../helpers/pdf";
import { caseOfA, registration, useTwoAssociations } from "./setup";

const { t, app, s } = useTwoAssociations();

const casesOfA = () => t.db.$count(beneficiaryCases, eq(beneficiaryCases.organisationId, s.orgA.id));

describe("a case's town and nationality as codes", () => {
  it("refuses a typed town or nationality with a translated error, and registers nothing", async () => {
    const before = await casesOfA();
    const typed = registration({ firstName: "Typed", city: "Rabat", nationality: "Guinée" });
    const refused = await s.clients.workerA.post("/protection/cases/new", typed);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Choisissez la ville dans la liste («\u00a0Autre ville\u00a0» si elle n’y est pas).");
    expect(html).toContain("Choisissez un pays de la liste.");
    expect(await casesOfA()).toBe(before);
    const ar = await app.signedIn(s.workerA.email!, { "Accept-Language": "ar" });
    const arabic = await (await ar.post("/protection/cases/new", typed)).text();
    expect(arabic).toContain("اختر المدينة من القائمة");
    expect(arabic).toContain("اختر بلدا من القائمة.");
    expect(await casesOfA()).toBe(before);
    // the form offers the lists: the towns and the countries in the reader's language
    const form = await (await ar.get("/protection/cases/new")).text();
    expect(form).toContain('<option value="rabat">الرباط</option>');
    expect(form).toMatch(/<option value="GN">غينيا<\/option>/);
  });

  it("refuses a typed town in a correction and changes nothing", async () => {
    const c = await caseOfA(t.db, s, { firstName: "Corrected", city: "rabat", nationality: "ML", estimatedAge: 30 });
    const [before] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    const page = await (await s.clients.workerA.get(`/protection/cases/${c.id}/identity`)).text();
    const version = /name="version" value="([^"]+)"/.exec(page)![1]!;
    expect(page).toMatch(/<option value="rabat" selected="">/);
    const refused = await s.clients.workerA.post(`/protection/cases/${c.id}/identity`, {
      version,
      firstName: "Corrected",
      lastName: "Kone",
      sex: before!.sex,
      estimatedAge: "30",
      nationality: "Mali",
      city: "Douar Lahcen",
      householdSize: "1",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Choisissez la ville dans la liste");
    expect(html).toContain("Choisissez un pays de la liste.");
    const [after] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(after).toEqual(before);
  });

  it("prints the town and nationality in the reader's language, on the case file and in the Arabic export", async () => {
    const c = await caseOfA(t.db, s, { firstName: "Labelled", city: "tanger", nationality: "GN", estimatedAge: 25 });
    const ar = await app.signedIn(s.supervisorA.email!, { "Accept-Language": "ar" });
    const page = await (await ar.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain("طنجة");
    expect(page).toContain("غينيا");
    expect(page).not.toContain(">tanger<");
    const fr = await (await s.clients.supervisorA.get(`/protection/cases/${c.id}`)).text();
    expect(fr).toContain("Tanger");
    expect(fr).toContain("Guinée");
    await ar.post("/lang", { lng: "ar", redirectTo: "/home" });
    const pdf = await ar.get(`/protection/cases/${c.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    const text = readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(arabicSkeleton(text)).toContain(arabicSkeleton("طنجة"));
    expect(arabicSkeleton(text)).toContain(arabicSkeleton("غينيا"));
    expect(text).not.toContain("tanger");
    expect(text).not.toMatch(/\bGN\b/);
  });

  it("lets the admin choose a nationality the migration could not read, once, without naming the person", async () => {
    const c = await caseOfA(t.db, s, { firstName: "Flaggedperson", nationality: null, estimatedAge: 40 });
    const [flag] = await t.db
      .insert(codeFlags)
      .values({ record: "case", recordId: c.id, field: "nationality", original: "Atlantide" })
      .returning();
    const admin = await makeUser(t.db, { role: "admin" });
    const client = await app.signedIn(admin.email!);
    const page = await (await client.get("/admin/codes")).text();
    expect(page).toContain("Dossier de protection");
    expect(page).toContain(s.orgA.name);
    expect(page).toContain("Atlantide");
    expect(page).not.toContain("Flaggedperson");
    expect(page).not.toContain(c.reference);
    const bad = await client.post("/admin/codes", { flagId: flag!.id, field: "nationality", nationality: "Atlantide" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choisissez un pays de la liste.");
    const [still] = await t.db.select().from(codeFlags).where(eq(codeFlags.id, flag!.id));
    expect(still!.resolvedAt).toBeNull();
    const chosen = await client.post("/admin/codes", { flagId: flag!.id, field: "nationality", nationality: "SN" });
    expect(chosen.status).toBe(302);
    const [row] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(row!.nationality).toBe("SN");
    const again = await client.post("/admin/codes", { flagId: flag!.id, field: "nationality", nationality: "ML" });
    expect(again.status).toBe(409);
    const [kept] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c.id));
    expect(kept!.nationality).toBe("SN");
  });

  it("forgets a waiting town when the case is anonymised", async () => {
    const c = await caseOfA(t.db, s, { firstName: "Forgotten", city: "other", estimatedAge: 33 });
    await t.db.insert(codeFlags).values({ record: "case", recordId: c.id, field: "city", original: "Douar Lahcen" });
    const anonymise = { intent: "anonymise", confirm: "anonymise" };
    expect((await s.clients.supervisorA.post(`/protection/cases/${c.id}`, anonymise)).status).toBe(302);
    expect(await t.db.$count(codeFlags, and(eq(codeFlags.record, "case"), eq(codeFlags.recordId, c.id)))).toBe(0);
  });
});
