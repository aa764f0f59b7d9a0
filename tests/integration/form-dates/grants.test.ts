/**
 * Bad days posted to an opened call's correction (issue 18; the list of every date input
 * is in ../form-dates.test.ts; the new-call form's days are in ../form-dates.test.ts): its
 * closing and review days, by an admin over the form as stored: a 400 naming the field,
 * the call unchanged.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grantCalls } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { moneyInputValue } from "../../../app/lib/money";
import { makeUser } from "../../factories";
import { makeCall } from "../../factories/grants";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { refusesEveryBadDay } from "./bad-days";

const t = useTestDb();
const app = useTestApp(t);

describe("a day that is not a day, on an opened call's correction, is a 400 naming the field", () => {
  it("its closing and review days (an admin)", async () => {
    const call = await makeCall(t.db, { status: "open" });
    const c = await app.signedIn((await makeUser(t.db, { role: "admin" })).email!);
    const stored = async () => (await t.db.select().from(grantCalls).where(eq(grantCalls.id, call.id)))[0]!;
    const before = await stored();
    const base = {
      titleFr: before.titleFr,
      titleAr: before.titleAr,
      titleEn: before.titleEn,
      descriptionFr: before.descriptionFr,
      descriptionAr: before.descriptionAr,
      descriptionEn: before.descriptionEn,
      closesOn: moroccoToday(before.closesAt),
      reviewDeadlineOn: moroccoToday(before.reviewDeadline),
      budget: moneyInputValue(before.budgetCentimes),
    };
    const path = `/grants/calls/${call.id}/edit`;
    for (const field of ["closesOn", "reviewDeadlineOn"]) await refusesEveryBadDay(c, path, base, field);
    expect(await stored()).toEqual(before);
    const later = { ...base, reviewDeadlineOn: addDays(base.reviewDeadlineOn, 3) };
    expect((await c.post(path, later)).status).toBe(302);
    expect(moroccoToday((await stored()).reviewDeadline)).toBe(later.reviewDeadlineOn);
  });
});
