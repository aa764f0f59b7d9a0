/**
 * The admin's programme view of aid (issue 15): stock, rounds and vouchers across
 * associations, as figures; no case, name or reference reaches the page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { recordDistribution } from "../../../app/modules/aid/service.server";
import { makeUser } from "../../factories";
import {
  findOrMakeItem,
  makeCase,
  makeRound,
  makeShop,
  makeVendor,
  makeVoucher,
  makeWarehouse,
  receiveStock,
} from "../../factories/protection";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { twoAssociations } from "../protection/setup";

const t = useTestDb();
const app = useTestApp(t);
let page: string;
const names = { first: "Fatoumata", last: "Sangaré" };
let reference = "";
let orgNames: [string, string] = ["", ""];

beforeAll(async () => {
  const s = await twoAssociations(t.db, app);
  const kit = await findOrMakeItem(t.db, "food_kit", "Kit alimentaire (programme)");
  const warehouseA = await makeWarehouse(t.db, s.orgA.id, "Entrepôt du programme A");
  const warehouseB = await makeWarehouse(t.db, s.orgB.id, "Entrepôt du programme B");
  await receiveStock(t.db, warehouseA.id, kit.id, 40, s.workerA.id);
  await receiveStock(t.db, warehouseB.id, kit.id, 7, s.workerB.id);
  const round = await makeRound(t.db, {
    organisationId: s.orgA.id,
    warehouseId: warehouseA.id,
    itemId: kit.id,
    quantity: 2,
    createdById: s.workerA.id,
    name: "Tournée du programme",
  });
  const c = await makeCase(t.db, {
    organisationId: s.orgA.id,
    createdById: s.workerA.id,
    firstName: names.first,
    lastName: names.last,
  });
  reference = c.reference;
  const actor = { id: s.workerA.id, role: "case_worker" as const, organisationId: s.orgA.id };
  expect((await recordDistribution(t.db, actor, round.id, c.id, {})).ok).toBe(true);

  // vouchers of A: 100 redeemed at a shop, 200 outstanding, 400 expired; of B: 50 redeemed at the association
  const shop = await makeShop(t.db, s.orgA.id, { name: "Boutique du programme" });
  const vendor = await makeVendor(t.db, shop);
  const shopClient = await s.login(vendor.email);
  const base = { caseId: c.id, organisationId: s.orgA.id, issuedById: s.workerA.id };
  const redeemed = await makeVoucher(t.db, { ...base, valueCentimes: 10_000 });
  expect((await shopClient.post("/shop", { code: redeemed.code })).status).toBe(302);
  await makeVoucher(t.db, { ...base, valueCentimes: 20_000 });
  await makeVoucher(t.db, { ...base, valueCentimes: 40_000, expiresOn: addDays(moroccoToday(), -1) });
  const caseB = await makeCase(t.db, { organisationId: s.orgB.id, createdById: s.workerB.id });
  const ofB = await makeVoucher(t.db, {
    caseId: caseB.id,
    organisationId: s.orgB.id,
    issuedById: s.workerB.id,
    valueCentimes: 5_000,
  });
  expect((await s.clients.workerB.post("/aid/vouchers", { code: ofB.code })).status).toBe(200);

  const admin = await makeUser(t.db, { role: "admin" });
  const response = await (await s.login(admin.email)).get("/admin/programme");
  expect(response.status).toBe(200);
  page = await response.text();
  orgNames = [s.orgA.name, s.orgB.name];
});

function row(testId: string, containing: string): string {
  const table = page.slice(page.indexOf(`data-testid="${testId}"`));
  // React writes <!-- --> between neighbouring texts of a cell ("name", " × ", "2")
  const body = table.slice(0, table.indexOf("</table>")).replace(/<!-- -->/g, "");
  return body.split("<tr>").find((r) => r.includes(containing)) ?? "";
}

describe("the programme view", () => {
  it("shows stock per warehouse and item across associations", () => {
    expect(row("programme-stock", "Entrepôt du programme A")).toMatch(/Kit alimentaire \(programme\)<\/td><td>38</);
    expect(row("programme-stock", "Entrepôt du programme B")).toMatch(/<td>7</);
  });

  it("shows each round's items, state and how much it handed out, but not its name", () => {
    expect(row("programme-rounds", "Kit alimentaire (programme) × 2")).toMatch(/En cours<\/td><td>1<\/td><td>2</);
    expect(page).not.toContain("Tournée du programme");
  });

  it("totals vouchers issued, redeemed, expired and outstanding per association, and redeemed per shop", () => {
    const [nameA, nameB] = orgNames;
    const a = row("programme-vouchers", nameA);
    expect(a).toMatch(
      /<td>3 · 700,00\s*MAD<\/td><td>1 · 100,00\s*MAD<\/td><td>1 · 400,00\s*MAD<\/td><td>1 · 200,00\s*MAD<\/td>/,
    );
    expect(row("programme-vouchers", nameB)).toMatch(/<td>1 · 50,00\s*MAD<\/td><td>1 · 50,00\s*MAD<\/td>/);
    expect(row("programme-shops", "Boutique du programme")).toMatch(/1 · 100,00\s*MAD/);
    expect(row("programme-shops", nameB)).toContain("À l&#x27;association (sans boutique)");
  });

  it("names no person: no name, no case reference", () => {
    expect(page).not.toContain(names.first);
    expect(page).not.toContain(names.last);
    expect(page).not.toContain(reference);
  });
});
