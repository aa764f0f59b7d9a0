/**
 * The migration that turns staff free text into code lists (decision
 * 0100-staff-fields-as-codes.md), run for real: a database migrated up to the migration
 * before it gets the demo's old French values and some nobody can map, then the rest
 * of the migrations run. Known values become codes; the others become "other" (or the
 * languages that were recognised) and wait for the admin in code_flags, text and all.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runMigrations } from "../../../db/migrate";
import { scratchCopy, scratchDatabase } from "../../helpers/scratch-database";

const source = path.join(import.meta.dirname, "../../../db/migrations");

/** The migrations this file's describes each start just before. */
const CUTS = [
  "staff_fields_as_codes",
  "case_town_nationality_as_codes",
  "profile_town_as_code",
  "plan_town_as_code",
  "one_region_code_list",
] as const;
type Cut = (typeof CUTS)[number];
type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;

/**
 * A database for each cut, migrated up to the migration before it (the journal cut
 * there). One database climbs the migrations in their order and is copied at each cut:
 * migrating five fresh databases from the first migration ran the early migrations five
 * times (docs/decisions/0210-ci-work-done-once.md).
 */
async function databasesBefore(): Promise<Record<Cut, Scratch>> {
  const adminUrl = inject("pgAdminUrl");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-migrations-"));
  fs.cpSync(source, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = (cut: Cut) => journal.entries.findIndex((e) => e.tag.endsWith(cut));
  const climber = await scratchDatabase(adminUrl, "codes_migration_climb", { throwaway: true });
  const out: Partial<Record<Cut, Scratch>> = {};
  try {
    for (const cut of [...CUTS].sort((a, b) => at(a) - at(b))) {
      expect(at(cut)).toBeGreaterThan(0);
      fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at(cut)) }));
      await runMigrations(climber.url, dir);
      out[cut] = await scratchCopy(adminUrl, climber.url, "codes_migration", { throwaway: true });
    }
  } finally {
    await climber.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out as Record<Cut, Scratch>;
}

let before: Record<Cut, Scratch>;
let db: Scratch;
let sql: postgres.Sql;

