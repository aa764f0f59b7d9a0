/**
 * E-mail through real SMTP (nodemailer) to a fake mail server the test starts: the
 * message arrives once, in its recipient's language, with the outbox id as Message-ID,
 * and is called "accepted" only once the server took it.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outbox } from "../../../db/schema";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { notify } from "../../../app/modules/notifications/service.server";
import { smtpTransport } from "../../../app/modules/notifications/transports.server";
import { startFakeMailServer, type FakeMailServer } from "../../../scripts/mail-fake-server";
import { makeUser } from "../../factories";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
let server: FakeMailServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("e-mail through SMTP", () => {
  it("arrives once, in Arabic, with its code, the outbox id as Message-ID, and says 'accepted' only then", async () => {
    const person = await makeUser(t.db, { email: `mail-${Date.now()}@masar.test`, locale: "ar" });
    const [id] = await notify(t.db, {
      userId: person.id,
      kind: "notify.resetCode",
      params: { code: "482913" },
      channels: ["email"],
      inApp: false,
    });
    server = await startFakeMailServer({ log: false });
    const email = smtpTransport(server.smtpUrl, "Masar <no-reply@masar.test>");
    await deliverOutbox(t.db, { email, sms: null });
    await deliverOutbox(t.db, { email, sms: null });
    const mine = server.messages().filter((m) => m.to.includes(person.email!));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.messageId).toBe(`<${id}@masar.outbox>`);
    expect(mine[0]!.text).toContain("482913");
    expect(mine[0]!.text).toMatch(/[\u0600-\u06ff]/);
    expect(mine[0]!.subject).toMatch(/[\u0600-\u06ff]/);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row).toMatchObject({ state: "accepted", attempts: 1 });
    // settled: the code is no longer kept
    expect(row!.preview).not.toContain("482913");
  });

  it("no mail server answering: tried again later, never 'accepted'", async () => {
    const person = await makeUser(t.db, { email: `nomail-${Date.now()}@masar.test` });
    const [id] = await notify(t.db, { userId: person.id, kind: "notify.welcome", channels: ["email"] });
    server = await startFakeMailServer({ log: false });
    const url = server.smtpUrl;
    await server.close();
    server = null;
    await deliverOutbox(t.db, { email: smtpTransport(url, "Masar <no-reply@masar.test>"), sms: null });
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row!.state).toBe("queued");
    expect(row!.acceptedAt).toBeNull();
  });
});
