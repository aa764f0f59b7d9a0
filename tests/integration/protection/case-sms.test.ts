/**
 * A case worker sends a short SMS from a case file (issue 17): fixed templates only, to a
 * case with a phone and a live consent to SMS, in the language of the consent notice,
 * audited (who, which case, which template), with its honest state on the file.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, caseConsents, caseMessages, outbox } from "../../../db/schema";
import { addDays, moroccoToday } from "../../../app/lib/morocco-time";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { httpSmsTransport } from "../../../app/modules/notifications/transports.server";
import { anonymiseCase } from "../../../app/modules/protection/service.server";
import { makeCase } from "../../factories/protection";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp } from "../helpers/app";
import { uniqueMobile, useFakeGateway } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";
import { twoAssociations } from "./setup";

const t = useTestDb();
const app = useTestApp(t);
const startGateway = useFakeGateway();

async function world(consent: { sms?: boolean; language?: "fr" | "ar" | "en" } = { sms: true, language: "ar" }) {
  const w = await twoAssociations(t.db, app);
  const phone = uniqueMobile();
  const c = await makeCase(
    t.db,
    {
      organisationId: w.orgA.id,
      createdById: w.workerA.id,
      firstName: "Mariam",
      lastName: "Konaté",
      phone: `0${phone.slice(4)}`, // as typed at registration: 06…
    },
    consent,
  );
  return { ...w, c, phone, path: `/protection/cases/${c.id}` };
}

async function messagesOf(caseId: string) {
  return t.db
    .select({ template: caseMessages.template, outboxId: caseMessages.outboxId, sentById: caseMessages.sentById })
    .from(caseMessages)
    .where(eq(caseMessages.caseId, caseId));
}

async function outboxRow(id: string) {
  const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

describe("a short SMS from a case file", () => {
  it("goes in the language of the consent notice, says nothing of the case, is audited, and shows its honest state", async () => {
    const { c, phone, path, clients, workerA } = await world();
    const sent = await clients.workerA.post(`${path}/sms`, { intent: "sms", template: "callBack" });
    expect(sent.status).toBe(302);
    const [message] = await messagesOf(c.id);
    expect(message).toMatchObject({ template: "callBack", sentById: workerA.id });
    const row = await outboxRow(message!.outboxId!);
    expect(row).toMatchObject({ recipient: phone, locale: "ar", userId: null, actorId: workerA.id, channel: "sms" });
    expect(row?.body).toBe("مسار: المرجو معاودة الاتصال بنا عندما تستطيع.");
    for (const detail of [c.firstName, c.lastName, c.reference]) expect(row?.body).not.toContain(detail);
    // who, which case, which template: the audit row, and no text anywhere in it
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "protection.case.sms.callBack")));
    expect(audits).toEqual([expect.objectContaining({ actorId: workerA.id, entityType: "beneficiary_case" })]);

    // no gateway: "not sent", never "sent"
    await deliverOutbox(t.db, { email: null, sms: null });
    let page = await (await clients.workerA.get(path)).text();
    expect(page).toContain('data-case-sms="callBack"');
    expect(page).toContain("Non envoyé\u00a0: aucune passerelle SMS configurée");

    // a gateway: handed over once, then "accepted"
    const gateway = await startGateway();
    const sms = httpSmsTransport({ url: `${gateway.url}/sms` });
    await deliverOutbox(t.db, { email: null, sms });
    await deliverOutbox(t.db, { email: null, sms });
    expect(gateway.requests().filter((r) => r.id === row!.id)).toEqual([
      expect.objectContaining({ to: phone, text: row!.body, answer: 200 }),
    ]);
    page = await (await clients.workerA.get(path)).text();
    expect(page).toContain("Accepté par la passerelle");
  });

  it("is refused without a consent to SMS, or once consent is withdrawn, and the file says why", async () => {
    const { c, path, clients } = await world({ sms: false });
    const page = await (await clients.workerA.get(path)).text();
    expect(page).toContain("data-sms-blocked");
    expect(page).not.toContain('name="template"');
    const refused = await clients.workerA.post(`${path}/sms`, { intent: "sms", template: "documentsReady" });
    expect(refused.status).toBe(400);
    expect(await messagesOf(c.id)).toHaveLength(0);

    const withSms = await world({ sms: true });
    await t.db.update(caseConsents).set({ withdrawnAt: new Date() }).where(eq(caseConsents.caseId, withSms.c.id));
    const after = await withSms.clients.workerA.post(`${withSms.path}/sms`, { intent: "sms", template: "callBack" });
    expect(after.status).toBe(400);
    expect(await messagesOf(withSms.c.id)).toHaveLength(0);
  });

  it("is refused for a case with no phone an SMS can reach", async () => {
    const w = await twoAssociations(t.db, app);
    const c = await makeCase(
      t.db,
      { organisationId: w.orgA.id, createdById: w.workerA.id, phone: "un voisin" },
      { sms: true },
    );
    const page = await (await w.clients.workerA.get(`/protection/cases/${c.id}`)).text();
    expect(page).toContain("pas de numéro de mobile où un SMS peut arriver");
    const refused = await w.clients.workerA.post(`/protection/cases/${c.id}/sms`, {
      intent: "sms",
      template: "callBack",
    });
    expect(refused.status).toBe(400);
    expect(await messagesOf(c.id)).toHaveLength(0);
  });

  it("an appointment needs a day and time to come, and is not worth sending after it", async () => {
    const { c, path, clients } = await world({ sms: true, language: "fr" });
    const missing = await clients.workerA.post(`${path}/sms`, { intent: "sms", template: "appointment" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Indiquez la date et l&#x27;heure du rendez-vous");
    const past = await clients.workerA.post(`${path}/sms`, {
      intent: "sms",
      template: "appointment",
      date: "2026-01-05",
      time: "09:00",
    });
    expect(past.status).toBe(400);
    expect(await messagesOf(c.id)).toHaveLength(0);

    const day = addDays(moroccoToday(), 1);
    const [y, m, d] = day.split("-");
    const ok = await clients.workerA.post(`${path}/sms`, {
      intent: "sms",
      template: "appointment",
      date: day,
      time: "09:30",
    });
    expect(ok.status).toBe(302);
    const [message] = await messagesOf(c.id);
    const row = await outboxRow(message!.outboxId!);
    expect(row?.body).toBe(`Masar : vous avez rendez-vous le ${d}/${m}/${y} à 09:30.`);
    // expires at the appointment at the latest: never sent late
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(new Date(`${day}T09:30:00Z`).getTime());
  });

  it("another association's case worker cannot send one (the case is not there for her)", async () => {
    const { c, path, clients } = await world();
    const response = await clients.workerB.post(`${path}/sms`, { intent: "sms", template: "callBack" });
    expect(response.status).toBe(404);
    expect(await messagesOf(c.id)).toHaveLength(0);
  });

  it("the person's full-record export lists the SMS sent to her, with where each stands (JSON and PDF)", async () => {
    const { path, clients } = await world();
    expect((await clients.workerA.post(`${path}/sms`, { intent: "sms", template: "callBack" })).status).toBe(302);
    expect((await clients.workerA.post(`${path}/sms`, { intent: "sms", template: "documentsReady" })).status).toBe(302);
    await deliverOutbox(t.db, { email: null, sms: null });
    const json = await clients.supervisorA.get(`${path}/export.json`);
    const record = (await json.json()) as { smsSent: { template: string; state: string; sentBy: string }[] };
    expect(record.smsSent.map((m) => m.template).sort()).toEqual(["callBack", "documentsReady"]);
    expect(record.smsSent.every((m) => m.state === "not_configured")).toBe(true);
    const pdf = await clients.supervisorA.get(`${path}/export.pdf`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const text = readPdfText(bytes).replace(/\s+/g, " ");
    expect(text).toContain("SMS envoyés depuis ce dossier");
    expect(text).toContain("Demander de rappeler");
    expect(text).toContain("Documents prêts à retirer");
    expect(text).toContain("Non envoyé : aucune passerelle SMS configurée");
  });

  it("anonymising the case removes the messages that carried its number; the history keeps the template", async () => {
    const { c, path, clients } = await world();
    await clients.workerA.post(`${path}/sms`, { intent: "sms", template: "callBack" });
    const [message] = await messagesOf(c.id);
    await anonymiseCase(t.db, null, c.id, {});
    expect(await outboxRow(message!.outboxId!)).toBeNull();
    expect(await messagesOf(c.id)).toEqual([expect.objectContaining({ template: "callBack", outboxId: null })]);
  });
});