beforeAll(async () => {
  before = await databasesBefore();
  db = before.staff_fields_as_codes;
  sql = postgres(db.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await sql?.end({ timeout: 2 });
  for (const scratch of Object.values(before ?? {})) await scratch.drop();
});

describe("staff fields become codes", () => {
  it("maps the demo's French values, keeps what it cannot map for the admin, and drops nothing", async () => {
    const hosts = await sql<{ id: string; name: string }[]>`
      insert into organisations (name, kind, city) values
        ('Coopérative Tifawin', 'host_company', 'Agadir'),
        ('Atlas Digital SARL', 'host_company', 'Casablanca'),
        ('Plomberie Idrissi', 'host_company', 'Tiflet')
      returning id, name`;
    const [tifawin, atlas, plombier] = hosts.map((h) => h.id);
    // the demo's values before this migration (db/seed/employability.ts), and one nobody can map
    await sql`insert into host_details (organisation_id, sector, contact_name) values
      (${tifawin!}, 'Agroalimentaire', 'L. A. O.'), (${atlas!}, 'Numérique', 'R. B.'), (${plombier!}, 'Plomberie', 'M. I.')`;
    const offer = async (host: string, title: string, sector: string, city: string, languages: string) => {
      const [row] = await sql<{ id: string }[]>`
        insert into internship_offers (host_id, title_fr, sector, city, starts_on, duration_weeks, languages)
        values (${host}, ${title}, ${sector}, ${city}, '2027-01-10', 8, ${languages}) returning id`;
      return row!.id;
    };
    const argan = await offer(tifawin!, "Assistant·e de production", "Agroalimentaire", "Agadir", "darija, français");
    const support = await offer(atlas!, "Support informatique", "NUMERIQUE", " casablanca ", "Français et anglais");
    const plumbing = await offer(plombier!, "Aide plombier", "Plomberie", "Tiflet", "wolof / soussou");
    const quiet = await offer(atlas!, "Sans langue", "Commerce", "Fès", "");
    const training = async (title: string, language: string) => {
      const [row] = await sql<{ id: string }[]>`
        insert into trainings (category, title_fr, delivery_language) values ('soft_skills', ${title}, ${language})
        returning id`;
      return row!.id;
    };
    const orientation = await training("Orientation", "français, darija");
    const digital = await training("Numérique", "Français, arabe");
    const klingon = await training("Inconnue", "klingon");
    // an organisation's town (migration organisation_town_as_code): in Arabic, with capitals, none
    const [arabicTown, noTown] = (
      await sql<{ id: string }[]>`
        insert into organisations (name, kind, city) values
          ('Association Amal', 'partner_association', 'الرباط'), ('Association Nour', 'partner_association', '  ')
        returning id`
    ).map((o) => o.id);
    // a partner shop's town (migration shop_town_as_code): as typed, in Arabic, unknown, blank
    const [shopRabat, shopTanger, shopTiflet, shopNone] = (
      await sql<{ id: string }[]>`
        insert into shops (organisation_id, name, city) values
          (${arabicTown!}, 'Épicerie Al Baraka', ' Rabat '), (${arabicTown!}, 'Hanout Boughaz', 'طنجة'),
          (${arabicTown!}, 'Marché de Tiflet', 'Tiflet'), (${arabicTown!}, 'Hanout sans ville', '')
        returning id`
    ).map((s) => s.id);

    await runMigrations(db.url, source);

    const hostRows = await sql<
      { id: string; sector: string }[]
    >`select organisation_id as id, sector from host_details`;
    expect(Object.fromEntries(hostRows.map((h) => [h.id, h.sector]))).toEqual({
      [tifawin!]: "food_processing",
      [atlas!]: "digital",
      [plombier!]: "other",
    });
    const offers = await sql<{ id: string; sector: string; city: string; languages: string[] }[]>`
      select id, sector, city, languages::text[] as languages from internship_offers`;
    expect(Object.fromEntries(offers.map((o) => [o.id, [o.sector, o.city, o.languages]]))).toEqual({
      [argan]: ["food_processing", "agadir", ["ary", "fr"]],
      [support]: ["digital", "casablanca", ["fr", "en"]],
      [plumbing]: ["other", "other", ["wo", "other"]],
      [quiet]: ["trade", "fes", []],
    });
    const towns = await sql<{ id: string; city: string | null }[]>`select id, city from organisations`;
    expect(Object.fromEntries(towns.map((o) => [o.id, o.city]))).toEqual({
      [tifawin!]: "agadir",
      [atlas!]: "casablanca",
      [plombier!]: "other",
      [arabicTown!]: "rabat",
      [noTown!]: null,
    });
    const shopTowns = await sql<{ id: string; city: string | null }[]>`select id, city from shops`;
    expect(Object.fromEntries(shopTowns.map((s) => [s.id, s.city]))).toEqual({
      [shopRabat!]: "rabat",
      [shopTanger!]: "tanger",
      [shopTiflet!]: "other",
      [shopNone!]: null,
    });
    const trainingRows = await sql<{ id: string; languages: string[] }[]>`
      select id, delivery_languages::text[] as languages from trainings`;
    expect(Object.fromEntries(trainingRows.map((r) => [r.id, r.languages]))).toEqual({
      [orientation]: ["fr", "ary"],
      [digital]: ["fr", "ar"],
      [klingon]: ["other"],
    });
    // what was not (fully) recognised waits for the admin, with the text as typed
    const flags = await sql<{ record: string; record_id: string; field: string; original: string }[]>`
      select record, record_id, field, original from code_flags where resolved_at is null`;
    const line = (f: string[]) => f.join(" | ");
    expect(flags.map((f) => line([f.record, f.record_id, f.field, f.original])).sort()).toEqual(
      [
        ["training", klingon, "delivery_languages", "klingon"],
        ["host", plombier!, "sector", "Plomberie"],
        ["offer", plumbing, "sector", "Plomberie"],
        ["offer", plumbing, "city", "Tiflet"],
        ["offer", plumbing, "languages", "wolof / soussou"],
        ["organisation", plombier!, "city", "Tiflet"],
        ["shop", shopTiflet!, "city", "Tiflet"],
      ]
        .map(line)
        .sort(),
    );
  });
});

describe("a protection case's town and nationality become codes", () => {
  let caseDb: Scratch;
  let caseSql: postgres.Sql;

  beforeAll(() => {
    caseDb = before.case_town_nationality_as_codes;
    caseSql = postgres(caseDb.url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await caseSql?.end({ timeout: 2 });
  });

  it("maps typed towns and nationalities, keeps what it cannot map for the admin, and moves an anonymised case's region", async () => {
    const [org] = await caseSql<{ id: string }[]>`
      insert into organisations (name, kind, city) values ('Association Amal', 'partner_association', 'rabat') returning id`;
    const caseOf = async (reference: string, city: string | null, nationality: string | null, anonymised = false) => {
      const [row] = await caseSql<{ id: string }[]>`
        insert into beneficiary_cases (organisation_id, reference, sex, city, nationality, anonymised_at)
        values (${org!.id}, ${reference}, 'female', ${city}, ${nationality}, ${anonymised ? new Date() : null})
        returning id`;
      return row!.id;
    };
    // as typed, in Arabic and in capitals, unknown, blank, and an anonymised case that kept its region's name (0020)
    const rabat = await caseOf("MIG-1", " Rabat ", "Guinée");
    const tanger = await caseOf("MIG-2", "طنجة", "MA");
    const unknown = await caseOf("MIG-3", "Douar Lahcen", "Atlantide");
    const blank = await caseOf("MIG-4", "  ", "");
    const anonymised = await caseOf("MIG-5", "L'Oriental", "Mali", true);
    // the reports counted the unknown nationality as "other" before
    const before = await caseSql<{ nationality: string }[]>`
      select nationality from report_people where person_key = ${unknown}`;
    expect(before[0]?.nationality).toBe("other");

    await runMigrations(caseDb.url, source);

    const cases = await caseSql<
      { id: string; city: string | null; nationality: string | null; region: string | null }[]
    >`
      select id, city, nationality, region from beneficiary_cases`;
    expect(Object.fromEntries(cases.map((c) => [c.id, [c.city, c.nationality, c.region]]))).toEqual({
      [rabat]: ["rabat", "GN", null],
      [tanger]: ["tanger", "MA", null],
      [unknown]: ["other", null, null],
      [blank]: [null, null, null],
      [anonymised]: [null, "ML", "oriental"],
    });
    const flags = await caseSql<{ record: string; record_id: string; field: string; original: string }[]>`
      select record, record_id, field, original from code_flags where resolved_at is null order by field`;
    expect(flags.map((f) => [f.record, f.record_id, f.field, f.original])).toEqual([
      ["case", unknown, "city", "Douar Lahcen"],
      ["case", unknown, "nationality", "Atlantide"],
    ]);
    // the reports read the codes: the same people, places and nationalities as a rebuild gives
    const people = await caseSql<{ person_key: string; nationality: string | null; region: string | null }[]>`
      select person_key, nationality, region from report_people order by person_key`;
    expect(Object.fromEntries(people.map((p) => [p.person_key, [p.nationality, p.region]]))).toEqual({
      [rabat]: ["GN", "MA-04"],
      [tanger]: ["MA", "MA-01"],
      [unknown]: [null, null],
      [blank]: [null, null],
      [anonymised]: ["ML", "MA-02"],
    });
  });
});

describe("an applicant's town becomes a code", () => {
  let townDb: Scratch;
  let townSql: postgres.Sql;

  beforeAll(() => {
    townDb = before.profile_town_as_code;
    townSql = postgres(townDb.url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await townSql?.end({ timeout: 2 });
  });

  it("maps towns typed in Latin or Arabic letters, makes the others 'other' for the admin, and blank nothing", async () => {
    const profileIn = async (city: string | null) => {
      const [user] = await townSql<{ id: string }[]>`
        insert into users (display_name, role, email) values ('P', 'applicant', ${`town-${Math.random().toString(36).slice(2)}@masar.test`})
        returning id`;
      await townSql`insert into profiles (user_id, city) values (${user!.id}, ${city})`;
      return user!.id;
    };
    // spaces and capitals, an accent, an English spelling, Arabic with a space, unknown, blank, none
    const rabat = await profileIn(" RABAT ");
    const fes = await profileIn("Fès");
    const marrakech = await profileIn("Marrakesh");
    const casablanca = await profileIn("الدار البيضاء");
    const jadida = await profileIn("El-Jadida");
    const unknown = await profileIn("Douar Lahcen");
    const blank = await profileIn("   ");
    const none = await profileIn(null);

    await runMigrations(townDb.url, source);

    const rows = await townSql<{ user_id: string; city: string | null }[]>`select user_id, city from profiles`;
    expect(Object.fromEntries(rows.map((r) => [r.user_id, r.city]))).toEqual({
      [rabat]: "rabat",
      [fes]: "fes",
      [marrakech]: "marrakech",
      [casablanca]: "casablanca",
      [jadida]: "el_jadida",
      [unknown]: "other",
      [blank]: null,
      [none]: null,
    });
    const flags = await townSql<{ record: string; record_id: string; field: string; original: string }[]>`
      select record, record_id, field, original from code_flags where resolved_at is null`;
    expect(flags.map((f) => [f.record, f.record_id, f.field, f.original])).toEqual([
      ["profile", unknown, "city", "Douar Lahcen"],
    ]);
    // the reports read the region of a profile without one from its town's code
    const people = await townSql<{ person_key: string; region: string | null }[]>`
      select person_key, region from report_people where person_key in ${townSql([rabat, fes, casablanca, unknown])}`;
    expect(Object.fromEntries(people.map((p) => [p.person_key, p.region]))).toEqual({
      [rabat]: "MA-04",
      [fes]: "MA-03",
      [casablanca]: "MA-06",
      [unknown]: null,
    });
    // a town outside the list cannot be written any more
    await expect(townSql`update profiles set city = 'Douar Lahcen' where user_id = ${unknown}`).rejects.toThrow();
  });
});

describe("a business plan's town becomes a code", () => {
  let planDb: Scratch;
  let planSql: postgres.Sql;

  beforeAll(() => {
    planDb = before.plan_town_as_code;
    planSql = postgres(planDb.url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await planSql?.end({ timeout: 2 });
  });

  it("maps towns typed in Latin or Arabic letters, makes the others 'other' for the admin, and blank nothing", async () => {
    const [owner] = await planSql<{ id: string }[]>`
      insert into users (display_name, role, email) values ('P', 'applicant', 'plan-town@masar.test') returning id`;
    const planIn = async (summary: Record<string, unknown>) => {
      const [plan] = await planSql<{ id: string }[]>`
        insert into business_plans (owner_id, summary) values (${owner!.id}, ${planSql.json(summary as postgres.JSONValue)})
        returning id`;
      return plan!.id;
    };
    const rest = { projectName: "Atelier", sector: "textile", pitch: "Un atelier." };
    // spaces and capitals, an accent, an English spelling, Arabic with a space, unknown, blank, JSON null, none
    const rabat = await planIn({ ...rest, city: " RABAT " });
    const fes = await planIn({ ...rest, city: "Fès" });
    const tanger = await planIn({ ...rest, city: "Tangier" });
    const casablanca = await planIn({ ...rest, city: "الدار البيضاء" });
    const mellal = await planIn({ ...rest, city: "Béni-Mellal" });
    const unknown = await planIn({ ...rest, city: "Douar Lahcen" });
    const blank = await planIn({ ...rest, city: "   " });
    const nulled = await planIn({ ...rest, city: null });
    const none = await planIn(rest);
    const [before] = await planSql<{ updated_at: Date }[]>`select updated_at from business_plans where id = ${rabat}`;

    await runMigrations(planDb.url, source);

    const rows = await planSql<{ id: string; summary: Record<string, unknown>; updated_at: Date }[]>`
      select id, summary, updated_at from business_plans`;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.summary]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.summary.city ?? null]))).toEqual({
      [rabat]: "rabat",
      [fes]: "fes",
      [tanger]: "tanger",
      [casablanca]: "casablanca",
      [mellal]: "beni_mellal",
      [unknown]: "other",
      [blank]: null,
      [nulled]: null,
      [none]: null,
    });
    // only the town changed: the rest of the summary, and the plan's last change, are as they were
    expect(byId[unknown]).toEqual({ ...rest, city: "other" });
    expect(byId[blank]).toEqual(rest);
    expect(rows.find((r) => r.id === rabat)!.updated_at).toEqual(before!.updated_at);
    const flags = await planSql<{ record: string; record_id: string; field: string; original: string }[]>`
      select record, record_id, field, original from code_flags where resolved_at is null`;
    expect(flags.map((f) => [f.record, f.record_id, f.field, f.original])).toEqual([
      ["plan", unknown, "city", "Douar Lahcen"],
    ]);
    // a town outside the list cannot be written any more
    await expect(
      planSql`update business_plans set summary = summary || '{"city": "Douar Lahcen"}' where id = ${unknown}`,
    ).rejects.toThrow(/enum city/);
  });
});

