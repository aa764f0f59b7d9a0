/**
 * Bad days posted to a group activity's day (issue 18; the list of every date input is in
 * ../form-dates.test.ts), by a case worker of the association over an otherwise valid
 * body, when it is recorded and when it is corrected: a 400 naming the field, and no
 * activity written or changed.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groupActivities } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { useTwoAssociations } from "../protection/setup";
import { refusesEveryBadDay } from "./bad-days";

const { t, s } = useTwoAssociations();

describe("a day that is not a day, on a group activity, is a 400 naming the field and changes nothing", () => {
  it("the day the activity was held, recorded and corrected", async () => {
    const count = () => t.db.$count(groupActivities, eq(groupActivities.organisationId, s.orgA.id));
    const base = {
      kind: "awareness",
      topic: "health",
      heldOn: addDays(moroccoToday(), -3),
      city: "rabat",
      facilitator: "Salma Idrissi",
      female18to24: "4",
      male25to59: "3",
    };
    await refusesEveryBadDay(s.clients.workerA, "/groups/new", base, "heldOn");
    expect(await count()).toBe(0);
    expect((await s.clients.workerA.post("/groups/new", base)).status).toBe(302);
    expect(await count()).toBe(1);

    // the same day, on the activity's correction: the activity keeps its day
    const [activity] = await t.db.select().from(groupActivities).where(eq(groupActivities.organisationId, s.orgA.id));
    const path = `/groups/${activity!.id}`;
    await refusesEveryBadDay(s.clients.workerA, path, base, "heldOn");
    const [kept] = await t.db.select().from(groupActivities).where(eq(groupActivities.id, activity!.id));
    expect(kept).toEqual(activity);
    expect((await s.clients.workerA.post(path, { ...base, heldOn: addDays(moroccoToday(), -4) })).status).toBe(302);
  });
});
