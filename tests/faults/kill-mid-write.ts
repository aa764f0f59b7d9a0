/**
 * `npm run fault:kill-mid-write [-- --scenario staff-user --rounds 5]`: kill -9 the
 * app while it is in the middle of multi-step writes (several rounds, at random
 * moments under a stream of concurrent writes), restart it, and check that no write
 * is half-written and that every write answered as done is there.
 *
 * Scenarios live in tests/faults/scenarios.ts: the foundation's staff-account
 * creation (`staff-user`), an aid distribution (`distribution`) and a grant award (`award`).
 * Exits 1 on any half-written or lost write. Needs a build (`npm run build`).
 */
import { randomUUID } from "node:crypto";
import { ACTING } from "../access/types";
import { arg, freshDatabase, loadBuild, signIn, startApp, type AppProcess } from "../bench/harness";
import { checkWrites, scenario } from "./scenarios";

const chosen = arg("scenario", "staff-user");
const write = scenario(chosen);
const rounds = Number(arg("rounds", "5"));

await loadBuild();
const database = await freshDatabase();
const run = randomUUID().slice(0, 8);
const failures: string[] = [];
const answered: { key: string; status: number }[] = [];
let next = 0;
let app: AppProcess | null = null;
let openAtKill = 0;
let unanswered = 0;

try {
  if (write.setup) {
    const started = Date.now();
    await write.setup(database.handle.db, database.fixture, run);
    console.log(`setup: ${Date.now() - started} ms`);
  }
  for (let round = 1; round <= rounds; round++) {
    app = await startApp(database.url, { quiet: true });
    const cookie = await signIn(app.url, ACTING[write.actor]);
    const baseUrl = app.url;
    let stop = false;
    const writer = async () => {
      while (!stop && (write.more?.() ?? true)) {
        const i = next++;
        try {
          const r = await write.submit({ baseUrl, cookie, fixture: database.fixture, run }, i);
          answered.push({ key: r.key, status: r.status });
          if (r.status >= 500 && r.status !== 503) failures.push(`write ${i} answered ${r.status}`);
        } catch {
          unanswered++; // the app died under it: its outcome is whatever the database says
        }
      }
    };
    const writers = Array.from({ length: 8 }, () => writer());
    await new Promise((r) => setTimeout(r, 800 + Math.random() * 1200));
    // how many of the app's transactions are open right now (the kill lands on these)
    const [open] = await database.handle.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`;
    app.child.kill("SIGKILL");
    await app.exited;
    stop = true;
    await Promise.all(writers);
    openAtKill += open?.n ?? 0;
    console.log(`round ${round}: killed with ${open?.n ?? 0} transaction(s) open; ${next} writes submitted so far`);
  }
  // the app comes back, over the same database
  app = await startApp(database.url, { quiet: true });
  const { done, lost, half, inDb } = await checkWrites(write, database.handle.sql, run, answered);
  console.log(`\nscenario: ${chosen}: ${write.describe}`);
  console.log(
    `${rounds} kills; ${openAtKill} transaction(s) open at the kills; ${unanswered} attempt(s) got no answer (the app was dead)`,
  );
  console.log(
    `writes answered as done: ${done.length}; lost: ${lost.length}; in the database: ${inDb}; half-written: ${half.length}`,
  );
  const health = await fetch(`${app.url}/healthz`);
  console.log(`after restart: /healthz ${health.status}`);
  if (health.status !== 200) failures.push(`the restarted app answers /healthz with ${health.status}`);
  if (lost.length) failures.push(`${lost.length} write(s) answered as done are missing`);
  failures.push(...half);
} finally {
  await app?.stop();
  await database.drop();
}
console.log(
  failures.length
    ? `\nFAILED:\n  ${failures.slice(0, 30).join("\n  ")}`
    : "\nPASSED: nothing half-written, nothing answered as done is missing",
);
process.exit(failures.length ? 1 : 0);
