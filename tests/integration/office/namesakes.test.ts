/**
 * Registering at the office someone the office already registered (issue 15, decision
 * 0176-office-namesakes): a name written like an earlier registration's stops before a
 * second account is made, shows the earlier people of the same organisation only, keeps
 * the form filled in, and registers a new person once staff say so for that name.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { officeRegistrations } from "../../../db/schema";
import { makeOrganisation } from "../../factories";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

const form = (names: { givenName: string; familyName: string }, extra: Record<string, string> = {}) => ({
  ...names,
  residentStatus: "migrant",
  locale: "fr",
  noticeLanguage: "wo",
  noticeRead: "on",
  phone: "",
  ...extra,
});

async function office() {
  const organisation = await makeOrganisation(t.db);
  const { client } = await app.asNewUser({ role: "case_worker", organisationId: organisation.id });
  const registered = async () =>
    (await t.db.select().from(officeRegistrations).where(eq(officeRegistrations.organisationId, organisation.id)))
      .length;
  return { client, registered };
}

const seenFor = (html: string) => html.match(/name="namesakesSeenFor" value="([^"]*)"/)?.[1];

describe("registering a name the office registered before", () => {
  it("stops before a second account, shows the earlier person, keeps what was typed; registers once staff confirm", async () => {
    const { client, registered } = await office();
    const first = await client.post("/office/register", form({ givenName: "Awa", familyName: "Diallo" }));
    expect(first.status).toBe(302);
    const firstId = first.headers.get("location")!.match(/\/office\/people\/([0-9a-f-]+)/)![1]!;

    // the same person, written otherwise: no account made, the earlier one named and linked
    const again = await client.post("/office/register", form({ givenName: "AWA", familyName: "Dialo" }));
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain('data-testid="namesakes"');
    expect(html).toContain(`href="/office/people/${firstId}"`);
    expect(html).toContain("Awa Diallo");
    expect(html).toContain('value="AWA"');
    expect(html).toContain('value="Dialo"');
    expect(html).toContain("Inscrire comme nouvelle personne");
    expect(await registered()).toBe(1);

    // staff say it is someone else: registered
    const key = seenFor(html);
    expect(key).toBeTruthy();
    const confirmed = await client.post(
      "/office/register",
      form({ givenName: "AWA", familyName: "Dialo" }, { namesakesSeenFor: key! }),
    );
    expect(confirmed.status).toBe(302);
    expect(await registered()).toBe(2);
  });

  it("checks again a name other than the one staff were shown, and never shows another organisation's people", async () => {
    const a = await office();
    expect((await a.client.post("/office/register", form({ givenName: "Fatou", familyName: "Sow" }))).status).toBe(302);
    expect((await a.client.post("/office/register", form({ givenName: "Ibrahima", familyName: "Sy" }))).status).toBe(
      302,
    );

    // shown for Ibrahima Sy, then the name changed to Fatou Sow: Fatou Sow's namesake is shown
    const shown = await a.client.post("/office/register", form({ givenName: "Ibrahima", familyName: "Sy" }));
    const key = seenFor(await shown.text())!;
    const changed = await a.client.post(
      "/office/register",
      form({ givenName: "Fatou", familyName: "Sow" }, { namesakesSeenFor: key }),
    );
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('data-testid="namesakes"');
    expect(await a.registered()).toBe(2);

    // another association registers its own Fatou Sow straight away, and reads nothing of a's
    const b = await office();
    const elsewhere = await b.client.post("/office/register", form({ givenName: "Fatou", familyName: "Sow" }));
    expect(elsewhere.status).toBe(302);
    expect(await b.registered()).toBe(1);
  });
});
