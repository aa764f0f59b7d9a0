/**
 * `npm run fuzz [-- --count 10000 --seed 42]`: malformed posts to every action of the
 * build, as anonymous and as each demo role, against the built app (child process) on
 * a fresh database with the demo data. Prints counts per action and status, and exits
 * 1 on any 5xx (or no answer) and on any change a visitor was not allowed to make.
 * See tests/fuzz/core.ts. Run `npm run build` first.
 */
import { arg, freshDatabase, loadBuild, startApp } from "../bench/harness";
import { printReport, runFuzz } from "./core";

const count = Number(arg("count", "10000"));
const seed = Number(arg("seed", String(Date.now() % 1_000_000)));
const build = await loadBuild();
const started = Date.now();
const database = await freshDatabase();
// TRUST_PROXY: every fuzzed post comes from an address of its own, so sign-in
// throttling (100 failures per address) does not lock the re-sign-ins out
const app = await startApp(database.url, { quiet: true, env: { TRUST_PROXY: "1" } });
let failed = true;
try {
  console.log(`fuzz: ${count} posts, seed ${seed}`);
  const report = await runFuzz({
    baseUrl: app.url,
    build,
    fixture: database.fixture,
    sql: database.handle.sql,
    count,
    seed,
    forwardedFor: true,
    concurrency: Number(arg("concurrency", "8")),
    log: console.log,
  });
  printReport(report);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  failed = report.serverErrors.length > 0 || report.violations.length > 0;
} finally {
  await app.stop();
  await database.drop();
}
console.log(failed ? "\nFAILED" : "\nPASSED: no 5xx, no change a visitor was not allowed to make");
process.exit(failed ? 1 : 0);
