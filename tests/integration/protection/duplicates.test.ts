/**
 * Duplicate check at registration, on a fixture of known pairs: the first person of
 * each pair is registered, then the second; the page must warn (409, candidates
 * shown, nothing created) for the same person and register a different one. Prints
 * how many pairs were found and missed; never merges.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { beneficiaryCases } from "../../../db/schema";
import { namesMatch, openCase } from "../../../app/modules/protection/identity.server";
import { DUPLICATE_PAIRS, type Person } from "../../fixtures/duplicate-pairs";
import { caseIdFrom, registration, twoAssociations, useTwoAssociations } from "./setup";

const { t, app, s } = useTwoAssociations();

function fields(p: Person): Record<string, string> {
  const base = registration({ firstName: p.firstName, lastName: p.lastName, dateOfBirth: "" });
  delete base.dateOfBirth;
  const out: Record<string, string> = { ...base, estimatedAge: "30" };
  if (p.bornAbout) out.estimatedAge = String(new Date().getUTCFullYear() - p.bornAbout);
  if (p.dateOfBirth) out.dateOfBirth = p.dateOfBirth;
  if (p.nameArabic) out.nameArabic = p.nameArabic;
  if (p.phone) out.phone = p.phone;
  if (p.documentNumber) out.documentNumber = p.documentNumber;
  return out;
}

describe("duplicate detection on known pairs", () => {
  it("warns on the same person, lets different people through, and reports the tally", async () => {
    const found: string[] = [];
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    // each pair in an association of its own, so pairs cannot match each other
    for (const pair of DUPLICATE_PAIRS) {
      const { clients } = await twoAssociations(t.db, app);
      const first = await clients.workerA.post("/protection/cases/new", fields(pair.a));
      expect(first.status, pair.note).toBe(302);
      const second = await clients.workerA.post("/protection/cases/new", fields(pair.b));
      const warned = second.status === 409;
      if (warned) expect(await second.text()).toContain('data-testid="duplicates"');
      if (pair.same) (warned ? found : missed).push(pair.note);
      else if (warned) falseAlarms.push(pair.note);
    }
    const same = DUPLICATE_PAIRS.filter((p) => p.same).length;
    console.log(
      `duplicate check: ${found.length} of ${same} known duplicate pairs found, ${missed.length} missed (${missed.join("; ")}); ` +
        `${falseAlarms.length} false alarms on ${DUPLICATE_PAIRS.length - same} distinct pairs`,
    );
    expect(falseAlarms).toEqual([]);
    // every known pair is found (Mamadou / Mouhamadou by their one name, the swapped
    // birth date as such); a pair missed again shows here by its note
    expect(missed).toEqual([]);
  });

  it("creates nothing on a warning, and registers after the case worker confirms a different person", async () => {
    const first = caseIdFrom(
      await s.clients.workerA.post("/protection/cases/new", registration({ phone: "0611223344" })),
    );
    const count = async () =>
      (await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.organisationId, s.orgA.id))).length;
    const before = await count();
    const warned = await s.clients.workerA.post(
      "/protection/cases/new",
      registration({ firstName: "Other", lastName: "Person", phone: "+212 611 22 33 44" }),
    );
    expect(warned.status).toBe(409);
    const html = await warned.text();
    expect(html).toContain(`/protection/cases/${first}`);
    expect(html).toContain("même téléphone");
    expect(await count()).toBe(before);
    const confirmed = await s.clients.workerA.post(
      "/protection/cases/new",
      registration({
        firstName: "Other",
        lastName: "Person",
        phone: "+212 611 22 33 44",
        duplicateDecision: "distinct",
        distinctFrom: first,
      }),
    );
    expect(confirmed.status).toBe(302);
    expect(await count()).toBe(before + 1);
    // the first case is untouched: never merged
    const [original] = await t.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, first));
    expect(openCase(original!).firstName).toBe("Awa");
  });

  it("does not reveal another association's cases as candidates", async () => {
    await s.clients.workerB.post("/protection/cases/new", registration({ firstName: "Onlyinb", phone: "0699887766" }));
    const response = await s.clients.workerA.post(
      "/protection/cases/new",
      registration({ firstName: "Someone", phone: "0699887766" }),
    );
    expect(response.status).toBe(302);
  });

  it("answers bad input with translated field errors and creates nothing", async () => {
    const response = await s.clients.workerA.post("/protection/cases/new", {
      firstName: "",
      sex: "x",
      consentLanguage: "fr",
      phone: "abc",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Indiquez le prénom de la personne");
    expect(html).toContain("Indiquez le sexe de la personne");
    const noConsent = await s.clients.workerA.post(
      "/protection/cases/new",
      registration({ firstName: "Noconsent", consentServices: "" }),
    );
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain("Sans consentement à recevoir des services");
    expect((await t.db.select().from(beneficiaryCases).where(namesMatch("Noconsent")!)).length).toBe(0);
  });
});
