/**
 * Reloading a printed slip's PDF is harmless (issues 13/15, decision 0174-slip-reload): the
 * browser posts the same form again, and while the person has a usable set-up code that post
 * prints nothing: it goes to a confirmation step saying the earlier slip would stop working.
 * Only the confirmed step, naming the code it replaces, makes a new code; reloading the new
 * slip's PDF comes back to the step again.
 */
import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { verificationCodes } from "../../../db/schema";
import { resetPasswordWithCode } from "../../../app/modules/auth/recovery.server";
import { RegisterPersonSchema } from "../../../app/modules/office/schemas.server";
import { printSlip, registerPerson } from "../../../app/modules/office/service.server";
import { makeOrganisation, makeUser } from "../../factories";
import { readPdfText } from "../../helpers/pdf";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const meta = { ip: "127.0.0.1" };
const noPolicy = () => null;

async function personAtTheOffice() {
  const organisation = await makeOrganisation(t.db);
  const staff = await makeUser(t.db, { role: "case_worker", organisationId: organisation.id });
  const input = RegisterPersonSchema.parse({
    givenName: "Mariama",
    familyName: "Recharge",
    residentStatus: "migrant",
    locale: "fr",
    noticeLanguage: "fr",
    noticeRead: "on",
  });
  const actor = { id: staff.id, role: "case_worker" as const, organisationId: organisation.id };
  const registered = await registerPerson(t.db, actor, input, meta);
  if (!registered.ok) throw new Error("not registered");
  return { actor, client: await app.signedIn(staff.email ?? ""), personId: registered.personId };
}

/** The slip's identifier and code, read back from its PDF. */
async function printed(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const text = readPdfText(new Uint8Array(await response.arrayBuffer()));
  const identifier = /\b[ACDEFHJKMNPRTUVWXY3479]{4}-[ACDEFHJKMNPRTUVWXY3479]{4}\b/.exec(text)?.[0];
  const digits = /\b(\d{3}) (\d{3})\b/.exec(text);
  expect(identifier).toBeDefined();
  expect(digits).not.toBeNull();
  return { identifier: identifier!, code: `${digits![1]}${digits![2]}` };
}

const liveCodes = (personId: string) =>
  t.db
    .select({ id: verificationCodes.id })
    .from(verificationCodes)
    .where(and(eq(verificationCodes.userId, personId), isNull(verificationCodes.usedAt)));

const takeOver = (slip: { identifier: string; code: string }) =>
  resetPasswordWithCode(t.db, { ...slip, password: "ma-nouvelle-vie" }, meta, noPolicy);

async function step(client: TestClient, location: string | null) {
  expect(location).not.toBeNull();
  const page = await client.get(location!);
  expect(page.status).toBe(200);
  return page.text();
}

describe("a slip's PDF reloaded", () => {
  it("prints nothing new: the first slip still works, and the step says what a new one would do", async () => {
    const { client, personId } = await personAtTheOffice();
    const path = `/office/people/${personId}/slip.pdf`;
    const first = await printed(await client.post(path, { locale: "fr" }));
    const [code] = await liveCodes(personId);

    // the reload: the same POST again
    const reload = await client.post(path, { locale: "fr" });
    expect(reload.status).toBe(303);
    expect(reload.headers.get("location")).toBe(`/office/people/${personId}?confirm=replaceSlip&locale=fr`);
    expect(await liveCodes(personId)).toEqual([code]);
    const html = await step(client, reload.headers.get("location"));
    expect(html).toContain('data-testid="confirm-step"');
    expect(html).toContain("Imprimer une nouvelle fiche pour");
    expect(html).toMatch(/data-testid="slip-replace-warning"[^]*L&#x27;ancienne fiche ne marche plus/);
    // the confirmation posts the code it replaces, to the PDF's address, as a document
    expect(html).toContain(`name="replaces" value="${code!.id}"`);
    expect(html).toContain(`action="${path}"`);

    expect((await takeOver(first)).ok).toBe(true);
  });

  it("replacing, confirmed, prints a new code and the earlier slip stops working; reloading that PDF replaces nothing", async () => {
    const { client, personId } = await personAtTheOffice();
    const path = `/office/people/${personId}/slip.pdf`;
    const first = await printed(await client.post(path, { locale: "fr" }));
    const [old] = await liveCodes(personId);
    // the person page says a code is live before anyone taps print again
    expect(await (await client.get(`/office/people/${personId}`)).text()).toContain('data-testid="slip-live"');

    const confirmed = { locale: "ar", intent: "replaceSlip", confirm: "replaceSlip", replaces: old!.id };
    const second = await printed(await client.post(path, confirmed));
    const [now] = await liveCodes(personId);
    expect(now!.id).not.toBe(old!.id);

    // the confirmed POST again (a reload of the new slip): back to the step, the new code kept
    const reload = await client.post(path, confirmed);
    expect(reload.status).toBe(303);
    expect(await liveCodes(personId)).toEqual([now]);
    expect(await step(client, reload.headers.get("location"))).toContain(`name="replaces" value="${now!.id}"`);

    if (first.code !== second.code) expect((await takeOver(first)).ok).toBe(false);
    expect((await takeOver(second)).ok).toBe(true);
  });

  it("two first prints at once make one code: the other goes to the step", async () => {
    const { actor, personId } = await personAtTheOffice();
    const results = await Promise.all(Array.from({ length: 5 }, () => printSlip(t.db, actor, personId, meta)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(4);
    expect(await liveCodes(personId)).toHaveLength(1);
  });
});
