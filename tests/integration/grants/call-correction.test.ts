/**
 * Correcting a call for proposals (issue 15): everything while it is a draft; once it
 * opened, texts, dates moved later (the closing date never into the past) and the
 * budget raised, each refusal a translated error that changes nothing; an audit row
 * naming the fields changed; applicants told of a date or a text; and a correction
 * racing with "open" never applies a draft-only change to an open call.
 */
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { auditLog, grantCalls, grantCriteria, notifications, outbox } from "../../../db/schema";
import { moroccoToday, addDays } from "../../../app/lib/morocco-time";
import { correctDraftCall, correctOpenCall, transitionCall } from "../../../app/modules/grants/service.server";
import { openCallRefusals } from "../../../app/modules/grants/correction-rules";
import { callFormValues } from "../../../app/modules/grants/call-correction.server";
import { CallSchema, OpenCallCorrectionSchema } from "../../../app/modules/grants/schemas.server";
import { parseRowsForm } from "../../../app/lib/forms.server";
import { makeUser } from "../../factories";
import { makeApplication, makeCall } from "../../factories/grants";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const DAY = 86_400_000;

async function admin() {
  const u = await makeUser(t.db, { role: "admin" });
  return { user: u, actor: { id: u.id, role: u.role, organisationId: u.organisationId } };
}
const stored = async (callId: string) => (await t.db.select().from(grantCalls).where(eq(grantCalls.id, callId)))[0]!;
const corrections = (callId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, callId), eq(auditLog.action, "grants.call.correct")));

/** The whole call form as stored, with some fields changed: what a draft correction posts. */
async function draftInput(callId: string, changes: Record<string, string> = {}) {
  const call = await stored(callId);
  const criteria = await t.db
    .select()
    .from(grantCriteria)
    .where(eq(grantCriteria.callId, callId))
    .orderBy(grantCriteria.position);
  return { ...callFormValues(call, criteria), ...changes };
}
function parsedDraft(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (k === "regions[]") continue;
    if (k === "regions") for (const r of values["regions[]"]!.split("\n")) form.append("regions", r);
    else form.append(k, v);
  }
  return form;
}
/** The open call's form as the page fills it: the call form's values of the fields an opened call keeps open. */
function openFields(call: Awaited<ReturnType<typeof stored>>, changes: Record<string, string> = {}) {
  const values = callFormValues(call, []);
  const open = Object.keys(OpenCallCorrectionSchema.shape).map((k) => [k, values[k]!]);
  return { ...Object.fromEntries(open), ...changes } as Record<string, string>;
}
const openInput = (call: Awaited<ReturnType<typeof stored>>, changes: Record<string, string> = {}) =>
  OpenCallCorrectionSchema.parse(openFields(call, changes));
const draftCall = () =>
  makeCall(t.db, {
    status: "draft",
    opensAt: new Date(Date.now() + 2 * DAY),
    closesAt: new Date(Date.now() + 20 * DAY),
    reviewDeadline: new Date(Date.now() + 30 * DAY),
  });

