import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  grantApplications,
  grantAssignments,
  grantCalls,
  grantCriteria,
  grantAwards,
  grantScores,
  profiles,
  users,
  outbox,
} from "../../../db/schema";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { makeApplication, makeCall, tranchesOf, DEMO_PLAN } from "../../factories/grants";
import { arabicSkeleton, readPdfText } from "../../helpers/pdf";
import { parseCsv } from "../../../app/lib/csv";
import { serverT } from "../../../app/i18n/dictionaries.server";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

// canaries: if any of these reach a committee member's response, blind review is broken
const CANARY_NAME = "Zzcanary Qqapplicant";
const CANARY_PHONE = "+212611223344";
const CANARY_EMAIL = "canary-applicant@masar.test";
const CANARY_DOB = "1991-04-17";
const CANARY_PROTECTION = "CANARY-PROTECTION-NOTE";
// what the applicant wrote in the plan itself: their names (Latin and Arabic), contacts
const CANARY_ARABIC_NAME = "زكناري";
// a team member named only in the team's text (decision 0175-blind-team-text)
const CANARY_TEAM_MEMBER = "Zzteammate Ndiaye";
const CANARY_TEXT = {
  team: `Mon associée ${CANARY_TEAM_MEMBER} tient la caisse.`,
  skills: `Je suis Zzcanary QQAPPLICANT, couturière. Appelez-moi au 06 11 22 33 44 ou écrivez à ${CANARY_EMAIL}.`,
  experience: `خبرة عشر سنوات، اسمي ${CANARY_ARABIC_NAME}، صفحتي facebook.com/zzcanary.atelier و @zzcanary_couture`,
};

let ctx: {
  callId: string;
  criteria: { id: string; maxScore: number }[];
  assignmentId: string;
  otherAssignmentId: string;
  applicationId: string;
  member: { email: string };
  admin: { email: string };
  applicant: { id: string; email: string };
};

beforeAll(async () => {
  const admin = await makeUser(t.db, { role: "admin", email: "grants-admin@masar.test" });
  const member = await makeUser(t.db, { role: "committee_member", email: "member1@masar.test" });
  const member2 = await makeUser(t.db, { role: "committee_member", email: "member2@masar.test" });
  const applicant = await makeUser(t.db, {
    displayName: CANARY_NAME,
    phone: CANARY_PHONE,
    email: CANARY_EMAIL,
    locale: "ar",
  });
  await t.db.insert(profiles).values({ userId: applicant.id, givenName: "Zzcanary", givenNameAr: CANARY_ARABIC_NAME });
  const other = await makeUser(t.db, { displayName: "Autre Candidat" });
  const call = await makeCall(t.db, {
    status: "under_review",
    opensAt: new Date(Date.now() - 30 * 86400000),
    closesAt: new Date(Date.now() - 86400000),
    reviewDeadline: new Date(Date.now() + 10 * 86400000),
    budgetCentimes: 50_000_00,
    reviewersPerApplication: 1,
  });
  const application = await makeApplication(t.db, {
    callId: call.id,
    applicantId: applicant.id,
    planSnapshot: {
      ...DEMO_PLAN,
      promoters: CANARY_TEXT,
      promoterName: CANARY_NAME,
      contact: { phone: CANARY_PHONE, email: CANARY_EMAIL },
      dateOfBirth: CANARY_DOB,
      protectionNotes: CANARY_PROTECTION,
    },
    facts: { dateOfBirth: CANARY_DOB, familyName: "Qqapplicant", phone: CANARY_PHONE },
  });
  const otherApp = await makeApplication(t.db, {
    callId: call.id,
    applicantId: other.id,
    requestedCentimes: 20_000_00,
  });
  const [a1] = await t.db
    .insert(grantAssignments)
    .values({ applicationId: application.id, reviewerId: member.id })
    .returning();
  const [a2] = await t.db
    .insert(grantAssignments)
    .values({ applicationId: otherApp.id, reviewerId: member2.id })
    .returning();
  ctx = {
    callId: call.id,
    criteria: call.criteria,
    assignmentId: a1!.id,
    otherAssignmentId: a2!.id,
    applicationId: application.id,
    member: { email: member.email! },
    admin: { email: admin.email! },
    applicant: { id: applicant.id, email: applicant.email! },
  };
});

