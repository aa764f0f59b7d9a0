/**
 * `npm run fault:db-restart [-- --scenario staff-user --down 4]`: restart the
 * database while the portal is under load (readers on signed-in pages in French and
 * Arabic, and writers doing a multi-step write), then check:
 *   - while it is down, every answer is the translated 503 page (never a 500);
 *   - the portal recovers by itself within 5 s of the database returning;
 *   - no write answered as done is missing afterwards, and none is half-written.
 * Exits 1 when any of these fails. Needs the embedded database (no TEST_DATABASE_URL)
 * and a build (`npm run build`).
 */
import { randomUUID } from "node:crypto";
import { ACCESS_MATRIX } from "../access";
import { ACTING } from "../access/types";
import { arg, freshDatabase, loadBuild, signIn, signInEveryone, startApp } from "../bench/harness";
import { checkWrites, scenario } from "./scenarios";

const chosen = arg("scenario", "staff-user");
const write = scenario(chosen);
const downSeconds = Number(arg("down", "4"));
const TITLES = { fr: "Service momentanément indisponible", ar: "الخدمة غير متاحة مؤقتا" } as const;

await loadBuild(); // fails early without a build
const database = await freshDatabase();
const app = await startApp(database.url, { quiet: !process.argv.includes("--verbose") });
const run = randomUUID().slice(0, 8);
const failures: string[] = [];
type Phase = "before" | "down" | "after";
let phase: Phase = "before";
const counts: Record<Phase, Map<string, number>> = { before: new Map(), down: new Map(), after: new Map() };
const note = (kind: string) => counts[phase].set(kind, (counts[phase].get(kind) ?? 0) + 1);
const answered: { key: string; status: number; phase: Phase }[] = [];
let stop = false;
let lastOkAt = 0;

try {
  if (write.setup) await write.setup(database.handle.db, database.fixture, run);
  const cookies = await signInEveryone(app.url);
  const writerCookie = await signIn(app.url, ACTING[write.actor]);
  // the signed-in pages each role may open, from the access matrix
  const pages = ACCESS_MATRIX.flatMap((e) =>
    (Object.keys(ACTING) as (keyof typeof ACTING)[])
      .filter(
        (who) => e.expect[who] === 200 && !/\.(pdf|json|csv)$|^\/locales\/|^\/healthz/.test(e.path(database.fixture)),
      )
      .map((who) => ({ path: e.path(database.fixture), cookie: cookies[who] })),
  );

  const reader = async (n: number) => {
    for (let i = n; !stop; i++) {
      const page = pages[i % pages.length]!;
      const lng = i % 2 ? "ar" : "fr";
      try {
        const r = await fetch(app.url + page.path, {
          headers: { Cookie: `${page.cookie}; lng=${lng}` },
          redirect: "manual",
        });
        const body = await r.text();
        note(`GET ${r.status}`);
        if (r.status === 200) lastOkAt = Date.now();
        if (r.status >= 500 && r.status !== 503) failures.push(`${phase}: GET ${page.path} answered ${r.status}`);
        if (r.status === 503 && !body.includes(TITLES[lng]))
          failures.push(`${phase}: a 503 page not translated into ${lng}`);
      } catch (error) {
        note("GET no answer");
        failures.push(`${phase}: GET ${page.path}: the portal did not answer (${String(error)})`);
      }
    }
  };
  let next = 0;
  const writer = async () => {
    while (!stop && (write.more?.() ?? true)) {
      const i = next++;
      const at = phase;
      try {
        const r = await write.submit({ baseUrl: app.url, cookie: writerCookie, fixture: database.fixture, run }, i);
        note(`POST ${r.status}`);
        answered.push({ key: r.key, status: r.status, phase: at });
        if (r.status >= 500 && r.status !== 503) failures.push(`${at}: write ${i} answered ${r.status}`);
      } catch (error) {
        note("POST no answer");
        failures.push(`${at}: write ${i}: the portal did not answer (${String(error)})`);
      }
    }
  };
  const workers = [...Array.from({ length: 8 }, (_, n) => reader(n)), ...Array.from({ length: 4 }, () => writer())];

  await new Promise((r) => setTimeout(r, 3000));
  phase = "down";
  const stoppedAt = Date.now();
  await database.stopServer();
  console.log(`database stopped (${Date.now() - stoppedAt} ms to stop); load continues for ${downSeconds} s`);
  await new Promise((r) => setTimeout(r, downSeconds * 1000));
  await database.startServer();
  const backAt = Date.now();
  phase = "after";
  console.log("database started again");
  // recovery: the first signed-in page answered 200 after the database is back
  while (lastOkAt < backAt && Date.now() - backAt < 30_000) await new Promise((r) => setTimeout(r, 20));
  const recovery = lastOkAt >= backAt ? lastOkAt - backAt : Infinity;
  await new Promise((r) => setTimeout(r, 3000));
  stop = true;
  await Promise.all(workers);

  // writes answered as done must all be there, and whole
  const { done, present, lost, half, inDb } = await checkWrites(write, database.handle.sql, run, answered);

  console.log(`\nscenario: ${chosen}: ${write.describe}`);
  for (const p of ["before", "down", "after"] as Phase[]) {
    console.log(
      `  ${p.padEnd(6)} ${[...counts[p]]
        .sort()
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ")}`,
    );
  }
  console.log(
    `recovered ${Number.isFinite(recovery) ? `${recovery} ms` : "NOT within 30 s"} after the database came back (target 5 s)`,
  );
  console.log(
    `writes answered as done: ${done.length}; in the database: ${present.size} of them; lost: ${lost.length}`,
  );
  console.log(
    `writes of this run in the database: ${inDb} (more than answered means a write committed while its answer was lost)`,
  );
  console.log(`half-written: ${half.length}`);
  if (!Number.isFinite(recovery) || recovery > 5000) failures.push(`recovery took ${recovery} ms`);
  if (lost.length)
    failures.push(
      `${lost.length} write(s) answered as done are missing: ${lost
        .slice(0, 5)
        .map((l) => l.key)
        .join(", ")}`,
    );
  failures.push(...half);
  if ((counts.down.get("GET 503") ?? 0) === 0) failures.push("no 503 page was seen while the database was down");
} finally {
  stop = true;
  await app.stop();
  await database.drop();
}
const unique = [...new Set(failures)];
console.log(
  unique.length
    ? `\nFAILED:\n  ${unique.slice(0, 30).join("\n  ")}${unique.length > 30 ? `\n  … ${unique.length - 30} more` : ""}`
    : "\nPASSED: clean 503s while down, recovery within 5 s, nothing lost, nothing half-written",
);
process.exit(unique.length ? 1 : 0);
