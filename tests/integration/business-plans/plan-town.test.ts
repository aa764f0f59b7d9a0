/**
 * A business plan's town is a code of the towns list (decision 0168-plan-town-from-list):
 * the summary step offers the towns in the reader's language and refuses anything else
 * (nothing saved, every value typed back), the database refuses a town outside the list
 * whatever the road, and a town the migration could not read waits for the admin on
 * /admin/codes (never naming the plan or its owner) until the admin or the owner chooses.
 */
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { businessPlans, codeFlags, grantAssignments } from "../../../db/schema";
import { makeUser } from "../../factories";
import { completePlanContent, makePlan } from "../../factories/business-plans";
import { DEMO_PLAN, makeApplication, makeCall } from "../../factories/grants";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

type U = Awaited<ReturnType<typeof makeUser>>;
let owner: U, admin: U;
let asOwner: TestClient, asAdmin: TestClient;

beforeAll(async () => {
  owner = await makeUser(t.db, { role: "applicant" });
  admin = await makeUser(t.db, { role: "admin" });
  asOwner = await app.signedIn(owner.email ?? "");
  asAdmin = await app.signedIn(admin.email ?? "");
});

async function summaryOf(planId: string) {
  const [row] = await t.db
    .select({ summary: businessPlans.summary })
    .from(businessPlans)
    .where(eq(businessPlans.id, planId));
  return row!.summary;
}

