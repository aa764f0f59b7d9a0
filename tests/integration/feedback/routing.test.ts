/**
 * Complaints through the real HTTP stack: anyone sends one and follows it with its
 * reference; ordinary ones reach admins, who assign, answer and close them; the two
 * confidential categories reach the focal point alone, and every opening is audited.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, feedbackItems } from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeFeedback } from "../../factories/feedback";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

const who = {} as Record<"admin" | "focal" | "coach" | "caseWorker" | "applicant", { id: string; client: TestClient }>;

beforeAll(async () => {
  const roles = {
    admin: "admin",
    focal: "focal_point",
    coach: "coach",
    caseWorker: "case_worker",
    applicant: "applicant",
  } as const;
  for (const [key, role] of Object.entries(roles) as [keyof typeof roles, (typeof roles)[keyof typeof roles]][]) {
    const user = await makeUser(t.db, { role });
    const client = await app.signedIn(user.email!);
    who[key] = { id: user.id, client };
  }
});

/** A visitor who is not signed in, reading in `lng`. */
function visitor(lng: "fr" | "ar" | "en" = "fr"): TestClient {
  const client = app.client();
  client.cookies.set("lng", lng);
  return client;
}

async function rows() {
  const [row] = await t.db.select({ n: count() }).from(feedbackItems);
  return row?.n ?? 0;
}

/** Send through the form as a visitor would, and read the reference off the acknowledgement. */
async function send(client: TestClient, fields: Record<string, string>) {
  const posted = await client.post("/feedback", fields);
  expect(posted.status).toBe(302);
  expect(posted.headers.get("location")).toBe("/feedback/sent");
  const ack = await client.get("/feedback/sent");
  expect(ack.status).toBe(200);
  const html = await ack.text();
  const reference = /data-testid="feedback-reference">([^<]+)</.exec(html)?.[1];
  if (!reference) throw new Error("no reference on the acknowledgement");
  return { reference, html };
}

async function follow(client: TestClient, reference: string) {
  const response = await client.post("/feedback/follow", { reference });
  return { status: response.status, html: await response.text() };
}

describe("sending and following", () => {
  it("takes an anonymous complaint in Arabic and shows its status by reference, without an account", async () => {
    const person = visitor("ar");
    const { reference, html } = await send(person, {
      category: "complaint",
      message: "لم أتوصل بموعد التكوين.",
    });
    expect(reference).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(html).toContain('dir="rtl"');
    // the reference never travels in an address
    expect(html).not.toContain(`?ref`);
    const [row] = await t.db
      .select()
      .from(feedbackItems)
      .where(eq(feedbackItems.reference, reference.replace("-", "")));
    expect(row).toMatchObject({ locale: "ar", confidential: false, contactName: null, contactPhone: null });
    // typed on a phone: lower case, no dash, spaces
    const found = await follow(visitor(), ` ${reference.toLowerCase().replace("-", " ")} `);
    expect(found.status).toBe(200);
    expect(found.html).toContain('data-status="received"');
    expect(found.html).not.toContain("لم أتوصل بموعد التكوين");
  });

  it("keeps an optional phone in E.164 and a signed-in sender's account out of the message", async () => {
    const { reference } = await send(who.applicant.client, {
      category: "suggestion",
      message: "Des séances le samedi ?",
      contactPhone: "06 12 34 56 78",
    });
    const [row] = await t.db
      .select()
      .from(feedbackItems)
      .where(eq(feedbackItems.reference, reference.replace("-", "")));
    expect(row?.contactPhone).toBe("+212612345678");
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.actorId, who.applicant.id));
    expect(audited.filter((a) => a.action.startsWith("feedback."))).toEqual([]);
  });

  it("refuses bad input with translated errors and writes nothing", async () => {
    const before = await rows();
    const person = visitor("en");
    const cases: [Record<string, string>, number, string][] = [
      [{ category: "complaint", message: "   " }, 400, "Write your message."],
      [{ category: "gossip", message: "hello" }, 400, "Choose what it is about."],
      [{ category: "complaint", message: "x".repeat(4001) }, 400, "4,000 characters at most"],
      [{ category: "complaint", message: "hello", contactPhone: "12" }, 400, 'id="f-contactPhone-error"'],
      [{ category: "complaint", message: "nul \u0000 byte" }, 400, 'id="f-message-error"'],
      [{ category: "complaint", message: "x".repeat(70_000) }, 413, "This form is too large"],
    ];
    for (const [fields, status, text] of cases) {
      const response = await person.post("/feedback", fields);
      expect(response.status, JSON.stringify(fields).slice(0, 60)).toBe(status);
      expect(await response.text()).toContain(text);
    }
    expect(await rows()).toBe(before);
  });

  it("answers a reference it does not know, or cannot be one, without a 500", async () => {
    const person = visitor("fr");
    expect((await follow(person, "AAAA-AAAA")).status).toBe(404);
    const malformed = await follow(person, "0O1I-LUV0");
    expect(malformed.status).toBe(400);
    expect(malformed.html).toContain("8 caractères");
    expect((await person.post("/feedback/follow", {})).status).toBe(400);
  });

  it("shows the acknowledgement only with the cookie the form set", async () => {
    const response = await visitor().get("/feedback/sent");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/feedback");
  });
});

