/**
 * Bad days posted to the aid forms (issue 18; the list of every date input is in
 * ../form-dates.test.ts): a round created and a round corrected, by a case worker of the
 * association, over an otherwise valid body: a 400 naming the field, nothing written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { distributionRounds } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { uniqueSuffix } from "../../factories";
import { findOrMakeItem, makeStockedRound, makeWarehouse, receiveStock } from "../../factories/protection";
import { useTwoAssociations } from "../protection/setup";
import { refusesEveryBadDay } from "./bad-days";

const { t, s } = useTwoAssociations();

describe("a day that is not a day, on an aid form, is a 400 naming the field and changes nothing", () => {
  it("a new round's first and last days", async () => {
    const item = await findOrMakeItem(t.db, "food_kit", `Kit ${uniqueSuffix()}`);
    const warehouse = await makeWarehouse(t.db, s.orgA.id);
    await receiveStock(t.db, warehouse.id, item.id, 50, s.workerA.id);
    const count = () => t.db.$count(distributionRounds, eq(distributionRounds.warehouseId, warehouse.id));
    const base = {
      name: `Tournée ${uniqueSuffix()}`,
      warehouseId: warehouse.id,
      itemId: item.id,
      quantity: "1",
      eligibilityVulnerability: "",
      startsOn: moroccoToday(),
      endsOn: addDays(moroccoToday(), 14),
    };
    for (const field of ["startsOn", "endsOn"]) await refusesEveryBadDay(s.clients.workerA, "/aid", base, field);
    expect(await count()).toBe(0);
    expect((await s.clients.workerA.post("/aid", base)).status).toBe(302);
    expect(await count()).toBe(1);
  });

  it("a round's days, corrected before its hand-out", async () => {
    const item = await findOrMakeItem(t.db, "food_kit", `Kit ${uniqueSuffix()}`);
    const { round } = await makeStockedRound(t.db, {
      organisationId: s.orgA.id,
      itemId: item.id,
      stock: 10,
      createdById: s.workerA.id,
    });
    const stored = async () =>
      (await t.db.select().from(distributionRounds).where(eq(distributionRounds.id, round.id)))[0];
    const path = `/aid/rounds/${round.id}`;
    const base = {
      intent: "correctRound",
      name: round.name,
      startsOn: round.startsOn,
      endsOn: addDays(round.endsOn, 2),
      eligibilityVulnerability: "",
    };
    for (const field of ["startsOn", "endsOn"]) await refusesEveryBadDay(s.clients.workerA, path, base, field);
    expect(await stored()).toEqual(round);
    expect((await s.clients.workerA.post(path, base)).status).toBe(302);
    expect((await stored())?.endsOn).toBe(addDays(round.endsOn, 2));
  });
});
