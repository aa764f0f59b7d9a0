/**
 * Staff fields that are code lists (decision 0100-staff-fields-as-codes.md): a value not
 * in its list is a translated field error and writes nothing; the admin resolves a value
 * the migration could not map, once, with an audit row, even when two admins try at once.
 */
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  codeFlags,
  hostDetails,
  internshipOffers,
  organisations,
  shops,
  trainings,
} from "../../../db/schema";
import { makeOrganisation, makeUser } from "../../factories";
import { makeTraining } from "../../factories/trainings";
import { useTestApp, type TestClient } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

const offer = (hostId: string, over: Record<string, string | string[]>) => ({
  intent: "offer",
  hostId,
  titleFr: "Aide cuisinier·e",
  sector: "food_processing",
  city: "rabat",
  startsOn: "2027-03-01",
  durationWeeks: "6",
  seats: "1",
  languages: ["ary", "fr"],
  ...over,
});

describe("code fields refuse what is not in their list", () => {
  it("an offer, a host and a training with an unknown code: a translated field error, nothing written", async () => {
    await makeUser(t.db, { role: "admin", email: "codes-admin@masar.test" });
    const admin = await app.signedIn("codes-admin@masar.test");
    const host = await makeOrganisation(t.db, { kind: "host_company", name: "Restaurant Dar Salam" });
    await t.db.insert(hostDetails).values({ organisationId: host.id, sector: "services", contactName: "S. B." });
    const offersBefore = await t.db.$count(internshipOffers);

    const cases: [Record<string, string | string[]>, string][] = [
      [{ sector: "Restauration" }, "sector"],
      [{ city: "Rabat" }, "city"],
      [{ languages: ["ary", "darija"] }, "languages"],
    ];
    for (const [bad, field] of cases) {
      const refused = await admin.post("/internships/hosts", offer(host.id, bad));
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain('id="f-' + field + '-error"');
      expect(html).toContain("Choisissez dans la liste.");
    }
    admin.cookies.set("lng", "ar");
    const arabic = await admin.post("/internships/hosts", offer(host.id, { city: "casa" }));
    expect(arabic.status).toBe(400);
    expect(await arabic.text()).toContain("اختر من القائمة.");
    expect(await t.db.$count(internshipOffers)).toBe(offersBefore);

    admin.cookies.set("lng", "en");
    const hostsBefore = await t.db.$count(organisations, eq(organisations.kind, "host_company"));
    const badHost = await admin.post("/internships/hosts", {
      intent: "host",
      name: "Garage Atlas",
      city: "Salé",
      sector: "Mécanique",
      contactName: "A. A.",
    });
    expect(badHost.status).toBe(400);
    expect(await badHost.text()).toContain("Choose from the list.");
    expect(await t.db.$count(organisations, eq(organisations.kind, "host_company"))).toBe(hostsBefore);

    const trainingsBefore = await t.db.$count(trainings);
    const base = {
      category: "soft_skills",
      titleFr: "Communiquer au travail",
      audience: "both",
      minAttendancePercent: "80",
    };
    const none = await admin.post("/trainings/new", base);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Choose at least one language.");
    const unknown = await admin.post("/trainings/new", { ...base, deliveryLanguages: ["fr", "français"] });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Choose from the list.");
    expect(await t.db.$count(trainings)).toBe(trainingsBefore);

    // the same forms with codes: written, and read back in the reader's language
    const good = await admin.post("/internships/hosts", offer(host.id, {}));
    expect(good.status).toBe(302);
    const page = await (await admin.get(good.headers.get("location")!)).text();
    expect(page).toContain("Food processing");
    expect(page).toContain("Darija, French");
    admin.cookies.set("lng", "ar");
    const pageAr = await (await admin.get(good.headers.get("location")!)).text();
    expect(pageAr).toContain("الرباط");
    expect(pageAr).toContain("الدارجة، الفرنسية");
    const made = await admin.post("/trainings/new", { ...base, deliveryLanguages: ["ary", "fr", "ary"] });
    expect(made.status).toBe(302);
    const [row] = await t.db.select().from(trainings).where(eq(trainings.titleFr, "Communiquer au travail"));
    expect(row?.deliveryLanguages).toEqual(["ary", "fr"]);
  });
});

