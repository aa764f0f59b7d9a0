/**
 * A call's eligible regions are codes of the profile's region list (issue 15): typed
 * regions from before are mapped by the migration or, when unknown, kept (the call stays
 * as strict as it was) and listed for the admin, who chooses once; a new call can only
 * take regions of the list, whatever the road.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runMigrations } from "../../../db/migrate";
import { auditLog, grantCalls } from "../../../db/schema";
import { makeUser } from "../../factories";
import { makeCall } from "../../factories/grants";
import { scratchDatabase } from "../../helpers/scratch-database";
import { useTestApp } from "../helpers/app";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);
const source = path.join(import.meta.dirname, "../../../db/migrations");

describe("the migration of typed regions", () => {
  let db: { url: string; drop(): Promise<void> };
  let before: string;
  beforeAll(async () => {
    db = await scratchDatabase(inject("pgAdminUrl"), "call_regions", { throwaway: true });
    before = fs.mkdtempSync(path.join(os.tmpdir(), "masar-migrations-"));
    fs.cpSync(source, before, { recursive: true });
    const journalPath = path.join(before, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(
      0,
      journal.entries.findIndex((e) => e.tag.endsWith("call_regions_as_codes")),
    );
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    await runMigrations(db.url, before);
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(before, { recursive: true, force: true });
  });

  it("maps region names, labels and towns to codes, keeps the unknown, and refuses typed regions from then on", async () => {
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const call = async (regions: string[]) => {
        const [row] = await sql<{ id: string }[]>`
          insert into grant_calls (title_fr, opens_at, closes_at, review_deadline, budget_centimes, max_grant_centimes, regions)
          values ('Appel', now(), now() + interval '1 day', now() + interval '2 days', 100, 10, ${regions}) returning id`;
        return row!.id;
      };
      const typed = await call(["Rabat", "Souss-Massa", "الدار البيضاء", "Atlantide", "rabat_sale_kenitra"]);
      const coded = await call(["oriental"]);
      const any = await call([]);
      await runMigrations(db.url, source);
      const rows = await sql<{ id: string; regions: string[] }[]>`select id, regions from grant_calls`;
      const byId = Object.fromEntries(rows.map((r) => [r.id, [...r.regions].sort()]));
      expect(byId[typed]).toEqual(["Atlantide", "casablanca_settat", "rabat_sale_kenitra", "souss_massa"]);
      expect(byId[coded]).toEqual(["oriental"]);
      expect(byId[any]).toEqual([]);
      await expect(call(["Rabat"])).rejects.toMatchObject({ code: "23514" });
    } finally {
      await sql.end({ timeout: 2 });
    }
  });
});

describe("a call's regions", () => {
  it("are ticked from the region list: a typed region is a translated field error and no call is written", async () => {
    await makeUser(t.db, { role: "admin", email: "regions-admin@masar.test" });
    const admin = await app.signedIn("regions-admin@masar.test");
    const base = {
      titleFr: "Appel régions",
      audience: "both",
      opensOn: "2026-12-01",
      closesOn: "2026-12-31",
      reviewDeadlineOn: "2027-01-31",
      budget: "100000",
      maxGrant: "20000",
      "criteria[0].labelFr": "Marché",
      "criteria[0].max": "10",
      "criteria[0].weight": "100",
    };
    const before = await t.db.$count(grantCalls);
    const bad = await admin.post("/grants/calls/new", { ...base, regions: ["oriental", "Rabat"] });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('id="f-regions-error"');
    expect(page).toContain("Choisissez dans la liste.");
    expect(page).toMatch(/<input[^>]*checked=""[^>]*value="oriental"|<input[^>]*value="oriental"[^>]*checked=""/); // still ticked
    expect(await t.db.$count(grantCalls)).toBe(before);
    const good = await admin.post("/grants/calls/new", { ...base, regions: ["oriental", "souss_massa"] });
    expect(good.status).toBe(302);
    const [call] = await t.db.select().from(grantCalls).where(eq(grantCalls.titleFr, "Appel régions"));
    expect(call?.regions).toEqual(["oriental", "souss_massa"]);
  });

  it("typed before the list: listed for the admin, chosen once (a second admin at the same moment gets a 409), audited", async () => {
    await makeUser(t.db, { role: "admin", email: "regions-a@masar.test" });
    await makeUser(t.db, { role: "admin", email: "regions-b@masar.test" });
    // the state the migration leaves: the check holds for new writes, not for the rows it kept
    const call = await makeCall(t.db, { titleFr: "Appel d'avant", regions: [] });
    await t.sql`alter table grant_calls drop constraint grant_calls_regions_check`;
    await t.sql`update grant_calls set regions = '{Atlantide,oriental}' where id = ${call.id}`;
    await t.sql`alter table grant_calls add constraint grant_calls_regions_check
      check (regions <@ array['tanger_tetouan_al_hoceima','oriental','fes_meknes','rabat_sale_kenitra','beni_mellal_khenifra','casablanca_settat','marrakech_safi','draa_tafilalet','souss_massa','guelmim_oued_noun','laayoune_sakia_el_hamra','dakhla_oued_ed_dahab']::text[]) not valid`;
    const a = await app.signedIn("regions-a@masar.test");
    const b = await app.signedIn("regions-b@masar.test");
    expect(await (await a.get("/home")).text()).toContain('data-testid="code-flags"');
    const list = await (await a.get("/admin/codes")).text();
    expect(list).toContain(`data-call-regions="${call.id}"`);
    expect(list).toContain("Atlantide");
    const answers = await Promise.all([
      a.post("/admin/codes", { callId: call.id, regions: ["oriental", "souss_massa"] }),
      b.post("/admin/codes", { callId: call.id, regions: ["oriental"] }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
    const [after] = await t.db.select().from(grantCalls).where(eq(grantCalls.id, call.id));
    expect(after?.regions).toEqual(answers[0]!.status === 302 ? ["oriental", "souss_massa"] : ["oriental"]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, call.id));
    expect(audits.filter((r) => r.action === "code_flag.resolve.regions")).toHaveLength(1);
    expect(await (await a.get("/admin/codes")).text()).not.toContain(`data-call-regions="${call.id}"`);
  });

  it("several calls to choose for: one id per box and per error, each error named by its own box", async () => {
    await makeUser(t.db, { role: "admin", email: "regions-ids@masar.test" });
    const typed = async (titleFr: string) => {
      const call = await makeCall(t.db, { titleFr, regions: [] });
      await t.sql`alter table grant_calls drop constraint grant_calls_regions_check`;
      await t.sql`update grant_calls set regions = '{Atlantide}' where id = ${call.id}`;
      await t.sql`alter table grant_calls add constraint grant_calls_regions_check
        check (regions <@ array['tanger_tetouan_al_hoceima','oriental','fes_meknes','rabat_sale_kenitra','beni_mellal_khenifra','casablanca_settat','marrakech_safi','draa_tafilalet','souss_massa','guelmim_oued_noun','laayoune_sakia_el_hamra','dakhla_oued_ed_dahab']::text[]) not valid`;
      return call;
    };
    const first = await typed("Appel Atlantide 1");
    await typed("Appel Atlantide 2");
    const admin = await app.signedIn("regions-ids@masar.test");
    const refused = await admin.post("/admin/codes", { callId: first.id, regions: ["Rabat"] });
    expect(refused.status).toBe(400);
    const page = (await refused.text()).replace(/<script[\s\S]*?<\/script>/g, "");
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const described = [...page.matchAll(/aria-describedby="([^"]+)"/g)].flatMap((m) => m[1]!.split(" "));
    expect(described.length).toBeGreaterThan(0);
    for (const id of described) expect(ids, id).toContain(id);
    // the refused call's first box names its error; the other call's boxes name none
    const item = page.slice(page.indexOf(`data-call-regions="${first.id}"`));
    const box = /<input[^>]*type="checkbox"[^>]*>/.exec(item)![0];
    const error = /aria-describedby="([^"]+)"/.exec(box)?.[1];
    expect(error).toBeDefined();
    expect(item).toContain(`id="${error}"`);
    expect(described).toHaveLength(1);
  });
});
