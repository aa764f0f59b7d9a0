/**
 * The aid catalogue corrected by the programme admin (issue 15, "correct and close"):
 * names in three languages at any time, the unit (kind, a voucher's value) only until
 * stock of the item has moved, which the database holds, also when a correction and a
 * stock receipt arrive together; each change audited by field names; no one else may.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { aidItems, auditLog } from "../../../db/schema";
import { makeUser, uniqueSuffix } from "../../factories";
import { findOrMakeItem, makeWarehouse, receiveStock } from "../../factories/protection";
import { everyoneButTheAdmin, refusalFor, versionOn } from "../helpers/corrections";
import type { TestClient } from "../helpers/app";
import { useTwoAssociations } from "../protection/setup";

const { t, app, s } = useTwoAssociations();

async function admin() {
  const user = await makeUser(t.db, { role: "admin" });
  return app.signedIn(user.email!);
}

const stored = async (id: string) => (await t.db.select().from(aidItems).where(eq(aidItems.id, id)))[0]!;
const corrections = (id: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "aid.item.correct")));

type Item = { id: string; nameFr: string; nameAr: string; nameEn: string; kind: string };

/** Post a correction where its form posts it: the item's page. */
function send(client: TestClient, body: Record<string, string>) {
  return client.post(`/admin/aid-items?item=${body.itemId}`, body);
}

/** The item's form as the admin's page shows it now, with `changes` typed over it. */
async function form(c: TestClient, item: Item, changes: Record<string, string> = {}) {
  const version = versionOn(await (await c.get(`/admin/aid-items?item=${item.id}`)).text());
  const { id: itemId, nameFr, nameAr, nameEn, kind } = item;
  return { itemId, version, nameFr, nameAr, nameEn, kind, ...changes };
}

