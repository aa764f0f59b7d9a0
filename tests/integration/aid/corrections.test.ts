/**
 * Correcting a hand-out made by mistake (issue 13): the same Moroccan day, through a
 * confirmation step with a reason; the stock comes back by a reversal movement, once,
 * however many people press at the same time; the hand-out is marked, never deleted,
 * stops counting in reports, and the person can receive the right one.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, distributions, stockMovements } from "../../../db/schema";
import { findOrMakeItem, makeCase, makeStockedRound } from "../../factories/protection";
import { useTwoAssociations } from "../protection/setup";
import { balanceOf, ledgerSumOf } from "./stock";

const { t, s } = useTwoAssociations();

const balance = (warehouseId: string, itemId: string) => balanceOf(t.db, warehouseId, itemId);
const ledgerSum = (warehouseId: string, itemId: string) => ledgerSumOf(t.db, warehouseId, itemId);
async function reportedKits(distributionId: string) {
  const rows = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from report_events where source = 'distributions' and source_id = ${distributionId}`,
  );
  return Number(rows[0]!.n);
}

/** A round of 2 kits per household member, 40 in stock, and a household of 3 that received it (6 kits). */
async function handedOut(label: string) {
  const item = await findOrMakeItem(t.db, "food_kit", `Kit alimentaire (${label})`);
  const { warehouse, round } = await makeStockedRound(t.db, {
    organisationId: s.orgA.id,
    itemId: item.id,
    stock: 40,
    quantity: 2,
    perHousehold: true,
    createdById: s.workerA.id,
  });
  const c = await makeCase(t.db, {
    organisationId: s.orgA.id,
    createdById: s.workerA.id,
    householdSize: 3,
    firstName: "Kadiatou",
  });
  const given = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" });
  expect(given.status).toBe(302);
  const [row] = await t.db.select().from(distributions).where(eq(distributions.caseId, c.id));
  expect(await balance(warehouse.id, item.id)).toBe(34);
  return { item, warehouse, round, c, distributionId: row!.id };
}

const correct = (roundId: string, distributionId: string, fields: Record<string, string> = {}) =>
  s.clients.workerA.post(`/aid/rounds/${roundId}`, {
    intent: "correct",
    distributionId,
    confirm: "correct",
    reason: "Taille du foyer erronée",
    ...fields,
  });

