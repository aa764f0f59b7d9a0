/**
 * The admin's outbox page (issue 17): without a gateway an SMS says "not sent: no SMS
 * gateway configured", never "sent"; each SMS shows its segments and encoding (Arabic is
 * UCS-2, 70 characters a segment); a code is shown masked.
 */
import { describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../app/modules/notifications/delivery.server";
import { notify } from "../../../app/modules/notifications/service.server";
import { DEMO_PASSWORD, makeUser } from "../../factories";
import { useTestApp } from "../helpers/app";
import { outboxTo, personWithPhone } from "../helpers/messages";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

describe("the outbox page", () => {
  it("says where each SMS stands, how many segments it costs, and masks codes", async () => {
    const arabic = await personWithPhone(t.db, "ar");
    const french = await personWithPhone(t.db, "fr");
    const params = { training: { fr: "Gestion de stock", ar: "تدبير المخزون والمحاسبة البسيطة", en: "Stock" } };
    await notify(t.db, { userId: arabic.id, kind: "notify.trainingWaiting", params, channels: ["sms"] });
    await notify(t.db, { userId: french.id, kind: "notify.trainingSeat", params, channels: ["sms"] });
    await notify(t.db, { userId: french.id, kind: "notify.resetCode", params: { code: "482913" }, channels: ["sms"] });
    const [ar] = await outboxTo(t.db, arabic.id, "notify.trainingWaiting");
    expect(ar).toMatchObject({ segments: 1 });
    await deliverOutbox(t.db, { email: null, sms: null });

    const admin = await makeUser(t.db, { role: "admin" });
    const c = app.client();
    await c.login(admin.email!, DEMO_PASSWORD);
    // React separates the text it joins with empty comments
    const page = (await (await c.get("/admin/outbox")).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Non envoyé\u00a0: aucune passerelle SMS configurée");
    expect(page).not.toContain("Accepté par la passerelle");
    expect(page).toContain("1 segment SMS (UCS-2, 70 caractères)");
    // the code's SMS is in the GSM alphabet; a French one with « » is not
    expect(page).toContain("1 segment SMS (GSM-7, 160 caractères)");
    expect(page).toContain("••••••");
    expect(page).not.toContain("482913");
  });
});
