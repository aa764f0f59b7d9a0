import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { coachAssignments } from "../../../db/schema";
import { makeUser } from "../../factories";
import { completePlanContent, makePlan } from "../../factories/business-plans";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

type U = Awaited<ReturnType<typeof makeUser>>;
let applicant: U, coachA: U, coachB: U, admin: U;
let asAdmin: TestClient, asA: TestClient, asB: TestClient;

beforeAll(async () => {
  applicant = await makeUser(t.db, { role: "applicant" });
  coachA = await makeUser(t.db, { role: "coach" });
  coachB = await makeUser(t.db, { role: "coach" });
  admin = await makeUser(t.db, { role: "admin" });
  asAdmin = await app.signedIn(admin.email!);
  asA = await app.signedIn(coachA.email!);
  asB = await app.signedIn(coachB.email!);
});

describe("an admin assigns coaches", () => {
  it("gives the plan's reading to the new coach only, keeping the old assignment as history", async () => {
    const plan = await makePlan(t.db, applicant.id, completePlanContent("Suivi changeant"));
    expect(
      (await asAdmin.post("/coaching/assignments", { beneficiaryId: applicant.id, coachId: coachA.id })).status,
    ).toBe(302);
    expect((await asA.get(`/plans/${plan.id}`)).status).toBe(200);
    expect((await asB.get(`/plans/${plan.id}`)).status).toBe(404);
    expect(
      (await asAdmin.post("/coaching/assignments", { beneficiaryId: applicant.id, coachId: coachB.id })).status,
    ).toBe(302);
    expect((await asA.get(`/plans/${plan.id}`)).status).toBe(404);
    expect((await asB.get(`/plans/${plan.id}`)).status).toBe(200);
    const all = await t.db.select().from(coachAssignments).where(eq(coachAssignments.beneficiaryId, applicant.id));
    expect(all).toHaveLength(2);
  });

  it("ends with one current coach when five assignments arrive at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        asAdmin.post("/coaching/assignments", { beneficiaryId: applicant.id, coachId: i % 2 ? coachA.id : coachB.id }),
      ),
    );
    expect(results.every((r) => r.status === 302)).toBe(true);
    const current = await t.db
      .select()
      .from(coachAssignments)
      .where(and(eq(coachAssignments.beneficiaryId, applicant.id), isNull(coachAssignments.endedAt)));
    expect(current).toHaveLength(1);
  });

  it("refuses a coach who is not a coach, with a 400 and no change", async () => {
    const res = await asAdmin.post("/coaching/assignments", { beneficiaryId: applicant.id, coachId: admin.id });
    expect(res.status).toBe(400);
    // the refused form comes back with the beneficiary chosen (no lost work)
    expect(await res.text()).toMatch(new RegExp(`<option value="${applicant.id}" selected="">`));
    expect((await asA.post("/coaching/assignments", { beneficiaryId: applicant.id, coachId: coachA.id })).status).toBe(
      403,
    );
  });

  it("sends back the coach chosen when the beneficiary is missing, and changes nothing", async () => {
    const before = await t.db.select().from(coachAssignments);
    const res = await asAdmin.post("/coaching/assignments", { beneficiaryId: "", coachId: coachB.id });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`<option value="${coachB.id}" selected="">`);
    expect(html).not.toMatch(/<option value="[^"]+" selected="">[^<]*\(/);
    expect(await t.db.select().from(coachAssignments)).toHaveLength(before.length);
  });
});
