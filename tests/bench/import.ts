/**
 * `npm run bench:import`: the preview of a 5,000-row case list (CSV), timed, in a scratch
 * database that already holds 5,000 case files of the importing association (a tenth of
 * the list repeats one of them, so the duplicate check has work). The floor, measured in
 * the same run, is reading and checking the rows alone, without the database: the ratio
 * says what the database work (keys already imported, likely duplicates, the sealed batch)
 * adds. Target: under 10 s on this machine. Prints figures; asserts nothing.
 * Uses DATABASE_URL when set, else the embedded server.
 */
import { randomBytes } from "node:crypto";

process.env.MASAR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

const { inScratchDatabase, median, timed } = await import("./scratch");
const schema = await import("../../db/schema");
const { sealIdentity } = await import("../../app/modules/protection/identity.server");
const { previewImport } = await import("../../app/modules/imports/service.server");
const { checkCaseRow } = await import("../../app/modules/imports/rows.server");
const { decodeText, mapColumns, previewSummary, rowsByField } = await import("../../app/modules/imports/rules");
const { getImport } = await import("../../app/modules/imports/queries.server");
const { readCsvFile } = await import("../../app/lib/csv");

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);
const EXISTING = Number(process.env.BENCH_IMPORT_EXISTING ?? 5000);
const RUNS = 3;

const FIRST = ["Awa", "Mariam", "Ibrahima", "Moussa", "Fatoumata", "Kadiatou", "Mamadou", "Aïcha", "Oumar", "Salif"];
const LAST = ["Diallo", "Traoré", "Koné", "Camara", "Sow", "Bah", "Keita", "Cissé", "Touré", "Sangaré"];
const person = (i: number) => ({
  firstName: `${FIRST[i % 10]}${i}`,
  lastName: LAST[Math.floor(i / 10) % 10]!,
  dateOfBirth: `19${70 + (i % 30)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  phone: `06${String(10_000_000 + i).slice(-8)}`,
});

function theList(): Uint8Array {
  const lines = ["prenom;nom;sexe;date_de_naissance;telephone;ville;consentement_services"];
  for (let i = 0; i < ROWS; i++) {
    // a tenth repeat a case already on file; one in a hundred has a problem (no sex)
    const p = i % 10 === 0 ? person(i % EXISTING) : person(EXISTING + i);
    const sex = i % 100 === 7 ? "" : i % 2 ? "femme" : "homme";
    const [y, m, d] = p.dateOfBirth.split("-");
    lines.push(`${p.firstName};${p.lastName};${sex};${d}/${m}/${y};${p.phone};Rabat;oui`);
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}

await inScratchDatabase("bench_import", async (handle) => {
  const db = handle.db;
  const [org] = await db
    .insert(schema.organisations)
    .values({ name: "Bench association", kind: "partner_association" })
    .returning();
  const [worker] = await db
    .insert(schema.users)
    .values({ displayName: "Bench worker", role: "case_worker", email: "bench@masar.test", organisationId: org!.id })
    .returning();
  const actor = { id: worker!.id, role: "case_worker" as const, organisationId: org!.id };
  const seeding = await timed(async () => {
    for (let from = 0; from < EXISTING; from += 500) {
      const chunk = Array.from({ length: Math.min(500, EXISTING - from) }, (_, k) => person(from + k));
      await db.insert(schema.beneficiaryCases).values(
        chunk.map((p, k) => ({
          organisationId: org!.id,
          reference: `PR-BENCH-${from + k}`,
          ...sealIdentity({ ...p, nameArabic: null, documentNumber: null, householdNotes: null }),
          sex: "female" as const,
          dateOfBirth: p.dateOfBirth,
          createdById: actor.id,
        })),
      );
    }
  });
  console.log(`seeded ${EXISTING} case files in ${(seeding.ms / 1000).toFixed(1)} s`);
  const bytes = theList();
  console.log(`list: ${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KiB`);

  const floors: number[] = [];
  const previews: number[] = [];
  let summary = "";
  for (let run = 0; run < RUNS; run++) {
    const checked = await timed(() => {
      const table = readCsvFile(decodeText(bytes))!;
      const rows = rowsByField(table, mapColumns(table[0]!));
      return rows.filter((r) => checkCaseRow(r.cells, "fr").person).length;
    });
    floors.push(checked.ms);
    const ready = checked.value;
    const previewed = await timed(() =>
      previewImport(db, actor, { kind: "cases", filename: `bench-${run}.csv`, bytes, locale: "fr" }, {}),
    );
    previews.push(previewed.ms);
    const result = previewed.value;
    if (!result.ok) throw new Error(`preview refused: ${JSON.stringify(result.errors)}`);
    const found = await getImport(db, actor, result.importId);
    const counts = previewSummary(found!.rows);
    summary = `${counts.rows} rows: ${counts.ready} ready, ${counts.problems} with a problem, ${counts.duplicates} with a likely duplicate (${ready} pass the row checks)`;
  }
  const floor = median(floors);
  const preview = median(previews);
  console.log(summary);
  console.log(`floor (read + check ${ROWS} rows, no database): ${floor.toFixed(0)} ms (median of ${RUNS})`);
  console.log(
    `preview of ${ROWS} rows: ${preview.toFixed(0)} ms (median of ${RUNS}; runs ${previews.map((p) => p.toFixed(0)).join(", ")} ms)`,
  );
  console.log(`ratio preview / floor: ${(preview / floor).toFixed(1)}×`);
  console.log(`target: under 10 s — ${preview < 10_000 ? "met" : "NOT met"}`);
});