describe("a plan's town", () => {
  it("is chosen from the towns list in the reader's language; a town typed otherwise is refused, nothing saved", async () => {
    const plan = await makePlan(t.db, owner.id, completePlanContent("Atelier Tiznit", "rabat"));
    asOwner.cookies.set("lng", "ar");
    const arabic = await (await asOwner.get(`/plans/${plan.id}/summary`)).text();
    asOwner.cookies.set("lng", "fr");
    expect(arabic).toMatch(/<select[^>]*name="city"/);
    expect(arabic).toMatch(/<option value="rabat" selected="">الرباط<\/option>/);
    expect(arabic).toMatch(/<option value="other">مدينة أخرى<\/option>/);

    const refused = await asOwner.post(`/plans/${plan.id}/summary`, {
      intent: "save",
      projectName: "Atelier renommé",
      sector: "textile",
      city: "Rabat ville",
      pitch: "Un atelier.",
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Choisissez la ville dans la liste");
    expect(page).toContain('value="Atelier renommé"');
    expect((await summaryOf(plan.id)).projectName).toBe("Atelier Tiznit");

    const saved = await asOwner.post(`/plans/${plan.id}/summary`, {
      intent: "save",
      projectName: "Atelier Tiznit",
      sector: "textile",
      city: "tiznit",
      pitch: "Un atelier.",
    });
    expect(saved.status).toBe(302);
    expect((await summaryOf(plan.id)).city).toBe("tiznit");
    // left blank in a draft: no town, and the step says it is missing
    await asOwner.post(`/plans/${plan.id}/summary`, { intent: "save", projectName: "Atelier Tiznit", city: "" });
    expect((await summaryOf(plan.id)).city).toBeUndefined();
  });

  it("cannot be written outside the list by any road", async () => {
    const plan = await makePlan(t.db, owner.id, completePlanContent("Atelier direct"));
    // the check casts the town to the city type: a town outside it is refused by the type's own input
    await expect(
      t.sql`update business_plans set summary = summary || '{"city": "Douar Lahcen"}' where id = ${plan.id}`,
    ).rejects.toThrow(/enum city/);
    await expect(
      t.sql`update business_plans set summary = summary || '{"city": ""}' where id = ${plan.id}`,
    ).rejects.toThrow(/enum city/);
    expect((await summaryOf(plan.id)).city).toBe("rabat");
  });

  it("a town the migration could not read: the admin chooses it once without seeing whose plan; the owner's own choice closes it", async () => {
    const plan = await makePlan(t.db, owner.id, {
      ...completePlanContent("Projet Flaggedplan"),
      summary: { projectName: "Projet Flaggedplan", sector: "textile", city: "other", pitch: "Un projet." },
    });
    const [flag] = await t.db
      .insert(codeFlags)
      .values({ record: "plan", recordId: plan.id, field: "city", original: "Douar Lahcen" })
      .returning();
    const page = await (await asAdmin.get("/admin/codes")).text();
    expect(page).toContain("Plan d&#x27;affaires d&#x27;un candidat");
    expect(page).toContain("Douar Lahcen");
    expect(page).not.toContain("Flaggedplan");
    const bad = await asAdmin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "Douar Lahcen" });
    expect(bad.status).toBe(400);
    expect((await summaryOf(plan.id)).city).toBe("other");
    const chosen = await asAdmin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "tiznit" });
    expect(chosen.status).toBe(302);
    // the town only: the rest of the summary is as the owner wrote it
    expect(await summaryOf(plan.id)).toEqual({
      projectName: "Projet Flaggedplan",
      sector: "textile",
      city: "tiznit",
      pitch: "Un projet.",
    });
    const again = await asAdmin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "agadir" });
    expect(again.status).toBe(409);
    expect((await summaryOf(plan.id)).city).toBe("tiznit");

    // another plan's waiting town, then its owner saves the summary: nothing is left for the admin
    const second = await makePlan(t.db, owner.id, completePlanContent("Projet Secondplan", "other"));
    await t.db.insert(codeFlags).values({ record: "plan", recordId: second.id, field: "city", original: "Ksar" });
    const open = and(eq(codeFlags.record, "plan"), eq(codeFlags.recordId, second.id), isNull(codeFlags.resolvedAt));
    expect(await t.db.$count(codeFlags, open)).toBe(1);
    const saved = await asOwner.post(`/plans/${second.id}/summary`, {
      intent: "save",
      projectName: "Projet Secondplan",
      sector: "textile",
      city: "guelmim",
      pitch: "Un projet.",
    });
    expect(saved.status).toBe(302);
    expect(await t.db.$count(codeFlags, open)).toBe(0);
    expect((await summaryOf(second.id)).city).toBe("guelmim");
    // the flag the admin closed stays, as the record of the choice
    expect(await t.db.$count(codeFlags, eq(codeFlags.id, flag!.id))).toBe(1);
  });

  it("reaches the committee in the member's language; a plan sent before keeps its town as typed", async () => {
    const member = await makeUser(t.db, { role: "committee_member" });
    const call = await makeCall(t.db, {
      status: "under_review",
      opensAt: new Date(Date.now() - 30 * 86400000),
      closesAt: new Date(Date.now() - 86400000),
      reviewDeadline: new Date(Date.now() + 10 * 86400000),
    });
    const reviewOf = async (city: string) => {
      const applicant = await makeUser(t.db, { role: "applicant" });
      const application = await makeApplication(t.db, {
        callId: call.id,
        applicantId: applicant.id,
        planSnapshot: { ...DEMO_PLAN, summary: { ...DEMO_PLAN.summary, city } },
      });
      const [assignment] = await t.db
        .insert(grantAssignments)
        .values({ applicationId: application.id, reviewerId: member.id })
        .returning();
      return `/grants/reviews/${assignment!.id}`;
    };
    const coded = await reviewOf("tiznit");
    const typed = await reviewOf("Ville de Rabat");
    const asMember = await app.signedIn(member.email ?? "");
    asMember.cookies.set("lng", "ar");
    const page = await (await asMember.get(coded)).text();
    expect(page).toContain("<bdi>تيزنيت</bdi>");
    expect(page).not.toMatch(/>tiznit</);
    // the sector too, a code, by its name
    expect(page).toContain("<bdi>النسيج</bdi>");
    expect(page).not.toMatch(/>textile</);
    expect(await (await asMember.get(typed)).text()).toContain("<bdi>Ville de Rabat</bdi>");
  });
});
