/**
 * Counts shown in lists (issue 13: "0 session(s)" in the catalogue and "0 remis" on the
 * aid rounds everywhere). Drizzle writes columns bare in a select list without joins, so
 * a correlated subquery compared its own table's id; each count below is read back.
 */
import { describe, expect, it } from "vitest";
import { makeOrganisation, makeUser } from "../factories";
import { findOrMakeItem, makeCase, makeRound, makeWarehouse, receiveStock } from "../factories/protection";
import { makeCohort, makeTraining } from "../factories/trainings";
import { useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("counts in lists", () => {
  it("the aid rounds say how many received, not counting a corrected hand-out", async () => {
    const org = await makeOrganisation(t.db);
    const { user, client } = await app.asNewUser({ role: "case_worker", organisationId: org.id });
    const item = await findOrMakeItem(t.db, "blanket", "Couverture (compte)");
    const warehouse = await makeWarehouse(t.db, org.id);
    await receiveStock(t.db, warehouse.id, item.id, 10, user.id);
    const round = await makeRound(t.db, {
      organisationId: org.id,
      warehouseId: warehouse.id,
      itemId: item.id,
      createdById: user.id,
      name: "Couvertures comptées",
    });
    const cases: Awaited<ReturnType<typeof makeCase>>[] = [];
    for (let i = 0; i < 3; i++) cases.push(await makeCase(t.db, { organisationId: org.id, createdById: user.id }));
    for (const c of cases)
      expect((await client.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" })).status).toBe(302);
    const [distribution] = await t.db.query.distributions.findMany({
      where: (d, { eq }) => eq(d.caseId, cases[0]!.id),
    });
    await client.post(`/aid/rounds/${round.id}`, {
      intent: "correct",
      distributionId: distribution!.id,
      confirm: "correct",
      reason: "Erreur",
    });
    const page = await (await client.get("/aid")).text();
    const listed = page.match(/<li[^>]*>(?:(?!<\/li>)[^])*Couvertures comptées(?:(?!<\/li>)[^])*<\/li>/)?.[0] ?? "";
    expect(listed.replace(/<!-- -->/g, "")).toContain("2 remis");
  });

  it("the training catalogue counts each training's cohorts", async () => {
    const training = await makeTraining(t.db, { titleFr: "Formation comptée" });
    await makeCohort(t.db, training.id);
    await makeCohort(t.db, training.id);
    const { client } = await app.asNewUser();
    const page = await (await client.get("/trainings")).text();
    expect(page).toMatch(/Formation comptée[^]*?2 sessions de formation/);
  });

  it("the organisations list counts each one's members", async () => {
    const org = await makeOrganisation(t.db, { name: "Association comptée" });
    await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    const { client } = await app.asNewUser({ role: "admin" });
    const page = await (await client.get("/admin/organisations")).text();
    const row = page.match(/<tr>(?:(?!<\/tr>)[^])*Association comptée(?:(?!<\/tr>)[^])*<\/tr>/)?.[0] ?? "";
    expect(row).toMatch(/>2</);
  });
});