describe("ordinary complaints: admins assign, answer and close", () => {
  it("goes to admins, is handed to a coach, answered in the person's words and closed", async () => {
    const { reference } = await send(visitor(), { category: "complaint", message: "On m'a mal reçu." });
    const [item] = await t.db
      .select()
      .from(feedbackItems)
      .where(eq(feedbackItems.reference, reference.replace("-", "")));
    if (!item) throw new Error("not saved");
    const path = `/complaints/${item.id}`;

    expect(await (await who.admin.client.get("/complaints")).text()).toContain(path);
    expect(await (await who.focal.client.get("/complaints")).text()).not.toContain(path);
    expect((await who.focal.client.get(path)).status).toBe(404);
    expect((await who.coach.client.get(path)).status).toBe(404);

    const assigned = await who.admin.client.post(path, { intent: "assign", assigneeId: who.coach.id });
    expect(assigned.status).toBe(302);
    expect((await who.coach.client.get(path)).status).toBe(200);
    expect(await (await who.coach.client.get("/complaints")).text()).toContain(path);
    // a coach assigned cannot hand it on
    expect((await who.coach.client.post(path, { intent: "assign", assigneeId: who.coach.id })).status).toBe(403);

    // closing needs an answer first
    const early = await who.coach.client.post(path, { intent: "close", confirm: "close" });
    expect(early.status).toBe(409);
    const answer = "Nous avons parlé à l'équipe d'accueil. Merci de nous l'avoir dit.";
    expect((await who.coach.client.post(path, { intent: "answer", answer })).status).toBe(302);
    const shown = (await follow(visitor(), reference)).html;
    expect(shown).not.toContain("\u0000");
    expect(shown).toContain("Nous avons parlé à l&#x27;équipe");

    // closing goes through its confirmation step
    const unconfirmed = await who.coach.client.post(path, { intent: "close" });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get("location")).toBe(`${path}?confirm=close`);
    expect((await who.coach.client.post(path, { intent: "close", confirm: "close" })).status).toBe(302);
    const followed = await follow(visitor(), reference);
    expect(followed.html).toContain('data-status="closed"');
    // closed is final
    expect((await who.admin.client.post(path, { intent: "answer", answer: "autre" })).status).toBe(409);
  });

  it("refuses to assign to someone who cannot handle it, and changes nothing", async () => {
    const item = await makeFeedback(t.db);
    const path = `/complaints/${item.id}`;
    for (const assigneeId of [who.focal.id, who.applicant.id, "not-a-uuid"]) {
      expect((await who.admin.client.post(path, { intent: "assign", assigneeId })).status).toBe(400);
    }
    const [after] = await t.db.select().from(feedbackItems).where(eq(feedbackItems.id, item.id));
    expect(after?.assignedToId).toBeNull();
  });

  it("flags what is past its deadline and lists it under overdue until it is closed", async () => {
    const old = await makeFeedback(t.db, { receivedAt: new Date(Date.now() - 20 * 86_400_000) });
    const fresh = await makeFeedback(t.db);
    const overdue = await (await who.admin.client.get("/complaints?state=overdue")).text();
    expect(overdue).toContain(`/complaints/${old.id}`);
    expect(overdue).not.toContain(`/complaints/${fresh.id}`);
    expect(overdue).toContain("data-overdue");
    await t.db
      .update(feedbackItems)
      .set({ answer: "Réglé.", answeredAt: new Date(), status: "closed", closedAt: new Date() })
      .where(eq(feedbackItems.id, old.id));
    expect(await (await who.admin.client.get("/complaints?state=overdue")).text()).not.toContain(old.id);
    expect((await who.admin.client.get("/complaints?state=soon")).status).toBe(400);
  });
});