function scoreFields(intent: "draft" | "submit", value = (max: number) => Math.floor(max / 2)) {
  const fields: Record<string, string> = { intent };
  for (const c of ctx.criteria) {
    fields[`score_${c.id}`] = String(value(c.maxScore));
    fields[`comment_${c.id}`] = '=HYPERLINK("http://evil")';
  }
  return fields;
}

describe("blind review", () => {
  it("never shows a committee member the applicant's name, contact, birth date or protection data", async () => {
    const client = await app.signedIn(ctx.member.email);
    const bodies: string[] = [];
    for (const path of [
      "/grants/reviews",
      `/grants/reviews/${ctx.assignmentId}`,
      `/grants/reviews.data`,
      `/grants/reviews/${ctx.assignmentId}.data`,
      "/home",
      "/notifications",
    ]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      bodies.push(await res.text());
    }
    // the plan reads with the plan builder's labels, never its data keys (issue 15)
    const review = bodies[1]!.replace(/<script[\s\S]*?<\/script>/g, "");
    for (const key of ["priceCentimes", "startupCostCentimes", "grantRequestedCentimes", ">totals<"])
      expect(review, key).not.toContain(key);
    expect(review).toContain("Votre prix de vente (MAD)");
    // after a draft and a submission too
    const saved = await client.post(`/grants/reviews/${ctx.assignmentId}`, scoreFields("submit"));
    expect(saved.status).toBe(302);
    const after = await client.get(`/grants/reviews/${ctx.assignmentId}`);
    bodies.push(await after.text());
    // submitted is final for the member; the admin reopens it from the call page, with a reason
    expect((await client.post(`/grants/reviews/${ctx.assignmentId}`, scoreFields("draft"))).status).toBe(409);
    const admin = await app.signedIn(ctx.admin.email);
    const reopened = await admin.post(`/grants/calls/${ctx.callId}`, {
      intent: "reopen",
      assignmentId: ctx.assignmentId,
      reason: "Relire le critère 2",
    });
    expect(reopened.status).toBeLessThan(400);
    const reopenedPage = await (await client.get(`/grants/reviews/${ctx.assignmentId}`)).text();
    expect(reopenedPage).toContain("Relire le critère 2");
    expect(reopenedPage).toContain(">Soumettre mes notes<");
    const all = bodies.join("\n");
    expect(all).toContain("Atelier de couture solidaire");
    // the text the applicant wrote, with what named or reached them hidden and counted
    expect(review).toContain("Je suis [masqué], couturière. Appelez-moi au [masqué] ou écrivez à [masqué].");
    expect(review).toContain("7 passages qui pouvaient identifier le candidat ont été masqués");
    for (const canary of [
      CANARY_NAME,
      "Zzcanary",
      "zzcanary",
      "QQAPPLICANT",
      "06 11 22 33 44",
      CANARY_ARABIC_NAME,
      "Qqapplicant",
      CANARY_PHONE,
      "611223344",
      CANARY_EMAIL,
      CANARY_DOB,
      CANARY_PROTECTION,
      CANARY_TEAM_MEMBER,
      "Zzteammate",
    ]) {
      expect(all, canary).not.toContain(canary);
    }
  });

  it("answers 404 to a member opening or scoring an application not assigned to them", async () => {
    const client = await app.signedIn(ctx.member.email);
    expect((await client.get(`/grants/reviews/${ctx.otherAssignmentId}`)).status).toBe(404);
    const res = await client.post(`/grants/reviews/${ctx.otherAssignmentId}`, scoreFields("submit"));
    expect(res.status).toBe(404);
  });
});

