import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { businessPlans, grantApplications, profiles } from "../../../db/schema";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { makeUser } from "../../factories";
import { completePlanContent, makePlan } from "../../factories/business-plans";
import { makeCall } from "../../factories/grants";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("applying with a business plan", () => {
  it("freezes the complete plan at submission, checks eligibility from the profile, allows one application, and withdraws", async () => {
    const applicant = await makeUser(t.db, {});
    await t.db.insert(profiles).values({
      userId: applicant.id,
      familyName: "Diallo",
      birthDate: "2000-05-01",
      sex: "female",
      residentStatus: "migrant",
      region: "rabat_sale_kenitra",
      city: "rabat",
    });
    const plan = await makePlan(t.db, applicant.id, completePlanContent("Boulangerie Canari"));
    await makePlan(t.db, applicant.id, { summary: { projectName: "Brouillon" } });
    const call = await makeCall(t.db, {
      audience: "migrants",
      minAge: 18,
      maxAge: 35,
      regions: ["rabat_sale_kenitra"],
    });
    const client = await app.signedIn(applicant.email!);

    const page = await (await client.get("/grants")).text();
    expect(page).toContain("Boulangerie Canari");
    expect(page).not.toContain("Brouillon");
    // who can apply, in words, and whether this person meets each condition
    expect(page).toContain("Qui peut postuler");
    expect(page).toContain("Avoir entre 18 et 35 ans à la clôture de l&#x27;appel");
    expect(page.match(/data-met="yes"/g)).toHaveLength(3);

    // "check your answers" first: the first post sends nothing
    const unchecked = await client.post("/grants", { callId: call.id, planId: plan.id });
    expect(unchecked.status).toBe(303);
    expect(unchecked.headers.get("location")).toBe(`/grants?confirm=apply&callId=${call.id}&planId=${plan.id}`);
    expect(await t.db.$count(grantApplications, eq(grantApplications.applicantId, applicant.id))).toBe(0);
    const check = await (await client.get(unchecked.headers.get("location")!)).text();
    expect(check).toContain("Vérifiez votre candidature avant de l");
    expect(check).toContain("Boulangerie Canari");
    expect(check).toContain('name="confirm" value="apply"');
    expect(check).toContain(`href="/plans/${plan.id}"`); // change the plan
    expect(check).toContain('href="/profile"'); // change the profile
    const res = await client.post("/grants", { callId: call.id, planId: plan.id, confirm: "apply" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/grants\/applications\/[0-9a-f-]{36}\?sent=1$/);
    const sent = await (await client.get(res.headers.get("location")!)).text();
    expect(sent).toContain('data-testid="sent"');
    expect(sent).toContain("Candidature envoyée");
    const [application] = await t.db
      .select()
      .from(grantApplications)
      .where(eq(grantApplications.applicantId, applicant.id));
    expect(application!.status).toBe("submitted");
    expect(application!.eligibilityFailures).toEqual([]);
    expect(application!.isWoman).toBe(true);
    expect(application!.requestedCentimes).toBeGreaterThan(0);
    expect((application!.planSnapshot as { summary: { projectName: string } }).summary.projectName).toBe(
      "Boulangerie Canari",
    );

    // later edits change the plan, never the submitted snapshot
    await t.db
      .update(businessPlans)
      .set({ summary: { ...plan.summary, projectName: "Nom changé" } })
      .where(eq(businessPlans.id, plan.id));
    const [again] = await t.db.select().from(grantApplications).where(eq(grantApplications.id, application!.id));
    expect((again!.planSnapshot as { summary: { projectName: string } }).summary.projectName).toBe(
      "Boulangerie Canari",
    );

    // a second application to the same call is refused
    const twice = await client.post("/grants", { callId: call.id, planId: plan.id, confirm: "apply" });
    expect(twice.status).toBe(409);

    // someone else's plan cannot be submitted
    const other = await makeUser(t.db, {});
    const otherPlan = await makePlan(t.db, other.id, completePlanContent("Autre"));
    const call2 = await makeCall(t.db);
    expect((await client.post("/grants", { callId: call2.id, planId: otherPlan.id })).status).toBe(400);

    // the timeline, then withdrawal before the closing date
    // (a link to a confirmation step, never a button: one tap withdraws nothing)
    const timeline = await client.get(`/grants/applications/${application!.id}`);
    expect(timeline.status).toBe(200);
    const timelineHtml = await timeline.text();
    expect(timelineHtml).toContain(`href="/grants/applications/${application!.id}?confirm=withdraw"`);
    expect(timelineHtml).not.toMatch(/<form method="post" action="\/grants\/applications/);
    const stranger = await app.signedIn(other.email!);
    // another applicant: not found, before any step
    expect((await stranger.post(`/grants/applications/${application!.id}`, {})).status).toBe(404);
    const first = await client.post(`/grants/applications/${application!.id}`, {});
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/grants/applications/${application!.id}?confirm=withdraw`);
    const [still] = await t.db.select().from(grantApplications).where(eq(grantApplications.id, application!.id));
    expect(still!.status).toBe("submitted");
    const step = await (await client.get(first.headers.get("location")!)).text();
    expect(step).toContain('data-testid="confirm-step"');
    expect(step).toContain("Retirer votre candidature");
    expect(step).toContain('name="confirm" value="withdraw"');
    const done = await client.post(`/grants/applications/${application!.id}`, { confirm: "withdraw" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/grants/applications/${application!.id}?withdrawn=1`);
    const [withdrawn] = await t.db.select().from(grantApplications).where(eq(grantApplications.id, application!.id));
    expect(withdrawn!.status).toBe("withdrawn");
    const receipt = await (await client.get(done.headers.get("location")!)).text();
    expect(receipt).toContain("Votre candidature est retirée");
    // once withdrawn, no step is offered any more
    const stale = await (await client.get(`/grants/applications/${application!.id}?confirm=withdraw`)).text();
    expect(stale).not.toContain('data-testid="confirm-step"');
    // another applicant cannot see it
    expect((await stranger.get(`/grants/applications/${application!.id}`)).status).toBe(404);
  });

  it("records the reason for each failed rule when the profile does not fit", async () => {
    const applicant = await makeUser(t.db, {});
    await t.db
      .insert(profiles)
      .values({ userId: applicant.id, birthDate: "1970-01-01", residentStatus: "moroccan", region: "oriental" });
    const plan = await makePlan(t.db, applicant.id, completePlanContent("Projet Oujda"));
    const call = await makeCall(t.db, {
      audience: "migrants",
      minAge: 18,
      maxAge: 35,
      regions: ["rabat_sale_kenitra", "souss_massa"],
      requiredTrainings: ["entrepreneurship-orientation"],
    });
    const client = await app.signedIn(applicant.email!);
    expect((await client.post("/grants", { callId: call.id, planId: plan.id, confirm: "apply" })).status).toBe(302);
    const [application] = await t.db
      .select()
      .from(grantApplications)
      .where(eq(grantApplications.applicantId, applicant.id));
    expect(application!.status).toBe("ineligible");
    expect(application!.eligibilityFailures.map((f) => f.key)).toEqual([
      "grants.eligibility.migrantsOnly",
      "grants.eligibility.tooOld",
      "grants.eligibility.region",
      "grants.eligibility.training",
    ]);
    const page = await (await client.get(`/grants/applications/${application!.id}`)).text();
    expect(page).toContain("Cet appel est réservé aux personnes migrantes.");
    // the regions by their names, as a list in the reader's language, never as codes
    const fr = serverT("fr");
    expect(page).toContain(
      fr("grants.eligibility.region", {
        regions: `${fr("profiles.region.rabat_sale_kenitra")}, ${fr("profiles.region.souss_massa")}`,
      }),
    );
    expect(page.replace(/<script[\s\S]*?<\/script>/g, "")).not.toContain("souss_massa");
    client.cookies.set("lng", "ar");
    const arabic = await (await client.get(`/grants/applications/${application!.id}`)).text();
    const ar = serverT("ar");
    expect(arabic).toContain(`${ar("profiles.region.rabat_sale_kenitra")}، ${ar("profiles.region.souss_massa")}`);
  });
});

describe("a call that requires a training", () => {
  it("accepts an applicant holding a certificate of the required category, and turns one away once it is revoked", async () => {
    const { makeTraining, makeCohort } = await import("../../factories/trainings");
    const { trainingCertificates, trainingRegistrations } = await import("../../../db/schema");
    const applicant = await makeUser(t.db, {});
    const training = await makeTraining(t.db, { category: "entrepreneurship_orientation" });
    const cohort = await makeCohort(t.db, training.id);
    const [registration] = await t.db
      .insert(trainingRegistrations)
      .values({ cohortId: cohort.id, userId: applicant.id, status: "confirmed" })
      .returning();
    const [certificate] = await t.db
      .insert(trainingCertificates)
      .values({
        registrationId: registration!.id,
        userId: applicant.id,
        cohortId: cohort.id,
        code: `C-${applicant.id.slice(0, 8)}`,
      })
      .returning();
    const plan = await makePlan(t.db, applicant.id, completePlanContent("Projet formé"));
    const client = await app.signedIn(applicant.email!);

    const call = await makeCall(t.db, { requiredTrainings: ["entrepreneurship_orientation"] });
    expect((await client.post("/grants", { callId: call.id, planId: plan.id, confirm: "apply" })).status).toBe(302);
    const [ok] = await t.db.select().from(grantApplications).where(eq(grantApplications.callId, call.id));
    expect(ok!.eligibilityFailures).toEqual([]);

    await t.db
      .update(trainingCertificates)
      .set({ revokedAt: new Date(), revokedReason: "revoked_by_admin" })
      .where(eq(trainingCertificates.id, certificate!.id));
    const call2 = await makeCall(t.db, { requiredTrainings: ["entrepreneurship_orientation"] });
    expect((await client.post("/grants", { callId: call2.id, planId: plan.id, confirm: "apply" })).status).toBe(302);
    const [refused] = await t.db.select().from(grantApplications).where(eq(grantApplications.callId, call2.id));
    expect(refused!.status).toBe("ineligible");
    expect(refused!.eligibilityFailures.map((f) => f.key)).toEqual(["grants.eligibility.training"]);
  });
});