describe("confidential reports: the focal point alone", () => {
  it("routes abuse and misconduct to the focal point only, and audits each opening", async () => {
    for (const category of ["sexual_exploitation_abuse", "staff_misconduct"]) {
      const { reference, html } = await send(visitor(), {
        category,
        message: `Signalement confidentiel ${category}`,
        contactName: "Awa",
      });
      expect(html).toContain("confidential-note");
      const [item] = await t.db
        .select()
        .from(feedbackItems)
        .where(eq(feedbackItems.reference, reference.replace("-", "")));
      if (!item) throw new Error("not saved");
      expect(item.confidential).toBe(true);
      const path = `/complaints/${item.id}`;
      for (const other of [who.admin, who.coach, who.caseWorker]) {
        expect(await (await other.client.get("/complaints?state=all")).text()).not.toContain(item.id);
        expect((await other.client.get(path)).status).toBe(404);
        // nor can they act on it by posting
        expect((await other.client.post(path, { intent: "answer", answer: "vu" })).status).toBe(404);
      }
      expect((await who.applicant.client.get(path)).status).toBe(403);
      expect(await (await who.focal.client.get("/complaints")).text()).toContain(path);
      const opened = await who.focal.client.get(path);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain(`Signalement confidentiel ${category}`);
      const views = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, item.id), eq(auditLog.action, "feedback.view")));
      expect(views.map((v) => v.actorId)).toEqual([who.focal.id]);
      // the focal point answers; no one assigns it
      expect(
        (await who.focal.client.post(path, { intent: "answer", answer: "Reçu, nous vous rappelons." })).status,
      ).toBe(302);
      expect((await who.focal.client.post(path, { intent: "assign", assigneeId: who.coach.id })).status).toBe(403);
    }
  });

  it("lets an admin hand an ordinary complaint to the focal point, for good", async () => {
    const item = await makeFeedback(t.db, { assignedToId: who.coach.id, status: "in_progress" });
    const path = `/complaints/${item.id}`;
    const step = await who.admin.client.get(`${path}?confirm=refer`);
    expect(await step.text()).toContain('data-testid="confirm-step"');
    const refused = await who.admin.client.post(path, { intent: "refer", confirm: "refer", category: "complaint" });
    expect(refused.status).toBe(400);
    const referred = await who.admin.client.post(path, {
      intent: "refer",
      confirm: "refer",
      category: "staff_misconduct",
    });
    expect(referred.status).toBe(302);
    expect(referred.headers.get("location")).toBe("/complaints?referred");
    const [after] = await t.db.select().from(feedbackItems).where(eq(feedbackItems.id, item.id));
    expect(after).toMatchObject({ confidential: true, category: "staff_misconduct", assignedToId: null });
    expect((await who.admin.client.get(path)).status).toBe(404);
    expect((await who.coach.client.get(path)).status).toBe(404);
    expect((await who.focal.client.get(path)).status).toBe(200);
  });

  it("holds the routing in the database too", async () => {
    await expect(makeFeedback(t.db, { category: "sexual_exploitation_abuse", confidential: false })).rejects.toThrow();
    await expect(makeFeedback(t.db, { category: "complaint", confidential: true })).rejects.toThrow();
    await expect(makeFeedback(t.db, { category: "staff_misconduct", assignedToId: who.coach.id })).rejects.toThrow();
  });
});