describe("the plan's PDF for the committee (issue 15)", () => {
  const canaries = [
    CANARY_NAME,
    "Zzcanary",
    "Qqapplicant",
    CANARY_PHONE,
    "611223344",
    CANARY_EMAIL,
    CANARY_DOB,
    "1991",
    "Zzteammate",
  ];

  it("gives the assigned member the plan, anonymised, in their language, and audits each download", async () => {
    const client = await app.signedIn(ctx.member.email);
    const page = await (await client.get(`/grants/reviews/${ctx.assignmentId}`)).text();
    expect(page).toContain(`/grants/reviews/${ctx.assignmentId}/plan.pdf`);
    expect(page).toContain("Télécharger le plan anonymisé");
    const before = await t.db.select().from(auditLog).where(eq(auditLog.entityId, ctx.assignmentId));
    const fr = await client.get(`/grants/reviews/${ctx.assignmentId}/plan.pdf`);
    expect(fr.status).toBe(200);
    expect(fr.headers.get("content-type")).toBe("application/pdf");
    const text = readPdfText(new Uint8Array(await fr.arrayBuffer()));
    expect(text).toContain("Atelier de couture solidaire");
    expect(text).toMatch(/Dossier n° \d+, anonymisé pour le comité de sélection/);
    expect(text).not.toContain("Présenté par");
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Je suis [masqué], couturière. Appelez-moi au [masqué] ou écrivez à [masqué].");
    expect(flat).toContain("7 passages qui pouvaient identifier le candidat ont été masqués");
    for (const canary of canaries) expect(text, canary).not.toContain(canary);

    await client.post("/lang", { lng: "ar", redirectTo: "/grants/reviews" });
    const ar = await client.get(`/grants/reviews/${ctx.assignmentId}/plan.pdf`);
    expect(ar.status).toBe(200);
    const arText = readPdfText(new Uint8Array(await ar.arrayBuffer()));
    expect(arabicSkeleton(arText)).toContain(arabicSkeleton("للجنة الانتقاء"));
    // the marker in the reader's language (pdftotext mirrors its brackets: the letters only)
    expect(arabicSkeleton(arText)).toContain(arabicSkeleton("مخفي"));
    expect(arabicSkeleton(arText)).toContain(arabicSkeleton("قد يكشف هوية المترشح"));
    for (const canary of canaries) expect(arText, canary).not.toContain(canary);

    const after = await t.db.select().from(auditLog).where(eq(auditLog.entityId, ctx.assignmentId));
    const downloads = after.filter((r) => r.action === "grants.review.plan_pdf");
    expect(downloads.length - before.filter((r) => r.action === "grants.review.plan_pdf").length).toBe(2);
    expect(downloads.every((r) => r.actorRole === "committee_member" && r.entityType === "grant_assignment")).toBe(
      true,
    );
  });

  it("answers 404 to a member the application is not assigned to; the applicant and admins read it with the name", async () => {
    const member = await app.signedIn(ctx.member.email);
    expect((await member.get(`/grants/reviews/${ctx.otherAssignmentId}/plan.pdf`)).status).toBe(404);
    expect((await member.get(`/grants/applications/${ctx.applicationId}/plan.pdf`)).status).toBe(403);
    const admin = await app.signedIn(ctx.admin.email);
    expect((await admin.get(`/grants/reviews/${ctx.assignmentId}/plan.pdf`)).status).toBe(403);
    const own = await admin.get(`/grants/applications/${ctx.applicationId}/plan.pdf`);
    expect(own.status).toBe(200);
    const text = readPdfText(new Uint8Array(await own.arrayBuffer()));
    expect(text).toContain(`Présenté par ${CANARY_NAME}`);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.entityId, ctx.applicationId));
    expect(audited.some((r) => r.action === "grants.application.plan_pdf" && r.actorRole === "admin")).toBe(true);
  });
});