describe("values the migration could not map", () => {
  it("are listed for the admin, resolved once with an audit row, and a second admin at the same moment gets a 409", async () => {
    await makeUser(t.db, { role: "admin", email: "flags-admin@masar.test" });
    await makeUser(t.db, { role: "admin", email: "flags-admin2@masar.test" });
    const training = await makeTraining(t.db, { titleFr: "Formation en soussou", deliveryLanguages: ["other"] });
    const [flag] = await t.db
      .insert(codeFlags)
      .values({ record: "training", recordId: training.id, field: "delivery_languages", original: "soussou, français" })
      .returning();
    const host = await makeOrganisation(t.db, { kind: "host_company", name: "Plomberie Idrissi" });
    await t.db.insert(hostDetails).values({ organisationId: host.id, sector: "other", contactName: "M. I." });
    const [hostFlag] = await t.db
      .insert(codeFlags)
      .values({ record: "host", recordId: host.id, field: "sector", original: "Plomberie" })
      .returning();

    const one = await app.signedIn("flags-admin@masar.test");
    const two = await app.signedIn("flags-admin2@masar.test");
    expect(await (await one.get("/home")).text()).toContain('data-testid="code-flags"');
    const list = await (await one.get("/admin/codes")).text();
    expect(list).toContain("soussou, français");
    expect(list).toContain("Plomberie");

    // a code from another list is refused, nothing changes
    const wrong = await one.post("/admin/codes", { flagId: hostFlag!.id, field: "sector", sector: "rabat" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Choisissez dans la liste.");
    // the field posted must be the flag's own
    const mismatch = await one.post("/admin/codes", { flagId: hostFlag!.id, field: "city", city: "rabat" });
    expect(mismatch.status).toBe(409);

    const answers = await Promise.all([
      one.post("/admin/codes", { flagId: flag!.id, field: "delivery_languages", languages: ["fr", "other"] }),
      two.post("/admin/codes", { flagId: flag!.id, field: "delivery_languages", languages: ["ar"] }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
    const winner = answers[0]!.status === 302 ? ["fr", "other"] : ["ar"];
    const [after] = await t.db.select().from(trainings).where(eq(trainings.id, training.id));
    expect(after?.deliveryLanguages).toEqual(winner);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, training.id), eq(auditLog.action, "code_flag.resolve.delivery_languages")));
    expect(audits).toHaveLength(1);

    expect((await one.post("/admin/codes", { flagId: hostFlag!.id, field: "sector", sector: "services" })).status).toBe(
      302,
    );
    const [h] = await t.db.select().from(hostDetails).where(eq(hostDetails.organisationId, host.id));
    expect(h?.sector).toBe("services");
    expect(await t.db.$count(codeFlags, isNull(codeFlags.resolvedAt))).toBe(0);
    expect(await (await one.get("/admin/codes")).text()).not.toContain("Plomberie");
    expect(await (await one.get("/home")).text()).not.toContain('data-testid="code-flags"');
  });
});

/** A town typed as text ("Salé") on an admin's form is refused, in fr, ar and en, at the field. */
async function expectTypedTownRefused(admin: TestClient, path: string, fields: Record<string, string>) {
  for (const [lng, message] of [
    ["fr", "Choisissez dans la liste."],
    ["ar", "اختر من القائمة."],
    ["en", "Choose from the list."],
  ] as const) {
    admin.cookies.set("lng", lng);
    const refused = await admin.post(path, { ...fields, city: "Salé" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="f-city-error"');
    expect(html).toContain(message);
  }
}

/** The row named `name` on an admin's list reads the town code "sale" in the reader's language. */
async function expectSaleReadInEachLanguage(admin: TestClient, path: string, name: string) {
  const list = (lng: string) => {
    admin.cookies.set("lng", lng);
    return admin.get(path).then((r) => r.text());
  };
  const rowOf = (html: string) => html.slice(html.indexOf(name), html.indexOf(name) + 400);
  expect(rowOf(await list("fr"))).toContain("Salé");
  expect(rowOf(await list("ar"))).toContain("سلا");
  expect(rowOf(await list("en"))).not.toMatch(/>sale</);
}

describe("an organisation's town (decision 0117)", () => {
  it("is chosen from the towns list: typed text is refused in fr, ar and en, a code is kept and read in the reader's language", async () => {
    await makeUser(t.db, { role: "admin", email: "towns-admin@masar.test" });
    const admin = await app.signedIn("towns-admin@masar.test");
    const form = await (await admin.get("/admin/organisations")).text();
    expect(form).toMatch(/<select[^>]*name="city"/);
    expect(form).not.toMatch(/<input[^>]*name="city"/);
    const before = await t.db.$count(organisations);
    await expectTypedTownRefused(admin, "/admin/organisations", {
      name: "Association Nour Salé",
      kind: "partner_association",
    });
    expect(await t.db.$count(organisations)).toBe(before);

    admin.cookies.set("lng", "fr");
    const made = await admin.post("/admin/organisations", {
      name: "Association Nour Salé",
      kind: "partner_association",
      city: "sale",
    });
    expect(made.status).toBe(302);
    const [row] = await t.db.select().from(organisations).where(eq(organisations.name, "Association Nour Salé"));
    expect(row?.city).toBe("sale");
    // no town is fine too: the field may stay empty
    expect(
      (await admin.post("/admin/organisations", { name: "Association sans ville", kind: "partner_association" }))
        .status,
    ).toBe(302);
    await expectSaleReadInEachLanguage(admin, "/admin/organisations", "Association Nour Salé");
  });

  it("a town the migration did not recognise waits for the admin, who chooses it once", async () => {
    await makeUser(t.db, { role: "admin", email: "towns-admin2@masar.test" });
    const admin = await app.signedIn("towns-admin2@masar.test");
    const org = await makeOrganisation(t.db, { name: "Association Tiflet Solidaire", city: "other" });
    const [flag] = await t.db
      .insert(codeFlags)
      .values({ record: "organisation", recordId: org.id, field: "city", original: "Tiflet" })
      .returning();
    const page = await (await admin.get("/admin/codes")).text();
    expect(page).toContain("Tiflet");
    expect(page).toContain("Association Tiflet Solidaire");
    expect((await admin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "khemisset" })).status).toBe(400);
    expect((await admin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "kenitra" })).status).toBe(302);
    const [after] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(after?.city).toBe("kenitra");
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, "code_flag.resolve.city")));
    expect(audits).toHaveLength(1);
    expect((await admin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "rabat" })).status).toBe(409);
  });
});