describe("correcting a hand-out", () => {
  it("offers a link to the step; the first post changes nothing; the step shows what comes back", async () => {
    const h = await handedOut("étape");
    const page = await (await s.clients.workerA.get(`/aid/rounds/${h.round.id}`)).text();
    expect(page).toContain(`href="/aid/rounds/${h.round.id}?confirm=correct&amp;distributionId=${h.distributionId}"`);
    expect(page).not.toMatch(/name="intent" value="correct"/);

    const first = await s.clients.workerA.post(`/aid/rounds/${h.round.id}`, {
      intent: "correct",
      distributionId: h.distributionId,
      reason: "Erreur",
    });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(
      `/aid/rounds/${h.round.id}?confirm=correct&distributionId=${h.distributionId}`,
    );
    expect(await balance(h.warehouse.id, h.item.id)).toBe(34);

    const step = await (await s.clients.workerA.get(first.headers.get("location")!)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain("Corriger la remise à <bdi>Kadiatou");
    expect(step).toMatch(/Kit alimentaire \(étape\)<\/bdi> (<!-- -->)?× <strong>6<\/strong>/);
    expect(step).toContain('name="confirm" value="correct"');
    expect(step).toContain('name="reason"');
  });

  it("asks for a reason, keeping the step and changing nothing", async () => {
    const h = await handedOut("motif");
    const refused = await correct(h.round.id, h.distributionId, { reason: "  " });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Indiquez le motif de la correction");
    expect(await balance(h.warehouse.id, h.item.id)).toBe(34);
    const [row] = await t.db.select().from(distributions).where(eq(distributions.id, h.distributionId));
    expect(row!.correctedAt).toBeNull();
  });

  it("brings the stock back by a reversal, keeps the hand-out marked, audits it, and lets the person receive again", async () => {
    const h = await handedOut("retour");
    expect(await reportedKits(h.distributionId)).toBe(1);
    const done = await correct(h.round.id, h.distributionId);
    expect(done.status).toBe(302);
    expect(await balance(h.warehouse.id, h.item.id)).toBe(40);
    expect(await ledgerSum(h.warehouse.id, h.item.id)).toBe(40);
    const [row] = await t.db.select().from(distributions).where(eq(distributions.id, h.distributionId));
    expect(row!.correctedAt).not.toBeNull();
    expect(row!.correctedById).toBe(s.workerA.id);
    expect(row!.correctionReason).toBe("Taille du foyer erronée");
    const reversals = await t.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.distributionId, h.distributionId), eq(stockMovements.kind, "reversal")));
    expect(reversals.map((m) => [m.quantity, m.reason])).toEqual([[6, "Taille du foyer erronée"]]);
    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, h.c.id), eq(auditLog.action, "aid.distribution.correct")));
    expect(audited).toHaveLength(1);
    // no longer counted as kits given
    expect(await reportedKits(h.distributionId)).toBe(0);

    const page = await (await s.clients.workerA.get(`/aid/rounds/${h.round.id}`)).text();
    expect(page).toContain("corrigée\u00a0: Taille du foyer erronée");
    // the person is offered the hand-out again, and receives it once more
    expect(page).toContain(`value="${h.c.id}"`);
    const again = await s.clients.workerA.post(`/aid/rounds/${h.round.id}`, { caseId: h.c.id, confirm: "distribute" });
    expect(again.status).toBe(302);
    expect(await t.db.$count(distributions, eq(distributions.caseId, h.c.id))).toBe(2);
    expect(await balance(h.warehouse.id, h.item.id)).toBe(34);
    // but still only once while the new one stands
    const thrice = await s.clients.workerA.post(`/aid/rounds/${h.round.id}`, { caseId: h.c.id, confirm: "distribute" });
    expect(thrice.status).toBe(409);
  });

  it("reverses once out of 10 simultaneous corrections: the stock is never counted twice", async () => {
    const h = await handedOut("concurrence");
    const responses = await Promise.all(Array.from({ length: 10 }, () => correct(h.round.id, h.distributionId)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((x) => x === 302)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(9);
    expect(await balance(h.warehouse.id, h.item.id)).toBe(40);
    expect(await ledgerSum(h.warehouse.id, h.item.id)).toBe(40);
    expect(
      await t.db.$count(
        stockMovements,
        and(eq(stockMovements.distributionId, h.distributionId), eq(stockMovements.kind, "reversal")),
      ),
    ).toBe(1);
    const again = await correct(h.round.id, h.distributionId);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("déjà été corrigée");
  });

  it("refuses a hand-out of another day, and offers no step for it", async () => {
    const h = await handedOut("veille");
    await t.db
      .update(distributions)
      .set({ createdAt: sql`${distributions.createdAt} - interval '1 day'` })
      .where(eq(distributions.id, h.distributionId));
    const page = await (await s.clients.workerA.get(`/aid/rounds/${h.round.id}`)).text();
    expect(page).not.toContain(`confirm=correct&amp;distributionId=${h.distributionId}`);
    const step = await (
      await s.clients.workerA.get(`/aid/rounds/${h.round.id}?confirm=correct&distributionId=${h.distributionId}`)
    ).text();
    expect(step).not.toContain('data-testid="confirm-step"');
    const refused = await correct(h.round.id, h.distributionId);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("le jour même");
    expect(await balance(h.warehouse.id, h.item.id)).toBe(34);
  });

  it("answers another association 404, before any confirmation step", async () => {
    const h = await handedOut("autre");
    const unconfirmed = await s.clients.workerB.post(`/aid/rounds/${h.round.id}`, {
      intent: "correct",
      distributionId: h.distributionId,
    });
    expect(unconfirmed.status).toBe(404);
    const confirmed = await s.clients.workerB.post(`/aid/rounds/${h.round.id}`, {
      intent: "correct",
      distributionId: h.distributionId,
      confirm: "correct",
      reason: "x",
    });
    expect(confirmed.status).toBe(404);
    expect(await balance(h.warehouse.id, h.item.id)).toBe(34);
  });
});
