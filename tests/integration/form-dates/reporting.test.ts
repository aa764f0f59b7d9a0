/**
 * Bad days posted to the budget forms, and asked of the report's filters (issue 18; the
 * list of every date input is in ../form-dates.test.ts). The budget's period, an exchange
 * rate's first day and an entry's day are refused with a 400 naming the field and change
 * nothing; the dashboard's "from" and "to" (a form sent with GET) are a 400 naming the
 * parameter, never a report of another period.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { budgetEntries, budgetLines, exchangeRates, programmeBudget } from "../../../db/schema";
import { makeUser, uniqueSuffix } from "../../factories";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";
import { BAD_DAYS_TYPED, refusesEveryBadDay } from "./bad-days";

const t = useTestDb();
const app = useTestApp(t);

async function admin() {
  const user = await makeUser(t.db, { role: "admin" });
  return app.signedIn(user.email!);
}

describe("a day that is not a day, on the budget's forms, is a 400 naming the field and changes nothing", () => {
  it("the budget's first and last days (an admin)", async () => {
    const c = await admin();
    // the page makes the budget's row on its first view: compare from there
    expect((await c.get("/admin/budget")).status).toBe(200);
    const stored = async () => ({
      budget: await t.db.select().from(programmeBudget),
      lines: await t.db.select().from(budgetLines).orderBy(budgetLines.lineKey),
    });
    const before = await stored();
    const base = {
      intent: "budget",
      total: "151500",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      line_health: "35000",
      line_humanitarian_aid: "30000",
      line_employability: "30000",
      line_entrepreneurship_grants: "40000",
      line_staff_operations: "16500",
    };
    for (const field of ["startsOn", "endsOn"]) await refusesEveryBadDay(c, "/admin/budget", base, field);
    expect(await stored()).toEqual(before);
    expect((await c.post("/admin/budget", base)).status).toBe(302);
  });

  it("an exchange rate's first day, and a budget entry's day (an admin)", async () => {
    const c = await admin();
    const rates = () => t.db.$count(exchangeRates);
    const ratesBefore = await rates();
    const rate = { intent: "rate", effectiveOn: "2031-03-01", rate: "9,85" };
    await refusesEveryBadDay(c, "/admin/budget", rate, "effectiveOn");
    expect(await rates()).toBe(ratesBefore);
    expect((await c.post("/admin/budget", rate)).status).toBe(302);
    expect(await rates()).toBe(ratesBefore + 1);

    const reference = `Loyer ${uniqueSuffix()}`;
    const entries = () => t.db.$count(budgetEntries, eq(budgetEntries.reference, reference));
    const entry = {
      intent: "entry",
      lineKey: "staff_operations",
      kind: "spending",
      amount: "1000",
      occurredOn: "2026-02-10",
      reference,
    };
    await refusesEveryBadDay(c, "/admin/budget", entry, "occurredOn");
    expect(await entries()).toBe(0);
    expect((await c.post("/admin/budget", entry)).status).toBe(302);
    expect(await entries()).toBe(1);
  });
});

describe("a day that is not a day in the report's filters is a 400 naming the parameter", () => {
  it("from and to (an admin; a blank filter is no filter)", async () => {
    const c = await admin();
    for (const field of ["from", "to"]) {
      for (const day of BAD_DAYS_TYPED) {
        const res = await c.get(`/reports?${new URLSearchParams({ [field]: day })}`);
        expect(res.status, `${field}=${day}`).toBe(400);
        const page = await res.text();
        expect(page, `${field}=${day}`).toContain(`«\u00a0${field}\u00a0»`);
      }
      expect((await c.get(`/reports?${field}=2026-03-01`)).status).toBe(200);
    }
  });
});