describe("a partner shop's town (decision 0130-shop-town-as-code.md)", () => {
  it("is chosen from the towns list: typed text is refused in fr, ar and en, a code is kept and read in the reader's language", async () => {
    await makeUser(t.db, { role: "admin", email: "shop-towns-admin@masar.test" });
    const admin = await app.signedIn("shop-towns-admin@masar.test");
    const association = await makeOrganisation(t.db, { name: "Association Sala Al Jadida" });
    const form = await (await admin.get("/admin/shops")).text();
    expect(form).toMatch(/<select[^>]*name="city"/);
    expect(form).not.toMatch(/<input[^>]*name="city"/);
    const before = await t.db.$count(shops);
    await expectTypedTownRefused(admin, "/admin/shops", { name: "Hanout Salé", organisationId: association.id });
    expect(await t.db.$count(shops)).toBe(before);

    admin.cookies.set("lng", "fr");
    const made = await admin.post("/admin/shops", {
      name: "Hanout Salé",
      organisationId: association.id,
      city: "sale",
    });
    expect(made.status).toBe(302);
    const [row] = await t.db.select().from(shops).where(eq(shops.name, "Hanout Salé"));
    expect(row?.city).toBe("sale");
    // no town is fine too ("—")
    expect(
      (await admin.post("/admin/shops", { name: "Hanout sans ville", organisationId: association.id, city: "" }))
        .status,
    ).toBe(302);
    await expectSaleReadInEachLanguage(admin, "/admin/shops", "Hanout Salé");
  });

  it("a town the migration did not recognise waits for the admin, who chooses it once", async () => {
    await makeUser(t.db, { role: "admin", email: "shop-towns-admin2@masar.test" });
    const admin = await app.signedIn("shop-towns-admin2@masar.test");
    const association = await makeOrganisation(t.db, { name: "Association Tiflet Entraide" });
    const [shop] = await t.db
      .insert(shops)
      .values({ organisationId: association.id, name: "Marché de Tiflet", city: "other" })
      .returning();
    const [flag] = await t.db
      .insert(codeFlags)
      .values({ record: "shop", recordId: shop!.id, field: "city", original: "Tiflet centre" })
      .returning();
    const page = await (await admin.get("/admin/codes")).text();
    expect(page).toContain("Tiflet centre");
    expect(page).toContain("Marché de Tiflet");
    expect((await admin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "tiflet" })).status).toBe(400);
    expect((await admin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "kenitra" })).status).toBe(302);
    const [after] = await t.db.select().from(shops).where(eq(shops.id, shop!.id));
    expect(after?.city).toBe("kenitra");
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, shop!.id), eq(auditLog.action, "code_flag.resolve.city")));
    expect(audits).toHaveLength(1);
    expect((await admin.post("/admin/codes", { flagId: flag!.id, field: "city", city: "rabat" })).status).toBe(409);
  });
});
