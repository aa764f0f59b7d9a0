/**
 * Bad days posted to a call's correction (issue 18; the list of every date input is in
 * ../form-dates.test.ts; the new-call form's days are in ../form-dates.test.ts): a draft's
 * opening, closing and review days, an opened call's closing and review days, by an admin
 * over the form as stored: a 400 naming the field, the call unchanged.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grantCalls } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { moneyInputValue } from "../../../app/lib/money";
import { makeUser } from "../../factories";
import { draftCallForm, makeCall } from "../../factories/grants";
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

  it("a draft's opening, closing and review days (an admin)", async () => {
    const c = await app.signedIn((await makeUser(t.db, { role: "admin" })).email!);
    const base = draftCallForm("Appel brouillon");
    const created = await c.post("/grants/calls/new", base);
    expect(created.status).toBe(302);
    const callId = /\/grants\/calls\/([0-9a-f-]{36})/.exec(created.headers.get("location") ?? "")![1]!;
    const stored = async () => (await t.db.select().from(grantCalls).where(eq(grantCalls.id, callId)))[0]!;
    const before = await stored();
    expect(before.status).toBe("draft");
    const path = `/grants/calls/${callId}/edit`;
    for (const field of ["opensOn", "closesOn", "reviewDeadlineOn"]) await refusesEveryBadDay(c, path, base, field);
    expect(await stored()).toEqual(before);
    expect((await c.post(path, { ...base, opensOn: addDays(moroccoToday(), 2) })).status).toBe(302);
    expect(moroccoToday((await stored()).opensAt)).toBe(addDays(moroccoToday(), 2));
  });
});