describe("correcting an aid item", () => {
  it("corrects its names in three languages, says so, and names the fields in the audit row", async () => {
    const c = await admin();
    const item = await findOrMakeItem(t.db, "hygiene_kit", `Trousse ${uniqueSuffix()}`);
    const page = await c.get(`/admin/aid-items?item=${item.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${item.nameFr}"`);
    const res = await send(c, await form(c, item, { nameAr: "حقيبة النظافة", nameEn: "Hygiene pouch" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/aid-items?done=corrected");
    expect(await stored(item.id)).toMatchObject({
      nameFr: item.nameFr,
      nameAr: "حقيبة النظافة",
      nameEn: "Hygiene pouch",
    });
    const rows = await corrections(item.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields).toEqual(["nameAr", "nameEn"]);
    expect(JSON.stringify(rows[0])).not.toContain("Hygiene pouch");
    expect(await (await c.get("/admin/aid-items?done=corrected")).text()).toContain("Article corrigé.");
    // the same form again changes nothing and writes nothing
    const again = await send(c, await form(c, await stored(item.id)));
    expect(again.headers.get("location")).toBe("/admin/aid-items?done=unchanged");
    expect(await corrections(item.id)).toHaveLength(1);
  });

  it("changes its unit while no stock moved, and not after: a 409 from the database, nothing changed", async () => {
    const c = await admin();
    const item = await findOrMakeItem(t.db, "food_kit", `Panier ${uniqueSuffix()}`);
    const voucher = await send(c, await form(c, item, { kind: "voucher", faceValue: "150" }));
    expect(voucher.status).toBe(302);
    expect(await stored(item.id)).toMatchObject({ kind: "voucher", faceValueCentimes: 15_000 });
    expect((await corrections(item.id))[0]!.fields).toEqual(["kind", "faceValueCentimes"]);

    const warehouse = await makeWarehouse(t.db, s.orgA.id);
    await receiveStock(t.db, warehouse.id, item.id, 10, s.workerA.id);
    const before = await stored(item.id);
    const page = await (await c.get(`/admin/aid-items?item=${item.id}`)).text();
    expect(page).toContain("Le stock de cet article a déjà bougé");
    expect(page).not.toContain('name="faceValue" value=""');
    for (const changes of [{ kind: "food_kit" }, { faceValue: "200" }] as Record<string, string>[]) {
      const refused = await send(c, await form(c, before, { faceValue: "150", ...changes }));
      expect(refused.status).toBe(409);
      const html = await refused.text();
      expect(html).toContain("ne changent plus");
      expect(html).toContain(`value="${before.nameFr}"`);
    }
    // the database refuses it too, whatever the code above it does
    await expect(
      t.db.update(aidItems).set({ faceValueCentimes: 20_000 }).where(eq(aidItems.id, item.id)),
    ).rejects.toThrow();
    expect(await stored(item.id)).toEqual(before);
    // its names still correct
    const named = await send(c, await form(c, before, { faceValue: "150", nameEn: "Basket voucher" }));
    expect(named.status).toBe(302);
    expect((await stored(item.id)).nameEn).toBe("Basket voucher");
  });

  it("refuses bad input with the form's messages, keeps what was typed, and changes nothing", async () => {
    const c = await admin();
    const item = await findOrMakeItem(t.db, "blanket", `Plaid ${uniqueSuffix()}`);
    const other = await findOrMakeItem(t.db, "blanket", `Duvet ${uniqueSuffix()}`);
    const before = await stored(item.id);
    const cases: [Record<string, string>, string][] = [
      [{ nameFr: "  ", nameEn: "Kept as typed" }, "Ce champ est obligatoire."],
      [{ nameFr: other.nameFr, nameEn: "Kept as typed" }, "Un autre article porte déjà ce nom."],
      [{ kind: "voucher", nameEn: "Kept as typed" }, "Un bon d&#x27;achat a une valeur"],
      [{ kind: "spaceship", nameEn: "Kept as typed" }, 'aria-invalid="true"'],
      [{ kind: "voucher", faceValue: "12,5,0", nameEn: "Kept as typed" }, 'name="faceValue"'],
    ];
    for (const [changes, message] of cases) {
      const res = await send(c, await form(c, item, changes));
      expect(res.status, JSON.stringify(changes)).toBe(400);
      const html = await res.text();
      expect(html, JSON.stringify(changes)).toContain(message);
      expect(html).toContain('value="Kept as typed"');
      expect(html).toContain('class="error-summary');
    }
    expect(await stored(item.id)).toEqual(before);
    const body = await form(c, before);
    const missing = await send(c, { ...body, itemId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
    expect((await c.get("/admin/aid-items?item=not-an-id")).status).toBe(400);
  });

  it("is the admin's only: every other role is refused and nothing changes", async () => {
    const item = await findOrMakeItem(t.db, "clothing", `Vestes ${uniqueSuffix()}`);
    const body = await form(await admin(), item, { nameEn: "Taken over" });
    for (const [who, client] of await everyoneButTheAdmin(t.db, app)) {
      expect((await send(client, body)).status, who).toBe(refusalFor(who));
      expect((await client.get(`/admin/aid-items?item=${item.id}`)).status, who).toBe(refusalFor(who));
    }
    expect((await stored(item.id)).nameEn).toBe("");
  });

  it("holds the unit when a change of unit and the first stock receipt arrive together", async () => {
    const c = await admin();
    for (let i = 0; i < 6; i++) {
      const item = await findOrMakeItem(t.db, "nfi_kit", `Lot ${i} ${uniqueSuffix()}`);
      const warehouse = await makeWarehouse(t.db, s.orgA.id);
      const body = await form(c, item, { kind: "baby_kit" });
      const [changed, received] = await Promise.allSettled([
        send(c, body),
        receiveStock(t.db, warehouse.id, item.id, 5, s.workerA.id),
      ]);
      expect(received.status).toBe("fulfilled");
      expect(changed.status).toBe("fulfilled");
      const status = changed.status === "fulfilled" ? changed.value.status : 0;
      const after = await stored(item.id);
      // either the change came first (then stock moved in the new unit), or it was refused
      if (status === 302) expect(after.kind).toBe("baby_kit");
      else {
        expect(status).toBe(409);
        expect(after.kind).toBe("nfi_kit");
      }
      // the invariant: once stock moved, no later change of unit was committed
      const changes = await corrections(item.id);
      expect(changes.length).toBe(status === 302 ? 1 : 0);
    }
  });

  it("refuses a correction made on a form older than the item, and shows the item as it is now", async () => {
    const c = await admin();
    const item = await findOrMakeItem(t.db, "baby_kit", `Layette ${uniqueSuffix()}`);
    const first = await form(c, item, { nameEn: "Layette" });
    const second = await form(c, item, { nameAr: "لوازم الرضيع" });
    const answers = await Promise.all([send(c, first), send(c, second)]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
    const late = answers.find((r) => r.status === 409)!;
    expect(await late.text()).toContain("modifié entre-temps");
    const after = await stored(item.id);
    // one correction stands whole; the other did not put back what it had not seen
    expect([after.nameEn, after.nameAr].filter(Boolean)).toHaveLength(1);
    expect(await corrections(item.id)).toHaveLength(1);
  });
});
