/**
 * The keys of encryption at rest: existing clear rows are encrypted by the migration
 * step (a migration alone does not hold the key), and `npm run keys:rotate` re-encrypts
 * every value under a new key, in batches, resumably, keeping the keyed hashes that
 * search and the duplicate check use consistent (docs/operations.md).
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { createDb } from "../../../db/client";
import { runMigrations } from "../../../db/migrate";
import { beneficiaryCases, caseNotes, caseServices, vulnerabilityAssessments } from "../../../db/schema";
import { rotateKeys, valuesPerKey } from "../../../app/modules/protection/at-rest.server";
import { decrypt, decryptJson } from "../../../app/modules/protection/crypto.server";
import {
  documentIs,
  namesMatch,
  openCase,
  openService,
  phoneIs,
} from "../../../app/modules/protection/identity.server";
import { makeOrganisation, makeUser } from "../../factories";
import { makeAssessment, makeCase, makeNote, makeService } from "../../factories/protection";
import { useTestDb } from "../helpers/test-db";

const t = useTestDb();
const KEY_ONE = process.env.MASAR_ENCRYPTION_KEY!;
const KEY_TWO = `2:${randomBytes(32).toString("base64")}`;

afterEach(() => {
  process.env.MASAR_ENCRYPTION_KEY = KEY_ONE;
  delete process.env.MASAR_ENCRYPTION_OLD_KEYS;
});

describe("key rotation", () => {
  it("re-encrypts every value under the new key, in batches that a second run resumes, hashes included", async () => {
    const org = await makeOrganisation(t.db);
    const worker = await makeUser(t.db, { role: "case_worker", organisationId: org.id });
    const people = Array.from({ length: 7 }, (_, i) => ({
      // consonants apart: a name search folds vowels away
      firstName: `Rotafirst${"bdfglmn"[i]}`,
      lastName: "Rotalast",
      phone: `06770000${10 + i}`,
      documentNumber: `RT-${1000 + i}`,
      householdNotes: `Household ${i}`,
    }));
    const ids: string[] = [];
    for (const person of people) {
      const c = await makeCase(t.db, { organisationId: org.id, createdById: worker.id, ...person });
      ids.push(c.id);
      await makeNote(t.db, c.id, worker.id, `Note of ${person.firstName}`);
      await makeAssessment(t.db, c.id, worker.id, ["elderly"], `Assessment of ${person.firstName}`);
      await makeService(
        t.db,
        {
          caseId: c.id,
          kind: "avrr",
          serviceDate: "2026-11-01",
          status: "request",
          recordedById: worker.id,
          provider: `Provider of ${person.firstName}`,
          details: { countryOfReturn: "Mali" },
        },
        `Service note of ${person.firstName}`,
      );
    }
    const before = await valuesPerKey(t.sql);
    expect(Object.keys(before)).toEqual(["1"]);

    // the new key is current everywhere, the old one kept to read what is not rotated yet
    process.env.MASAR_ENCRYPTION_KEY = KEY_TWO;
    process.env.MASAR_ENCRYPTION_OLD_KEYS = `1:${KEY_ONE}`;
    // a first run stops after its second batch (a crash, a deploy): nothing is lost
    let batches = 0;
    await expect(
      rotateKeys(t.sql, {
        batch: 3,
        onBatch: () => {
          if (++batches === 2) throw new Error("stopped");
        },
      }),
    ).rejects.toThrow("stopped");
    const midway = await valuesPerKey(t.sql);
    expect(midway["1"]).toBeGreaterThan(0);
    expect(midway["2"]).toBeGreaterThan(0);
    // meanwhile search still finds a case not rotated yet and one rotated already
    for (const person of [people[0]!, people[6]!]) {
      const found = await t.db.select({ id: beneficiaryCases.id }).from(beneficiaryCases).where(phoneIs(person.phone)!);
      expect(found).toHaveLength(1);
    }

    const counts = await rotateKeys(t.sql, { batch: 3 });
    expect(counts.beneficiary_cases).toBeGreaterThan(0);
    const after = await valuesPerKey(t.sql);
    expect(Object.keys(after)).toEqual(["2"]);
    expect(after["2"]).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    // a third run finds nothing to do
    expect(await rotateKeys(t.sql, { batch: 3 })).toEqual({});

    // key 1 is gone: everything reads with key 2 alone, and the hashes are key 2's
    delete process.env.MASAR_ENCRYPTION_OLD_KEYS;
    const rows = await t.db.select().from(beneficiaryCases).where(inArray(beneficiaryCases.id, ids));
    for (const [i, person] of people.entries()) {
      const row = rows.find((r) => r.id === ids[i])!;
      expect(openCase(row)).toMatchObject({
        ...person,
        phone: `+2126770000${10 + i}`,
        documentNumber: `RT${1000 + i}`,
      });
      for (const match of [phoneIs(person.phone)!, documentIs(person.documentNumber)!, namesMatch(person.firstName)!]) {
        const found = await t.db.select({ id: beneficiaryCases.id }).from(beneficiaryCases).where(match);
        expect(found.map((f) => f.id)).toEqual([ids[i]]);
      }
      const [note] = await t.db.select().from(caseNotes).where(eq(caseNotes.caseId, ids[i]!));
      expect(decrypt(note!.bodyEnc)).toBe(`Note of ${person.firstName}`);
      const [assessment] = await t.db
        .select()
        .from(vulnerabilityAssessments)
        .where(eq(vulnerabilityAssessments.caseId, ids[i]!));
      expect(decryptJson<{ notes: string }>(assessment!.dataEnc).notes).toBe(`Assessment of ${person.firstName}`);
      const [service] = await t.db.select().from(caseServices).where(eq(caseServices.caseId, ids[i]!));
      expect(openService(service!)).toMatchObject({
        provider: `Provider of ${person.firstName}`,
        details: { countryOfReturn: "Mali" },
      });
      expect(decrypt(service!.notesEnc!)).toBe(`Service note of ${person.firstName}`);
    }
  });
});

describe("rows written before identities were encrypted", () => {
  const adminUrl = inject("pgAdminUrl");
  const name = `t_preenc_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const url = (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "masar-migrations-"));

  afterAll(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("are encrypted by the migration step, and the clear columns and their backlog are gone", async () => {
    // the schema as it was: every migration before the one that drops the clear columns
    const source = path.resolve("db/migrations");
    const journal = JSON.parse(fs.readFileSync(path.join(source, "meta/_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    const cut = journal.entries.findIndex((e) => e.tag.endsWith("identities_clear_columns_dropped"));
    expect(cut).toBeGreaterThan(0);
    fs.mkdirSync(path.join(folder, "meta"));
    fs.writeFileSync(
      path.join(folder, "meta/_journal.json"),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }),
    );
    for (const entry of journal.entries.slice(0, cut))
      fs.copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    await runMigrations(url, folder);

    const handle = createDb(url, { max: 2 });
    try {
      // in SQL, not the factories: they write the columns of today's schema, which later
      // migrations (an office sign-in identifier, say) add after this point
      const [org] = await handle.sql<{ id: string }[]>`
        insert into organisations (name, kind, city) values ('Association ancienne', 'partner_association', 'rabat') returning id`;
      const [worker] = await handle.sql<{ id: string }[]>`
        insert into users (email, display_name, role, organisation_id)
        values ('old-worker@masar.test', 'Old worker', 'case_worker', ${org!.id}) returning id`;
      const [c] = await handle.sql<{ id: string }[]>`
        insert into beneficiary_cases (organisation_id, reference, first_name, last_name, name_arabic, sex, phone, document_number, household_notes, date_of_birth)
        values (${org!.id}, 'PR-OLD-1', 'Oldfirstqx', 'Oldlastqx', 'قديم', 'female', '+212677000099', 'OLD12345', 'Old household', '1990-05-05')
        returning id`;
      await handle.sql`
        insert into case_services (case_id, kind, service_date, status, provider, details, recorded_by_id)
        values (${c!.id}, 'shelter', '2026-10-01', 'done', 'Old provider', ${JSON.stringify({ place: "Old shelter", checkIn: "2026-10-01", nights: 2 })}::jsonb, ${worker!.id})`;

      await runMigrations(url);

      const dump = (
        await handle.sql<
          { row: string }[]
        >`select t::text as row from beneficiary_cases t union all select t::text from case_services t`
      )
        .map((r) => r.row)
        .join("\n");
      for (const clear of [
        "Oldfirstqx",
        "Oldlastqx",
        "قديم",
        "677000099",
        "OLD12345",
        "Old household",
        "Old provider",
        "Old shelter",
      ])
        expect(dump, clear).not.toContain(clear);
      const [backlog] = await handle.sql<
        { present: boolean }[]
      >`select to_regclass('protection_clear_backlog') is not null as present`;
      expect(backlog!.present).toBe(false);
      const columns = await handle.sql<{ column_name: string }[]>`
        select column_name from information_schema.columns where table_name = 'beneficiary_cases' and column_name in ('first_name', 'phone', 'document_number')`;
      expect(columns).toHaveLength(0);

      const [row] = await handle.db.select().from(beneficiaryCases).where(eq(beneficiaryCases.id, c!.id));
      expect(openCase(row!)).toMatchObject({
        firstName: "Oldfirstqx",
        lastName: "Oldlastqx",
        nameArabic: "قديم",
        phone: "+212677000099",
        documentNumber: "OLD12345",
        householdNotes: "Old household",
      });
      for (const match of [phoneIs("0677000099")!, documentIs("old-12345")!, namesMatch("oldfirstqx")!]) {
        expect(await handle.db.$count(beneficiaryCases, match)).toBe(1);
      }
      const [service] = await handle.db.select().from(caseServices).where(eq(caseServices.caseId, c!.id));
      expect(openService(service!)).toMatchObject({
        provider: "Old provider",
        details: { place: "Old shelter", checkIn: "2026-10-01", nights: 2 },
      });
      expect(service!.details).toEqual({ checkIn: "2026-10-01", nights: 2 });
      // a second migration run has nothing left to do
      await runMigrations(url);
    } finally {
      await handle.close();
    }
  });
});
