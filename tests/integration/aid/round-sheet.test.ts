/**
 * The paper hand-out sheet of a round (issue 16, lists out): the association's open cases
 * that may receive the round and have not yet, by reference, with their names and a column
 * to sign; never a closed, anonymised, unconsenting, ineligible or other association's
 * case; each case listed is a view of its file (audited, shown to the supervisor); only
 * the round's association may print it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseConsents } from "../../../db/schema";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { findOrMakeItem, makeAssessment, makeCase, makeStockedRound } from "../../factories/protection";
import { readPdfText } from "../../helpers/pdf";
import { caseOfA, useTwoAssociations } from "../protection/setup";

const { t, s } = useTwoAssociations();

async function scene(values: { perHousehold?: boolean; eligibilityVulnerability?: string } = {}) {
  const item = await findOrMakeItem(t.db, "food_kit", "Kit alimentaire (feuille)");
  const { round } = await makeStockedRound(t.db, {
    organisationId: s.orgA.id,
    itemId: item.id,
    stock: 50,
    quantity: 2,
    createdById: s.workerA.id,
    name: "Tournée de la feuille",
    ...values,
  });
  return round;
}

async function sheet(client: (typeof s.clients)["workerA"], roundId: string, lang = "fr") {
  const response = await client.get(`/aid/rounds/${roundId}/sheet.pdf?lang=${lang}`);
  return { response, text: response.status === 200 ? readPdfText(Buffer.from(await response.arrayBuffer())) : "" };
}

describe("the hand-out sheet of a round", () => {
  it("lists who may still receive the round, and no one else", async () => {
    const round = await scene();
    const listed = await caseOfA(t.db, s, { firstName: "Mariam", lastName: "Feuille", householdSize: 4 });
    const served = await caseOfA(t.db, s, { firstName: "Fanta", lastName: "Servie" });
    const closed = await caseOfA(t.db, s, { firstName: "Binta", lastName: "Close", status: "closed" });
    const noConsent = await caseOfA(t.db, s, { firstName: "Kadi", lastName: "Retrait" });
    await t.db.update(caseConsents).set({ withdrawnAt: new Date() }).where(eq(caseConsents.caseId, noConsent.id));
    const other = await makeCase(t.db, {
      organisationId: s.orgB.id,
      createdById: s.workerB.id,
      firstName: "Aminata",
      lastName: "Ailleurs",
    });
    const given = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: served.id, confirm: "distribute" });
    expect(given.status).toBe(302);

    const { response, text } = await sheet(s.clients.workerA, round.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(text).toContain("Feuille de remise à signer");
    expect(text).toContain("Tournée de la feuille");
    expect(text).toContain("Chaque personne reçoit : 2 × Kit alimentaire (feuille).");
    expect(text).toContain("Mariam Feuille");
    expect(text).toContain(listed.reference);
    for (const name of ["Fanta Servie", "Binta Close", "Kadi Retrait", "Aminata Ailleurs"])
      expect(text).not.toContain(name);
    for (const c of [served, closed, noConsent, other]) expect(text).not.toContain(c.reference);

    // each case printed is a view of its file, and only those
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "protection.case.sheet"),
          inArray(auditLog.entityId, [listed.id, served.id, closed.id, noConsent.id, other.id]),
        ),
      );
    expect(rows.map((r) => [r.entityId, r.actorId])).toEqual([[listed.id, s.workerA.id]]);
    // and listed to the supervisors among the file's readings
    const viewers = await (await s.clients.supervisorA.get(`/protection/cases/${listed.id}/viewers`)).text();
    expect(viewers).toContain("imprimé sur une feuille de remise");
  });

  it("keeps to the round's eligibility and shows household sizes when quantities are per member", async () => {
    const round = await scene({ perHousehold: true, eligibilityVulnerability: "woman_at_risk" });
    const eligible = await caseOfA(t.db, s, { firstName: "Oumou", lastName: "Parent", householdSize: 3 });
    await makeAssessment(t.db, eligible.id, s.workerA.id, ["woman_at_risk"]);
    const notFlagged = await caseOfA(t.db, s, { firstName: "Salif", lastName: "Autre" });
    await makeAssessment(t.db, notFlagged.id, s.workerA.id, ["elderly"]);
    const { text } = await sheet(s.clients.workerA, round.id, "ar");
    const ar = serverT("ar");
    expect(text).toContain(ar("sheets.round.title"));
    expect(text).toContain(ar("sheets.round.household"));
    expect(text).toContain("Oumou Parent");
    expect(text).not.toContain("Salif Autre");
    // the item's name exists in French only: marked as such for an Arabic reader
    expect(text.split("\n").find((l) => l.includes("Kit alimentaire (feuille)"))).toContain("بالفرنسية");
  });

  it("is the round's association's only", async () => {
    const round = await scene();
    expect((await sheet(s.clients.workerB, round.id)).response.status).toBe(404);
    expect((await sheet(s.clients.workerA, "00000000-0000-4000-8000-000000000000")).response.status).toBe(404);
    expect((await sheet(s.clients.workerA, "not-an-id")).response.status).toBe(404);
  });
});
