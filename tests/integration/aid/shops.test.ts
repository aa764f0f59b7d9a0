/**
 * Partner shops redeem vouchers (issue 15): a shop takes its own association's valid
 * vouchers, whole and once, even under 20 simultaneous attempts; never another
 * association's, an expired one, or anything once deactivated. It sees initials, never
 * a name. Each attempt leaves an audit row; the association reconciles per shop.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users, vouchers } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { makeUser } from "../../factories";
import { makeCase, makeShop, makeVendor, makeVoucher } from "../../factories/protection";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { twoAssociations } from "../protection/setup";

const t = useTestDb();
const app = useTestApp(t);
let s: Awaited<ReturnType<typeof twoAssociations>>;
let shopA: Awaited<ReturnType<typeof makeShop>>;
let vendorA: Awaited<ReturnType<typeof makeVendor>>;
let shopClient: TestClient;

beforeAll(async () => {
  s = await twoAssociations(t.db, app);
  shopA = await makeShop(t.db, s.orgA.id, { name: "Épicerie du test" });
  vendorA = await makeVendor(t.db, shopA);
  shopClient = await s.login(vendorA.email);
});

async function voucherOfA(values: { expiresOn?: string; firstName?: string; lastName?: string } = {}) {
  const c = await makeCase(t.db, {
    organisationId: s.orgA.id,
    createdById: s.workerA.id,
    firstName: values.firstName ?? "Ramatoulaye",
    lastName: values.lastName ?? "Konaté",
  });
  return makeVoucher(t.db, {
    caseId: c.id,
    organisationId: s.orgA.id,
    issuedById: s.workerA.id,
    valueCentimes: 30_000,
    expiresOn: values.expiresOn,
  });
}

async function stored(voucherId: string) {
  const [row] = await t.db.select().from(vouchers).where(eq(vouchers.id, voucherId));
  return row!;
}

describe("a shop redeems a voucher", () => {
  it("shows the value and the initials (never the name), then takes it whole, once", async () => {
    const voucher = await voucherOfA();
    const check = await shopClient.get(`/shop?code=${voucher.code.toLowerCase().replace(/-/g, " ")}`);
    expect(check.status).toBe(200);
    const page = await check.text();
    expect(page).toContain('data-testid="voucher-check"');
    expect(page).toContain("R. K.");
    expect(page).toMatch(/300,00\s*MAD/);
    expect(page).not.toContain("Ramatoulaye");
    expect(page).not.toContain("Konaté");
    // checking changes nothing
    expect((await stored(voucher.id)).redeemedAt).toBeNull();

    const done = await shopClient.post("/shop", { code: voucher.code });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/shop?redeemed=${voucher.code}`);
    const after = await stored(voucher.id);
    expect(after.shopId).toBe(shopA.id);
    expect(after.redeemedById).toBe(vendorA.id);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, voucher.id), eq(auditLog.action, "aid.voucher.redeem")));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorRole).toBe("vendor");
    expect(audited[0]!.organisationId).toBe(s.orgA.id);

    const landing = await (await shopClient.get(done.headers.get("location")!)).text();
    expect(landing).toContain('data-testid="redeemed"');
    expect(landing).toContain("R. K.");
    expect(landing).not.toContain("Ramatoulaye");

    const again = await shopClient.post("/shop", { code: voucher.code });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("déjà été encaissé");
  });

  it("lets exactly one of 20 simultaneous redemptions of one code through", async () => {
    const voucher = await voucherOfA();
    const secondVendor = await makeVendor(t.db, shopA);
    const other = await s.login(secondVendor.email);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : shopClient).post("/shop", { code: voucher.code })),
    );
    const statuses = responses.map((r) => r.status);
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    expect(statuses.filter((x) => x === 302)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    expect(await t.db.$count(vouchers, and(eq(vouchers.id, voucher.id), eq(vouchers.shopId, shopA.id)))).toBe(1);
    expect(
      await t.db.$count(auditLog, and(eq(auditLog.entityId, voucher.id), eq(auditLog.action, "aid.voucher.redeem"))),
    ).toBe(1);
    expect(
      await t.db.$count(
        auditLog,
        and(eq(auditLog.entityId, voucher.id), eq(auditLog.action, "aid.voucher.redeem_refused")),
      ),
    ).toBe(19);
  });

  it("never takes another association's voucher, and says no more than for an unknown code", async () => {
    const caseOfB = await makeCase(t.db, { organisationId: s.orgB.id, createdById: s.workerB.id });
    const voucherB = await makeVoucher(t.db, {
      caseId: caseOfB.id,
      organisationId: s.orgB.id,
      issuedById: s.workerB.id,
    });
    const check = await (await shopClient.get(`/shop?code=${voucherB.code}`)).text();
    expect(check).toContain("Code inconnu");
    expect(check).not.toContain('data-testid="voucher-check"');
    const refused = await shopClient.post("/shop", { code: voucherB.code });
    expect(refused.status).toBe(404);
    const unknown = await shopClient.post("/shop", { code: "AAAAA-BBBBB-CCCCC-DDDDD" });
    expect(unknown.status).toBe(404);
    expect((await stored(voucherB.id)).redeemedAt).toBeNull();
    // the audit row names no voucher of another association
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, vendorA.id), eq(auditLog.action, "aid.voucher.redeem_unknown")))
      .limit(1);
    expect(row!.entityId).toBeNull();
  });

  it("refuses an expired voucher, from the day after its last day", async () => {
    const today = moroccoToday();
    const lastDayToday = await voucherOfA({ expiresOn: today });
    const expired = await voucherOfA({ expiresOn: addDays(today, -1) });
    const refused = await shopClient.post("/shop", { code: expired.code });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("a expiré");
    expect((await stored(expired.id)).redeemedAt).toBeNull();
    expect((await shopClient.post("/shop", { code: lastDayToday.code })).status).toBe(302);
    // the association itself cannot redeem it either
    const atAssociation = await s.clients.workerA.post("/aid/vouchers", { code: expired.code });
    expect(atAssociation.status).toBe(409);
    expect(await atAssociation.text()).toContain("a expiré");
  });

  it("takes nothing once the admin deactivated the shop, and again once reactivated", async () => {
    const shop = await makeShop(t.db, s.orgA.id);
    const vendor = await makeVendor(t.db, shop);
    const client = await s.login(vendor.email);
    const admin = await makeUser(t.db, { role: "admin" });
    const adminClient = await s.login(admin.email);
    const voucher = await voucherOfA();
    // the first post only leads to the confirmation step: the shop still redeems
    expect((await adminClient.post("/admin/shops", { intent: "deactivate", shopId: shop.id })).status).toBe(303);
    expect(
      (await adminClient.post("/admin/shops", { intent: "deactivate", confirm: "deactivate", shopId: shop.id })).status,
    ).toBe(302);
    const refused = await client.post("/shop", { code: voucher.code });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("encaisse plus les bons");
    expect((await stored(voucher.id)).redeemedAt).toBeNull();
    expect((await adminClient.post("/admin/shops", { intent: "reactivate", shopId: shop.id })).status).toBe(302);
    expect((await client.post("/shop", { code: voucher.code })).status).toBe(302);
  });

  it("shows the shop its own history and totals only, with initials", async () => {
    const otherShop = await makeShop(t.db, s.orgA.id);
    const otherVendor = await makeVendor(t.db, otherShop);
    const other = await s.login(otherVendor.email);
    const mine = await voucherOfA({ firstName: "Moussa", lastName: "Traoré" });
    const theirs = await voucherOfA({ firstName: "Chioma", lastName: "Okafor" });
    expect((await shopClient.post("/shop", { code: mine.code })).status).toBe(302);
    expect((await other.post("/shop", { code: theirs.code })).status).toBe(302);
    const page = await (await other.get("/shop")).text();
    expect(page).toContain(theirs.code);
    expect(page).not.toContain(mine.code);
    expect(page).toContain("C. O.");
    expect(page).not.toContain("Chioma");
    expect(page).toMatch(/1 bon · 300,00\s*MAD/);
  });
});

describe("the association reconciles per shop", () => {
  it("lists its own redemptions of the month by shop; another association sees none of them", async () => {
    const shop = await makeShop(t.db, s.orgA.id, { name: "Boutique à rapprocher" });
    const vendor = await makeVendor(t.db, shop);
    const client = await s.login(vendor.email);
    const first = await voucherOfA();
    const second = await voucherOfA();
    for (const v of [first, second]) expect((await client.post("/shop", { code: v.code })).status).toBe(302);
    const page = await (await s.clients.workerA.get("/aid/redemptions")).text();
    expect(page).toContain("Boutique à rapprocher");
    expect(page).toContain(first.code);
    expect(page).toMatch(/Boutique à rapprocher<\/td><td>2<\/td><td>600,00\s*MAD/);
    const ofB = await (await s.clients.workerB.get("/aid/redemptions")).text();
    expect(ofB).not.toContain("Boutique à rapprocher");
    expect(ofB).not.toContain(first.code);
    // a month that cannot be read is a clear 400
    expect((await s.clients.workerA.get("/aid/redemptions?month=2026-13")).status).toBe(400);
  });
});

describe("shops and their accounts, in the database", () => {
  it("ties a vendor to exactly one shop of its own association", async () => {
    const shopB = await makeShop(t.db, s.orgB.id);
    await expect(makeUser(t.db, { role: "vendor", organisationId: s.orgA.id })).rejects.toThrow();
    await expect(makeUser(t.db, { role: "vendor", organisationId: s.orgA.id, shopId: shopB.id })).rejects.toThrow();
    await expect(makeUser(t.db, { role: "coach", organisationId: s.orgB.id, shopId: shopB.id })).rejects.toThrow();
  });

  it("refuses a voucher marked as taken by a shop of another association", async () => {
    const shopB = await makeShop(t.db, s.orgB.id);
    const voucher = await voucherOfA();
    await expect(
      t.db
        .update(vouchers)
        .set({ shopId: shopB.id, redeemedAt: new Date(), redeemedById: vendorA.id })
        .where(eq(vouchers.id, voucher.id)),
    ).rejects.toThrow();
  });

  it("lets the admin create a shop's account only with a shop, in the shop's association", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const adminClient = await s.login(admin.email);
    const created = await adminClient.post("/admin/shops", { name: "Hanout du test", organisationId: s.orgB.id });
    expect(created.status).toBe(302);
    const twice = await adminClient.post("/admin/shops", { name: "Hanout du test", organisationId: s.orgB.id });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("déjà une boutique de ce nom");
    const list = await (await adminClient.get("/admin/shops")).text();
    expect(list).toContain("Hanout du test");

    const noShop = await adminClient.post("/admin/users/new", {
      displayName: "Caisse sans boutique",
      email: "caisse-sans@masar.test",
      role: "vendor",
    });
    expect(noShop.status).toBe(400);
    expect(await noShop.text()).toContain("doit être rattaché à une boutique");
    const withShop = await adminClient.post("/admin/users/new", {
      displayName: "Caisse Al Wahda",
      email: "caisse-wahda@masar.test",
      role: "vendor",
      organisationId: s.orgA.id, // the shop's association wins
      shopId: shopA.id,
    });
    expect(withShop.status).toBe(200);
    const [account] = await t.db.select().from(users).where(eq(users.email, "caisse-wahda@masar.test"));
    expect(account!.shopId).toBe(shopA.id);
    expect(account!.organisationId).toBe(s.orgA.id);
    // a role change away from vendor leaves the shop
    const changed = await adminClient.post(`/admin/users/${account!.id}`, {
      intent: "role",
      role: "coach",
      shopId: shopA.id,
    });
    expect(changed.status).toBe(302);
    const [after] = await t.db.select().from(users).where(eq(users.id, account!.id));
    expect(after!.shopId).toBeNull();
  });
});

describe("what else a shop's account reaches", () => {
  it("gets 404 for every aid and protection page and action, and its home sends it to its page", async () => {
    const voucher = await voucherOfA();
    for (const path of ["/aid", "/aid/vouchers", `/aid/vouchers/${voucher.id}.pdf`, "/protection", "/notifications"])
      expect((await shopClient.get(path)).status, path).toBe(404);
    expect((await shopClient.post("/aid/vouchers", { code: voucher.code })).status).toBe(404);
    expect((await stored(voucher.id)).redeemedAt).toBeNull();
    const home = await shopClient.get("/home");
    expect(home.headers.get("location")).toBe("/shop");
  });
});