describe("what may change, by status (pure rule)", () => {
  const call = {
    titleFr: "A",
    titleAr: "",
    titleEn: "",
    descriptionFr: "",
    descriptionAr: "",
    descriptionEn: "",
    closesAt: new Date("2027-03-10T23:59:00Z"),
    reviewDeadline: new Date("2027-03-20T23:59:00Z"),
    budgetCentimes: 100_000_00,
  };
  const now = new Date("2027-03-01T10:00:00Z");
  it("lets an open call close later, review later, and grow its budget", () => {
    const next = { ...call, closesAt: new Date("2027-03-15T23:59:00Z"), budgetCentimes: 150_000_00 };
    expect(openCallRefusals({ ...call, status: "open" }, next, now)).toEqual({});
  });
  it("refuses earlier dates, a smaller budget, and a closing date in the past", () => {
    const next = {
      ...call,
      closesAt: new Date("2027-03-05T23:59:00Z"),
      reviewDeadline: new Date("2027-03-19T23:59:00Z"),
      budgetCentimes: 90_000_00,
    };
    expect(openCallRefusals({ ...call, status: "open" }, next, now)).toEqual({
      closesOn: "grants.errors.onlyLater",
      reviewDeadlineOn: "grants.errors.onlyLater",
      budget: "grants.errors.budgetOnlyUp",
    });
    const lateCall = { ...call, closesAt: new Date("2027-02-20T23:59:00Z"), status: "open" as const };
    expect(openCallRefusals(lateCall, { ...call, closesAt: new Date("2027-02-25T23:59:00Z") }, now)).toEqual({
      closesOn: "grants.errors.closeInPast",
    });
  });
  it("fixes the closing date once closed, and dates and budget once decided", () => {
    const later = { ...call, closesAt: new Date("2027-03-15T23:59:00Z") };
    expect(openCallRefusals({ ...call, status: "closed" }, later, now)).toEqual({
      closesOn: "grants.errors.closingFixed",
    });
    const more = { ...call, reviewDeadline: new Date("2027-04-01T00:00:00Z"), budgetCentimes: 200_000_00 };
    expect(openCallRefusals({ ...call, status: "decided" }, more, now)).toEqual({
      reviewDeadlineOn: "grants.errors.deadlineFixed",
      budget: "grants.errors.budgetFixed",
    });
    expect(openCallRefusals({ ...call, status: "decided" }, { ...call, titleFr: "B" }, now)).toEqual({});
  });
});