describe("one list of region codes", () => {
  let regionDb: Scratch;
  let regionSql: postgres.Sql;

  beforeAll(() => {
    regionDb = before.one_region_code_list;
    regionSql = postgres(regionDb.url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await regionSql?.end({ timeout: 2 });
  });

  it("counts a profile in the Oriental there, maps regions written otherwise and keeps what it cannot read", async () => {
    const profileIn = async (region: string) => {
      const [user] = await regionSql<{ id: string }[]>`
        insert into users (display_name, role, email) values ('P', 'applicant', ${`profile-${Math.random().toString(36).slice(2)}@masar.test`})
        returning id`;
      await regionSql`insert into profiles (user_id, region) values (${user!.id}, ${region})`;
      return user!.id;
    };
    // the form's code, the French name and the ISO code, a code of another region, and a word that is no region
    const code = await profileIn("oriental");
    const name = await profileIn("L'Oriental");
    const iso = await profileIn("MA-03");
    const rabat = await profileIn("rabat_sale_kenitra");
    const unknown = await profileIn("Atlantide");
    const regionOf = async (key: string) =>
      (await regionSql<{ region: string | null }[]>`select region from report_people where person_key = ${key}`)[0]
        ?.region ?? null;
    // before: the code of the Oriental folded to nothing the reports knew
    expect(await regionOf(code)).toBeNull();

    await runMigrations(regionDb.url, source);

    const stored = await regionSql<{ user_id: string; region: string }[]>`select user_id, region from profiles`;
    expect(Object.fromEntries(stored.map((p) => [p.user_id, p.region]))).toEqual({
      [code]: "oriental",
      [name]: "oriental",
      [iso]: "fes_meknes",
      [rabat]: "rabat_sale_kenitra",
      [unknown]: "Atlantide",
    });
    expect([await regionOf(code), await regionOf(name), await regionOf(iso), await regionOf(rabat)]).toEqual([
      "MA-02",
      "MA-02",
      "MA-03",
      "MA-04",
    ]);
    expect(await regionOf(unknown)).toBeNull();
    // from now on only a code of the list can be written
    await expect(regionSql`update profiles set region = 'loriental' where user_id = ${code}`).rejects.toThrow(
      /profiles_region_check/,
    );
  });
});