describe("review deadline", () => {
  it("refuses any score change after the deadline with 409, whatever the form sends", async () => {
    const client = await app.signedIn(ctx.member.email);
    expect((await client.post(`/grants/reviews/${ctx.assignmentId}`, scoreFields("draft"))).status).toBe(302);
    await t.db
      .update(grantCalls)
      .set({ reviewDeadline: new Date(Date.now() - 1000) })
      .where(eq(grantCalls.id, ctx.callId));
    try {
      for (const intent of ["draft", "submit", "anything"] as const) {
        const res = await client.post(`/grants/reviews/${ctx.assignmentId}`, {
          ...scoreFields("draft", () => 0),
          intent,
        });
        expect(res.status).toBe(409);
      }
      const page = await client.get(`/grants/reviews/${ctx.assignmentId}`);
      expect(await page.text()).not.toContain(">Soumettre mes notes<");
    } finally {
      await t.db
        .update(grantCalls)
        .set({ reviewDeadline: new Date(Date.now() + 10 * 86400000) })
        .where(eq(grantCalls.id, ctx.callId));
    }
  });

  it("answers 400 with a field error to an out-of-range score, and keeps the stored one", async () => {
    const client = await app.signedIn(ctx.member.email);
    const res = await client.post(
      `/grants/reviews/${ctx.assignmentId}`,
      scoreFields("submit", (max) => max + 1),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("La note doit être un nombre entier");
    const stored = await t.db.select().from(grantScores).where(eq(grantScores.assignmentId, ctx.assignmentId));
    expect(stored).toHaveLength(ctx.criteria.length);
    for (const s of stored)
      expect(s.score).toBe(Math.floor(ctx.criteria.find((c) => c.id === s.criterionId)!.maxScore / 2));
  });
});

describe("from deliberation to the letter and the first tranche", () => {
  it("accepts the proposal, publishes, writes the letter in the applicant's language and pays a tranche", async () => {
    const admin = await app.signedIn(ctx.admin.email);
    // the member submits again the review the admin reopened
    const member = await app.signedIn(ctx.member.email);
    expect((await member.post(`/grants/reviews/${ctx.assignmentId}`, scoreFields("submit"))).status).toBe(302);
    // the other application gets its review too
    const [a2] = await t.db.select().from(grantAssignments).where(eq(grantAssignments.id, ctx.otherAssignmentId));
    const [m2] = await t.db.select().from(users).where(eq(users.id, a2!.reviewerId));
    const member2 = await app.signedIn(m2!.email!);
    expect(
      (
        await member2.post(
          `/grants/reviews/${ctx.otherAssignmentId}`,
          scoreFields("submit", (max) => max),
        )
      ).status,
    ).toBe(302);

    // moving the call on: the first post only leads to its confirmation step
    const unconfirmed = await admin.post(`/grants/calls/${ctx.callId}`, { intent: "transition", to: "deliberation" });
    expect(unconfirmed.status).toBe(303);
    const stepUrl = `/grants/calls/${ctx.callId}?confirm=transition&to=deliberation`;
    expect(unconfirmed.headers.get("location")).toBe(stepUrl);
    expect((await t.db.select().from(grantCalls).where(eq(grantCalls.id, ctx.callId)))[0]?.status).toBe("under_review");
    const step = await (await admin.get(stepUrl)).text();
    expect(step).toMatch(/data-testid="confirm-step"[^]*name="confirm" value="transition"[^]*class="cancel-link"/);
    // a step for a move the call cannot make is not offered
    expect(await (await admin.get(`/grants/calls/${ctx.callId}?confirm=transition&to=decided`)).text()).not.toContain(
      'data-testid="confirm-step"',
    );
    const toDeliberation = await admin.post(stepUrl, {
      intent: "transition",
      to: "deliberation",
      confirm: "transition",
    });
    expect(toDeliberation.status).toBe(302);
    const page = await (await admin.get(`/grants/calls/${ctx.callId}`)).text();
    expect(page).toContain('data-testid="proposal"');
    // a change without justification: 400, nothing changes
    const noWhy = await admin.post(`/grants/calls/${ctx.callId}`, {
      intent: "change",
      applicationId: ctx.applicationId,
      change: "award",
      amount: "1000",
    });
    expect(noWhy.status).toBe(400);
    expect(await t.db.select().from(grantAwards)).toHaveLength(0);

    // accepting the proposal: the first post only leads to its confirmation step
    const unaccepted = await admin.post(`/grants/calls/${ctx.callId}`, { intent: "accept" });
    expect(unaccepted.status).toBe(303);
    const acceptUrl = `/grants/calls/${ctx.callId}?confirm=accept`;
    expect(unaccepted.headers.get("location")).toBe(acceptUrl);
    expect(await t.db.select().from(grantAwards)).toHaveLength(0);
    expect(page).toContain(`href="${acceptUrl}"`);
    const acceptStep = await (await admin.get(acceptUrl)).text();
    expect(acceptStep).toMatch(
      /data-testid="confirm-step"[^]*data-testid="accept-lines"[^]*name="confirm" value="accept"/,
    );
    expect(await t.db.select().from(grantAwards)).toHaveLength(0);
    expect((await admin.post(acceptUrl, { intent: "accept", confirm: "accept" })).status).toBe(302);
    const awards = await t.db.select().from(grantAwards);
    expect(awards).toHaveLength(2);
    // once accepted, neither the link nor the step is offered again
    expect(await (await admin.get(acceptUrl)).text()).not.toContain('data-testid="confirm-step"');
    expect(await (await admin.get(`/grants/calls/${ctx.callId}`)).text()).not.toContain(`href="${acceptUrl}"`);
    expect(
      (
        await admin.post(`/grants/calls/${ctx.callId}`, {
          intent: "comment",
          applicationId: ctx.applicationId,
          comment: "Projet solide",
        })
      ).status,
    ).toBe(302);
    expect(
      (await admin.post(`/grants/calls/${ctx.callId}`, { intent: "transition", to: "decided" })).headers.get(
        "location",
      ),
    ).toBe(`/grants/calls/${ctx.callId}?confirm=transition&to=decided`);
    expect((await t.db.select().from(grantCalls).where(eq(grantCalls.id, ctx.callId)))[0]?.status).toBe("deliberation");
    expect(
      (await admin.post(`/grants/calls/${ctx.callId}`, { intent: "transition", to: "decided", confirm: "transition" }))
        .status,
    ).toBe(302);

    // the applicant is told, in-app and through the outbox, and downloads the letter in Arabic
    const messages = await t.db.select().from(outbox).where(eq(outbox.userId, ctx.applicant.id));
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    const applicant = await app.signedIn(ctx.applicant.email);
    const letter = await applicant.get(`/grants/applications/${ctx.applicationId}/letter.pdf`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get("content-type")).toBe("application/pdf");
    const text = readPdfText(new Uint8Array(await letter.arrayBuffer()));
    const award = awards.find((a) => a.applicationId === ctx.applicationId)!;
    expect(text).toContain(award.reference);
    expect(text).toContain("25");
    expect(text).toContain("رسالة منح الدعم".split(" ")[0]!);
    expect(text).toContain("Projet solide");
    // another applicant cannot read it
    const stranger = app.client();
    const someone = await makeUser(t.db, {});
    await stranger.login(someone.email!, DEMO_PASSWORD);
    expect((await stranger.get(`/grants/applications/${ctx.applicationId}/letter.pdf`)).status).toBe(404);

    // first tranche: confirm the signature, then pay
    const [first] = await tranchesOf(t.db, award.id);
    const early = await admin.post(`/grants/calls/${ctx.callId}`, {
      intent: "pay",
      trancheId: first!.id,
      method: "cash",
      reference: "R-1",
    });
    expect(early.status).toBe(409);
    expect(
      (await admin.post(`/grants/calls/${ctx.callId}`, { intent: "confirmTranche", trancheId: first!.id })).status,
    ).toBe(302);
    expect(
      (
        await admin.post(`/grants/calls/${ctx.callId}`, {
          intent: "pay",
          trancheId: first!.id,
          method: "cash",
          reference: "R-1",
        })
      ).status,
    ).toBe(302);
    const [paid] = await t.db.select().from(grantAwards).where(eq(grantAwards.id, award.id));
    expect(paid!.paidCentimes).toBe(first!.amountCentimes);

    // exports: formula-looking text is escaped
    const csv = await (await admin.get(`/grants/calls/${ctx.callId}/decisions.csv`)).text();
    expect(csv).toContain(CANARY_NAME);
    await t.db.update(users).set({ displayName: "=cmd|' /C calc'!A0" }).where(eq(users.id, ctx.applicant.id));
    const csv2 = await (await admin.get(`/grants/calls/${ctx.callId}/decisions.csv`)).text();
    expect(csv2).toContain("'=cmd|");
    expect(csv2).not.toMatch(/(^|,)=cmd/m);
    // the call's applicants, as its page lists them, in the reader's language; admins only
    admin.cookies.set("lng", "ar");
    const applicants = await admin.get(`/grants/calls/${ctx.callId}/applicants.csv`);
    admin.cookies.set("lng", "fr");
    expect(applicants.status).toBe(200);
    expect(applicants.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(await applicants.text()).filter((r) => r.length > 1);
    const ar = serverT("ar");
    expect(rows[0]).toEqual([
      ar("grants.col.number"),
      ar("grants.col.applicant"),
      ar("grants.col.status"),
      ar("grants.col.requested"),
      ar("grants.col.submitted"),
      ar("grants.call.reason"),
    ]);
    const mine = rows.find((r) => r[1] === "'=cmd|' /C calc'!A0");
    expect(mine?.[2]).toBe(ar("grants.app.status.awarded"));
    expect(mine?.[4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const committee = await app.asNewUser({ role: "committee_member" });
    expect([403, 404]).toContain((await committee.client.get(`/grants/calls/${ctx.callId}/applicants.csv`)).status);
    const report = await admin.get(`/grants/calls/${ctx.callId}/report.pdf`);
    expect(report.status).toBe(200);
    const [ranked] = await t.db
      .select({ number: grantApplications.number })
      .from(grantApplications)
      .where(eq(grantApplications.id, ctx.applicationId));
    // the ranking's number column, headed "N°", holds the number alone: no Latin "#" in either language
    const frReport = readPdfText(new Uint8Array(await report.arrayBuffer()));
    expect(frReport).toContain(serverT("fr")("grants.col.number"));
    expect(frReport).toMatch(new RegExp(`(^|\\s)${ranked!.number}(\\s|$)`, "m"));
    expect(frReport).not.toContain("#");
    admin.cookies.set("lng", "ar");
    const arReport = await admin.get(`/grants/calls/${ctx.callId}/report.pdf`);
    admin.cookies.set("lng", "fr");
    const arBytes = new Uint8Array(await arReport.arrayBuffer());
    const arText = readPdfText(arBytes);
    expect(arText).toContain(serverT("ar")("grants.col.number"));
    expect(arText).toMatch(new RegExp(`(^|\\s)${ranked!.number}(\\s|$)`, "m"));
    expect(arText).not.toContain("#");
  });
});

describe("creating a call", () => {
  it("refuses a rubric whose weights do not sum to 100 with a translated error, and creates a good one", async () => {
    const admin = await app.signedIn(ctx.admin.email);
    const base = {
      titleFr: "Appel X",
      titleAr: "طلب",
      titleEn: "Call X",
      audience: "both",
      opensOn: "2026-12-01",
      closesOn: "2026-12-31",
      reviewDeadlineOn: "2027-01-31",
      budget: "100000",
      maxGrant: "20000",
      "criteria[0].labelFr": "Marché",
      "criteria[0].max": "10",
      "criteria[0].weight": "60",
      "criteria[1].labelFr": "Finances",
      "criteria[1].max": "5",
      "criteria[1].weight": "39",
    };
    const before = (await t.db.select().from(grantCalls)).length;
    const bad = await admin.post("/grants/calls/new", base);
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain("Les poids des critères doivent totaliser exactement 100");
    expect(badPage).toContain('value="Finances"');
    // a row with a label and no weight, or a weight and no label, is refused on its own field
    const halfRows = await admin.post("/grants/calls/new", {
      ...base,
      "criteria[1].weight": "",
      "criteria[2].weight": "10",
    });
    expect(halfRows.status).toBe(400);
    const halfPage = await halfRows.text();
    expect(halfPage).toContain('id="f-criteria[1].weight-error"');
    expect(halfPage).toContain('id="f-criteria[2].labelFr-error"');
    const badMoney = await admin.post("/grants/calls/new", { ...base, budget: "abc", "criteria[1].weight": "40" });
    expect(badMoney.status).toBe(400);
    expect((await t.db.select().from(grantCalls)).length).toBe(before);
    const good = await admin.post("/grants/calls/new", { ...base, "criteria[1].weight": "40" });
    expect(good.status).toBe(302);
    expect((await t.db.select().from(grantCalls)).length).toBe(before + 1);
    const callId = good.headers.get("location")?.split("/").pop() ?? "";
    const criteria = await t.db.select().from(grantCriteria).where(eq(grantCriteria.callId, callId));
    expect(criteria.map((c) => [c.position, c.labelFr, c.labelAr, c.maxScore, c.weight]).sort()).toEqual([
      // an Arabic label left empty stays empty: pages show the French one, marked as French
      [1, "Marché", "", 10, 60],
      [2, "Finances", "", 5, 40],
    ]);
  });
});