describe("correcting a draft", () => {
  it("changes anything, rubric included, and the audit row names the fields, never their values", async () => {
    const { user, actor } = await admin();
    const call = await draftCall();
    const values = await draftInput(call.id, {
      minAge: "21",
      audience: "migrants",
      "criteria[0].weight": "35",
      "criteria[1].weight": "10",
    });
    const res = await app.signedIn(user.email!);
    const answer = await res.post(`/grants/calls/${call.id}/edit`, parsedDraft(values));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/grants/calls/${call.id}?done=corrected`);
    const after = await stored(call.id);
    expect(after.minAge).toBe(21);
    expect(after.audience).toBe("migrants");
    const rubric = await t.db.select().from(grantCriteria).where(eq(grantCriteria.callId, call.id));
    expect(rubric.find((c) => c.position === 1)!.weight).toBe(35);
    const [row] = await corrections(call.id);
    expect(row!.fields!.sort()).toEqual(["audience", "criteria", "minAge"]);
    expect(row!.actorId).toBe(actor.id);
  });

  it("writes nothing and says so when nothing changed", async () => {
    const call = await draftCall();
    const client = await app.signedIn((await makeUser(t.db, { role: "admin" })).email!);
    const answer = await client.post(`/grants/calls/${call.id}/edit`, parsedDraft(await draftInput(call.id)));
    expect(answer.headers.get("location")).toBe(`/grants/calls/${call.id}?done=unchanged`);
    expect(await corrections(call.id)).toHaveLength(0);
  });

  it("refuses bad input with the form's error, the values kept, and nothing changed", async () => {
    const call = await draftCall();
    const client = await app.signedIn((await makeUser(t.db, { role: "admin" })).email!);
    const values = await draftInput(call.id, { maxAge: "18", minAge: "30", titleFr: "Titre retapé" });
    const answer = await client.post(`/grants/calls/${call.id}/edit`, parsedDraft(values));
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain("Titre retapé");
    expect((await stored(call.id)).titleFr).toBe(call.titleFr);
  });
});

describe("correcting an opened call", () => {
  it("refuses a draft-only change: the open form does not carry it, and the database keeps it", async () => {
    const call = await makeCall(t.db, { status: "open", minAge: 18 });
    const client = await app.signedIn((await makeUser(t.db, { role: "admin" })).email!);
    const posted = { ...openFields(await stored(call.id)), minAge: "40", audience: "migrants" };
    const answer = await client.post(`/grants/calls/${call.id}/edit`, posted);
    expect(answer.headers.get("location")).toBe(`/grants/calls/${call.id}?done=unchanged`);
    const after = await stored(call.id);
    expect(after.minAge).toBe(18);
    expect(after.audience).toBe(call.audience);
  });

  it("refuses an earlier closing date and a smaller budget with translated errors, changing nothing", async () => {
    const call = await makeCall(t.db, { status: "open" });
    const client = await app.signedIn((await makeUser(t.db, { role: "admin" })).email!);
    const before = await stored(call.id);
    const answer = await client.post(
      `/grants/calls/${call.id}/edit`,
      openFields(before, {
        titleFr: "Nouveau titre",
        closesOn: addDays(moroccoToday(before.closesAt), -1),
        budget: "1000",
      }),
    );
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain("Une fois l&#x27;appel ouvert, cette date ne peut que reculer.");
    expect(html).toContain("Une fois l&#x27;appel ouvert, le budget ne peut qu&#x27;augmenter.");
    expect(html).toContain("Nouveau titre");
    const after = await stored(call.id);
    expect(after).toEqual(before);
    expect(await corrections(call.id)).toHaveLength(0);
  });

  it("moves the closing date later, audits the fields, and tells each live applicant by SMS and e-mail", async () => {
    const { actor } = await admin();
    const call = await makeCall(t.db, { status: "open" });
    const suffix = String(Date.now()).slice(-8);
    const applicant = await makeUser(t.db, { phone: `+2126${suffix}`, email: `dates-${suffix}@masar.test` });
    const gone = await makeUser(t.db);
    await makeApplication(t.db, { callId: call.id, applicantId: applicant.id });
    await makeApplication(t.db, { callId: call.id, applicantId: gone.id, status: "withdrawn" });
    const before = await stored(call.id);
    const later = addDays(moroccoToday(before.closesAt), 5);
    const result = await correctOpenCall(
      t.db,
      actor,
      call.id,
      openInput(before, { closesOn: later, reviewDeadlineOn: addDays(later, 10), budget: "200000" }),
    );
    expect(result).toEqual({ ok: true, fields: ["closesAt", "reviewDeadline", "budgetCentimes"] });
    const after = await stored(call.id);
    expect(moroccoToday(after.closesAt)).toBe(later);
    expect(after.budgetCentimes).toBe(200_000_00);
    const [row] = await corrections(call.id);
    expect(row!.actorId).toBe(actor.id);
    expect(row!.fields).toEqual(["closesAt", "reviewDeadline", "budgetCentimes"]);
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, applicant.id));
    expect(told.map((n) => n.kind)).toEqual(["grants.notify.callDates"]);
    const messages = await t.db.select().from(outbox).where(eq(outbox.userId, applicant.id));
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(messages.find((m) => m.channel === "sms")!.body).toContain(`${later.slice(8, 10)}/${later.slice(5, 7)}`);
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, gone.id))).toHaveLength(0);
  });

  it("tells applicants of a text change by e-mail, and not at all of a budget raised alone", async () => {
    const { actor } = await admin();
    const call = await makeCall(t.db, { status: "open" });
    const applicant = await makeUser(t.db);
    await makeApplication(t.db, { callId: call.id, applicantId: applicant.id });
    const before = await stored(call.id);
    expect(await correctOpenCall(t.db, actor, call.id, openInput(before, { budget: "150000" }))).toEqual({
      ok: true,
      fields: ["budgetCentimes"],
    });
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, applicant.id))).toHaveLength(0);
    const r = await correctOpenCall(
      t.db,
      actor,
      call.id,
      openInput(await stored(call.id), { descriptionAr: "نص مصحح" }),
    );
    expect(r).toEqual({ ok: true, fields: ["descriptionAr"] });
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, applicant.id));
    expect(told.map((n) => n.kind)).toEqual(["grants.notify.callTexts"]);
    const messages = await t.db.select().from(outbox).where(eq(outbox.userId, applicant.id));
    expect(messages.map((m) => m.channel)).toEqual(["email"]);
  });

  it("keeps a closed call's closing date and a decided call's budget", async () => {
    const { actor } = await admin();
    const closed = await makeCall(t.db, {
      status: "closed",
      opensAt: new Date(Date.now() - 20 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    const c = await stored(closed.id);
    const r1 = await correctOpenCall(t.db, actor, closed.id, openInput(c, { closesOn: addDays(moroccoToday(), 3) }));
    expect(r1).toEqual({ ok: false, status: 400, errors: { closesOn: "grants.errors.closingFixed" } });
    const decided = await makeCall(t.db, { status: "decided" });
    const d = await stored(decided.id);
    const r2 = await correctOpenCall(t.db, actor, decided.id, openInput(d, { budget: "500000" }));
    expect(r2).toEqual({ ok: false, status: 400, errors: { budget: "grants.errors.budgetFixed" } });
    expect(await stored(decided.id)).toEqual(d);
  });
});

describe("a correction racing with opening the call", () => {
  it("waits for the opening's lock, then finds the call open and changes nothing", async () => {
    const { actor } = await admin();
    const call = await draftCall();
    const values = await draftInput(call.id, { minAge: "33" });
    const parsed = parseRowsForm(CallSchema, parsedDraft(values));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    // another connection opens the call and holds its transaction open
    const other = postgres(t.url, { max: 1, onnotice: () => {} });
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const opening = other.begin(async (tx) => {
        await tx`select id from grant_calls where id = ${call.id} for update`;
        await tx`update grant_calls set status = 'open' where id = ${call.id}`;
        await held;
      });
      // wait until the opening holds the row
      for (;;) {
        const [lock] = await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_locks l join pg_stat_activity a using (pid)
              where a.datname = current_database() and l.locktype = 'transactionid' and a.state = 'idle in transaction'`,
        );
        if (lock && lock.n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const correcting = correctDraftCall(t.db, actor, call.id, parsed.data);
      // the correction has read "draft" and now waits on the row lock
      for (;;) {
        const [waiting] = await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (waiting && waiting.n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      release();
      await opening;
      expect(await correcting).toEqual({
        ok: false,
        status: 409,
        errors: { form: "grants.errors.callChangedMeanwhile" },
      });
      const after = await stored(call.id);
      expect(after.status).toBe("open");
      expect(after.minAge).toBe(call.minAge);
      expect(await corrections(call.id)).toHaveLength(0);
    } finally {
      await other.end();
    }
  });

  it("fired together, either the correction lands before the opening or it is refused: never after", async () => {
    const { actor } = await admin();
    for (let round = 0; round < 10; round++) {
      const call = await makeCall(t.db, {
        status: "draft",
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 20 * DAY),
        reviewDeadline: new Date(Date.now() + 30 * DAY),
      });
      const parsed = parseRowsForm(CallSchema, parsedDraft(await draftInput(call.id, { minAge: "44" })));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const [edit, open] = await Promise.all([
        correctDraftCall(t.db, actor, call.id, parsed.data),
        transitionCall(t.db, actor, { callId: call.id, to: "open" }),
      ]);
      expect(open.ok).toBe(true);
      const after = await stored(call.id);
      expect(after.status).toBe("open");
      // the edit either committed (and then the opening saw it) or changed nothing
      if (edit.ok) expect(after.minAge).toBe(44);
      else {
        expect(edit).toEqual({ ok: false, status: 409, errors: { form: "grants.errors.callChangedMeanwhile" } });
        expect(after.minAge).toBe(call.minAge);
      }
    }
  });
});
