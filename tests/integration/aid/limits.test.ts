/**
 * The limits of aid, held by the database and proven under concurrency: stock never
 * below zero and the ledger always equal to the balance; one distribution per
 * beneficiary and round; one redemption per voucher.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { distributions, stockBalances, vouchers } from "../../../db/schema";
import { recordDistribution, redeemVoucher } from "../../../app/modules/aid/service.server";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import {
  findOrMakeItem,
  makeCase,
  makeRound,
  makeStockedRound,
  makeWarehouse,
  receiveStock,
} from "../../factories/protection";
import { useTwoAssociations } from "../protection/setup";
import { balanceOf, ledgerSumOf } from "./stock";

const { t, s } = useTwoAssociations();

const balance = (warehouseId: string, itemId: string) => balanceOf(t.db, warehouseId, itemId);
const ledgerSum = (warehouseId: string, itemId: string) => ledgerSumOf(t.db, warehouseId, itemId);

describe("stock", () => {
  it("hands out exactly 50 of 200 simultaneous distributions against 50 units, leaving 0", async () => {
    const item = await findOrMakeItem(t.db, "hygiene_kit", "Kit d'hygiène (test)");
    const { warehouse, round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 50,
      createdById: s.workerA.id,
    });
    const cases = [];
    for (let i = 0; i < 200; i++)
      cases.push(await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id }));
    const actor = { id: s.workerA.id, role: "case_worker" as const, organisationId: s.orgA.id };
    const results = await Promise.all(cases.map((c) => recordDistribution(t.db, actor, round.id, c.id, {})));
    const succeeded = results.filter((r) => r.ok).length;
    const outOfStock = results.filter((r) => !r.ok && r.errors.caseId === "aid.errors.outOfStock").length;
    console.log(`200 distributions against 50 units: ${succeeded} succeeded, ${outOfStock} refused for stock`);
    expect(succeeded).toBe(50);
    expect(outOfStock).toBe(150);
    expect(await balance(warehouse.id, item.id)).toBe(0);
    expect(await t.db.$count(distributions, eq(distributions.roundId, round.id))).toBe(50);
    expect(await ledgerSum(warehouse.id, item.id)).toBe(0);
  });

  it("refuses, at the database, a balance below zero", async () => {
    const item = await findOrMakeItem(t.db, "blanket", "Couverture (test)");
    const warehouse = await makeWarehouse(t.db, s.orgA.id);
    await receiveStock(t.db, warehouse.id, item.id, 3, s.workerA.id);
    await expect(
      t.db.update(stockBalances).set({ quantity: -1 }).where(eq(stockBalances.warehouseId, warehouse.id)),
    ).rejects.toThrow();
  });

  it("keeps the ledger equal to the balance through receipts, adjustments and transfers over HTTP", async () => {
    const item = await findOrMakeItem(t.db, "food_kit", "Kit alimentaire (test)");
    const from = await makeWarehouse(t.db, s.orgA.id);
    const to = await makeWarehouse(t.db, s.orgA.id);
    const post = (fields: Record<string, string>) =>
      s.clients.workerA.post(`/aid/warehouses/${from.id}`, { itemId: item.id, ...fields });
    expect((await post({ kind: "receipt", quantity: "30" })).status).toBe(302);
    expect((await post({ kind: "adjustment", quantity: "-4", reason: "Cartons abîmés" })).status).toBe(302);
    expect((await post({ kind: "adjustment", quantity: "-4" })).status).toBe(400); // no reason
    expect((await post({ kind: "transfer_out", quantity: "10", toWarehouseId: to.id })).status).toBe(302);
    const tooMuch = await post({ kind: "adjustment", quantity: "-100", reason: "Erreur" });
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.text()).toContain("Stock insuffisant");
    expect(await balance(from.id, item.id)).toBe(16);
    expect(await balance(to.id, item.id)).toBe(10);
    expect(await ledgerSum(from.id, item.id)).toBe(16);
    expect(await ledgerSum(to.id, item.id)).toBe(10);
    // another association's warehouse: not found
    expect(
      (await s.clients.workerB.post(`/aid/warehouses/${from.id}`, { itemId: item.id, kind: "receipt", quantity: "5" }))
        .status,
    ).toBe(404);
  });
});

describe("distribution rounds", () => {
  it("gives a beneficiary a round's items once, even with 10 simultaneous attempts over HTTP", async () => {
    const item = await findOrMakeItem(t.db, "baby_kit", "Kit bébé (test)");
    const { warehouse, round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 100,
      quantity: 2,
      perHousehold: true,
      createdById: s.workerA.id,
    });
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, householdSize: 3 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 302)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(9);
    expect(await t.db.$count(distributions, eq(distributions.caseId, c.id))).toBe(1);
    // two per household member, three members
    expect(await balance(warehouse.id, item.id)).toBe(94);
  });

  it("shows the items and quantities for the household before handing out; the first post takes nothing", async () => {
    const item = await findOrMakeItem(t.db, "baby_kit", "Kit bébé (aperçu)");
    const { warehouse, round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 20,
      quantity: 2,
      perHousehold: true,
      createdById: s.workerA.id,
    });
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, householdSize: 4 });
    const first = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/aid/rounds/${round.id}?confirm=distribute&caseId=${c.id}`);
    expect(await t.db.$count(distributions, eq(distributions.caseId, c.id))).toBe(0);
    expect(await balance(warehouse.id, item.id)).toBe(20);
    const step = await (await s.clients.workerA.get(first.headers.get("location")!)).text();
    expect(step).toContain('data-testid="hand-out-items"');
    expect(step).toMatch(/Kit bébé \(aperçu\)<\/bdi> (<!-- -->)?× <strong>8<\/strong>/);
    expect(step).toContain('name="confirm" value="distribute"');
    const done = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" });
    expect(done.status).toBe(302);
    expect(await balance(warehouse.id, item.id)).toBe(12);
    // once received, the step is no longer offered
    const again = await (await s.clients.workerA.get(first.headers.get("location")!)).text();
    expect(again).not.toContain('data-testid="hand-out-items"');
  });

  it("hands out every item of a round, which is fixed once handing out starts", async () => {
    const kit = await findOrMakeItem(t.db, "food_kit", "Kit alimentaire (tournée)");
    const blanket = await findOrMakeItem(t.db, "blanket", "Couverture (tournée)");
    const warehouse = await makeWarehouse(t.db, s.orgA.id);
    await receiveStock(t.db, warehouse.id, kit.id, 10, s.workerA.id);
    await receiveStock(t.db, warehouse.id, blanket.id, 1, s.workerA.id);
    const round = await makeRound(t.db, {
      organisationId: s.orgA.id,
      warehouseId: warehouse.id,
      itemId: kit.id,
      createdById: s.workerA.id,
    });
    expect(
      (await s.clients.workerA.post(`/aid/rounds/${round.id}`, { intent: "item", itemId: blanket.id, quantity: "1" }))
        .status,
    ).toBe(302);
    const first = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const second = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    expect(
      (await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: first.id, confirm: "distribute" })).status,
    ).toBe(302);
    expect(await balance(warehouse.id, kit.id)).toBe(9);
    expect(await balance(warehouse.id, blanket.id)).toBe(0);
    // no blanket left: all or nothing, the kit stays in stock
    const short = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: second.id, confirm: "distribute" });
    expect(short.status).toBe(400);
    expect(await balance(warehouse.id, kit.id)).toBe(9);
    expect(await t.db.$count(distributions, eq(distributions.caseId, second.id))).toBe(0);
    const late = await s.clients.workerA.post(`/aid/rounds/${round.id}`, {
      intent: "item",
      itemId: blanket.id,
      quantity: "2",
    });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("La distribution a commencé");
  });

  it("applies eligibility: vulnerability criterion, consent, association", async () => {
    const item = await findOrMakeItem(t.db, "nfi_kit", "Kit NFI (test)");
    const { warehouse, round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 10,
      eligibilityVulnerability: "pregnant_lactating",
      createdById: s.workerA.id,
    });
    const notVulnerable = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const response = await s.clients.workerA.post(`/aid/rounds/${round.id}`, {
      caseId: notVulnerable.id,
      confirm: "distribute",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("critère de vulnérabilité");
    const caseOfB = await makeCase(t.db, { organisationId: s.orgB.id, createdById: s.workerB.id });
    expect(
      (await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: caseOfB.id, confirm: "distribute" })).status,
    ).toBe(404);
    expect(
      (await s.clients.workerB.post(`/aid/rounds/${round.id}`, { caseId: caseOfB.id, confirm: "distribute" })).status,
    ).toBe(404);
    // refused before the confirmation step, not sent to it
    expect((await s.clients.workerB.post(`/aid/rounds/${round.id}`, { caseId: caseOfB.id })).status).toBe(404);
    expect((await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: caseOfB.id })).status).toBe(404);
    expect(await balance(warehouse.id, item.id)).toBe(10);
  });
});

describe("vouchers", () => {
  it("redeems a voucher once out of 20 simultaneous attempts over HTTP", async () => {
    const item = await findOrMakeItem(t.db, "voucher", "Bon 300 MAD (test)", 30_000);
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    expect(
      (await s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "voucher", itemId: item.id })).status,
    ).toBe(302);
    const [voucher] = await t.db.select().from(vouchers).where(eq(vouchers.caseId, c.id));
    expect(voucher!.code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(voucher!.valueCentimes).toBe(30_000);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => s.clients.workerA.post("/aid/vouchers", { code: voucher!.code.toLowerCase() })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const [after] = await t.db.select().from(vouchers).where(eq(vouchers.id, voucher!.id));
    expect(after!.redeemedById).toBe(s.workerA.id);
    const again = await s.clients.workerA.post("/aid/vouchers", { code: voucher!.code });
    expect(await again.text()).toContain("déjà été utilisé");
  });

  it("does not redeem another association's voucher, nor an unknown code", async () => {
    const item = await findOrMakeItem(t.db, "voucher", "Bon 300 MAD (test)", 30_000);
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    await s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "voucher", itemId: item.id });
    const [voucher] = await t.db.select().from(vouchers).where(eq(vouchers.caseId, c.id));
    const actorB = { id: s.workerB.id, role: "case_worker" as const, organisationId: s.orgB.id };
    expect((await redeemVoucher(t.db, actorB, voucher!.code, {})).ok).toBe(false);
    expect((await s.clients.workerA.post("/aid/vouchers", { code: "AAAAA-BBBBB-CCCCC-DDDDD" })).status).toBe(409);
    const [after] = await t.db.select().from(vouchers).where(eq(vouchers.id, voucher!.id));
    expect(after!.redeemedAt).toBeNull();
  });

  it("prints a PDF with the value and the code, for the issuing association only", async () => {
    const item = await findOrMakeItem(t.db, "voucher", "Bon 300 MAD (test)", 30_000);
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, firstName: "Ramatoulaye" });
    await s.clients.workerA.post(`/protection/cases/${c.id}`, { intent: "voucher", itemId: item.id });
    const [voucher] = await t.db.select().from(vouchers).where(eq(vouchers.caseId, c.id));
    const response = await s.clients.workerA.get(`/aid/vouchers/${voucher!.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { readPdfText } = await import("../../helpers/pdf");
    const text = readPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(voucher!.code);
    expect(text).toContain("Ramatoulaye");
    expect(text).toMatch(/300/);
    // issued today, valid 90 days counting today
    expect(voucher!.expiresOn).toBe(addDays(moroccoToday(), 89));
    expect(text).toContain("Valable jusqu");
    expect((await s.clients.workerB.get(`/aid/vouchers/${voucher!.id}.pdf`)).status).toBe(404);
  });
});
