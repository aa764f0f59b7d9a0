/**
 * Correcting a distribution round before its hand-out starts (issue 15, "correct and
 * close"): name, dates, rule and eligibility, and an item taken out of the kit; the
 * audit row names the fields changed; once one person has received the round nothing
 * of it changes, including when a correction and the first hand-out arrive together.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, distributionRounds, roundItems } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { findOrMakeItem, makeCase, makeStockedRound } from "../../factories/protection";
import { useTwoAssociations } from "../protection/setup";
import { balanceOf } from "./stock";

const { t, s } = useTwoAssociations();

async function freshRound(label: string, values: { perHousehold?: boolean; quantity?: number } = {}) {
  const item = await findOrMakeItem(t.db, "food_kit", `Kit (${label})`);
  const { warehouse, round } = await makeStockedRound(t.db, {
    organisationId: s.orgA.id,
    itemId: item.id,
    stock: 100,
    quantity: values.quantity ?? 2,
    perHousehold: values.perHousehold ?? false,
    createdById: s.workerA.id,
    name: `Tournée ${label}`,
  });
  return { item, warehouse, round };
}

const stored = async (roundId: string) =>
  (await t.db.select().from(distributionRounds).where(eq(distributionRounds.id, roundId)))[0]!;
const auditRows = (roundId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, roundId), eq(auditLog.action, action)));

function correction(round: { name: string; startsOn: string; endsOn: string }, changes: Record<string, string> = {}) {
  return {
    intent: "correctRound",
    name: round.name,
    startsOn: round.startsOn,
    endsOn: round.endsOn,
    eligibilityVulnerability: "",
    ...changes,
  };
}

describe("correcting a round before its hand-out", () => {
  it("changes what was corrected, says so, and names the fields in the audit row, never their values", async () => {
    const { round } = await freshRound("rename");
    const later = addDays(moroccoToday(), 3);
    const res = await s.clients.workerA.post(
      `/aid/rounds/${round.id}`,
      correction(round, { name: "Tournée de Ramadan", startsOn: later, perHousehold: "on" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/aid/rounds/${round.id}?done=corrected`);
    const after = await stored(round.id);
    expect(after).toMatchObject({ name: "Tournée de Ramadan", startsOn: later, perHousehold: true });
    expect(after.endsOn).toBe(round.endsOn);
    const rows = await auditRows(round.id, "aid.round.correct");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields).toEqual(["name", "startsOn", "perHousehold"]);
    expect(JSON.stringify(rows[0])).not.toContain("Ramadan");
    const page = await (await s.clients.workerA.get(res.headers.get("location")!)).text();
    expect(page).toContain("Tournée corrigée.");
  });

  it("writes nothing when nothing changed, and tells the person so", async () => {
    const { round } = await freshRound("same");
    const res = await s.clients.workerA.post(`/aid/rounds/${round.id}`, correction(round));
    expect(res.headers.get("location")).toBe(`/aid/rounds/${round.id}?done=unchanged`);
    expect(await auditRows(round.id, "aid.round.correct")).toHaveLength(0);
  });

  it("refuses bad dates and an empty name with the form's messages, and changes nothing", async () => {
    const { round } = await freshRound("bad");
    const refusals: Record<string, string>[] = [
      { endsOn: addDays(round.startsOn, -1) },
      { startsOn: "2027-02-31" },
      { name: "   " },
      { eligibilityVulnerability: "astrology" },
    ];
    for (const changes of refusals) {
      const res = await s.clients.workerA.post(`/aid/rounds/${round.id}`, correction(round, changes));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('name="intent" value="correctRound"');
    }
    const ends = await s.clients.workerA.post(
      `/aid/rounds/${round.id}`,
      correction(round, { endsOn: addDays(round.startsOn, -1) }),
    );
    expect(await ends.text()).toContain("La fin ne peut pas précéder le début.");
    expect(await stored(round.id)).toEqual(round);
  });

  it("is refused once someone received the round, and the page no longer offers it", async () => {
    const { round } = await freshRound("started");
    const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id });
    const given = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" });
    expect(given.status).toBe(302);
    const res = await s.clients.workerA.post(`/aid/rounds/${round.id}`, correction(round, { name: "Trop tard" }));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("La distribution a commencé\u00a0: la tournée ne change plus.");
    expect((await stored(round.id)).name).toBe(round.name);
    const page = await (await s.clients.workerA.get(`/aid/rounds/${round.id}`)).text();
    expect(page).not.toContain('value="correctRound"');
  });

  it("is another association's round: 404, nothing changed", async () => {
    const { round } = await freshRound("other");
    const res = await s.clients.workerB.post(`/aid/rounds/${round.id}`, correction(round, { name: "Pris" }));
    expect(res.status).toBe(404);
    expect((await stored(round.id)).name).toBe(round.name);
  });

  it("takes the per-household rule of the round as it stands when a correction and the first hand-out arrive together", async () => {
    for (let i = 0; i < 4; i++) {
      const { round, warehouse, item } = await freshRound(`race ${i}`, { perHousehold: true, quantity: 2 });
      const c = await makeCase(t.db, { organisationId: s.orgA.id, createdById: s.workerA.id, householdSize: 3 });
      const [corrected, given] = await Promise.all([
        s.clients.workerA.post(`/aid/rounds/${round.id}`, correction(round)), // perHousehold left unticked: off
        s.clients.workerA.post(`/aid/rounds/${round.id}`, { caseId: c.id, confirm: "distribute" }),
      ]);
      expect(given.status).toBe(302);
      const left = await balanceOf(t.db, warehouse.id, item.id);
      if (corrected.status === 302) {
        // the correction came first: one person's kit, per person
        expect(left).toBe(98);
        expect((await stored(round.id)).perHousehold).toBe(false);
      } else {
        // the hand-out came first: the household's kits, and the round unchanged
        expect(corrected.status).toBe(409);
        expect(left).toBe(94);
        expect((await stored(round.id)).perHousehold).toBe(true);
      }
    }
  });
});

describe("taking an item out of a round's kit", () => {
  it("removes it while another stays, with an audit row; the last one stays", async () => {
    const { round, item } = await freshRound("kit");
    const blanket = await findOrMakeItem(t.db, "blanket", "Couverture (kit)");
    const added = await s.clients.workerA.post(`/aid/rounds/${round.id}`, {
      intent: "item",
      itemId: blanket.id,
      quantity: "1",
    });
    expect(added.status).toBe(302);
    const page = await (await s.clients.workerA.get(`/aid/rounds/${round.id}`)).text();
    expect(page).toContain("Retirer Couverture (kit)");

    const removed = await s.clients.workerA.post(`/aid/rounds/${round.id}`, {
      intent: "removeItem",
      confirm: "removeItem",
      itemId: blanket.id,
    });
    expect(removed.status).toBe(302);
    expect(await t.db.select().from(roundItems).where(eq(roundItems.roundId, round.id))).toEqual([
      { roundId: round.id, itemId: item.id, quantity: 2 },
    ]);
    const rows = await auditRows(round.id, "aid.round.item.remove");
    expect(rows.map((r) => r.fields)).toEqual([["items"]]);

    const last = await s.clients.workerA.post(`/aid/rounds/${round.id}`, {
      intent: "removeItem",
      confirm: "removeItem",
      itemId: item.id,
    });
    expect(last.status).toBe(409);
    expect(await last.text()).toContain("Une tournée remet au moins un article");
    expect(await t.db.select().from(roundItems).where(eq(roundItems.roundId, round.id))).toHaveLength(1);
  });

  it("keeps one item when two removals of the two items arrive at once", async () => {
    for (let i = 0; i < 3; i++) {
      const { round, item } = await freshRound(`both ${i}`);
      const blanket = await findOrMakeItem(t.db, "blanket", `Couverture (both ${i})`);
      await s.clients.workerA.post(`/aid/rounds/${round.id}`, { intent: "item", itemId: blanket.id, quantity: "1" });
      const answers = await Promise.all(
        [item.id, blanket.id].map((itemId) =>
          s.clients.workerA.post(`/aid/rounds/${round.id}`, { intent: "removeItem", confirm: "removeItem", itemId }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
      expect(await t.db.select().from(roundItems).where(eq(roundItems.roundId, round.id))).toHaveLength(1);
    }
  });

  it("refuses an item that is not in the kit, and a malformed id, changing nothing", async () => {
    const { round } = await freshRound("absent");
    const other = await findOrMakeItem(t.db, "blanket", "Jerrican (absent)");
    for (const itemId of [other.id, "not-an-id"]) {
      const res = await s.clients.workerA.post(`/aid/rounds/${round.id}`, { intent: "removeItem", itemId });
      expect(res.status).toBe(400);
    }
    expect(await t.db.select().from(roundItems).where(eq(roundItems.roundId, round.id))).toHaveLength(1);
  });
});
