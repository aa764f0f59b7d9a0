/**
 * `npm run bench:profile [-- --page "floor (static text)" --seconds 5 --connections 50 --scale 0]`:
 * a CPU profile of the production server (`node --cpu-prof` over the build) while
 * autocannon loads one page of `npm run bench:http`'s list, then a summary: the
 * functions with the most CPU of their own, and the share of named functions with
 * everything they call (route matching: flattenRoutes, rankRouteBranches, compilePath).
 * The .cpuprofile stays in the printed folder (open it in Chrome's DevTools).
 *
 * Run `npm run build` first. The machine is shared: a short run, compare shares.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchEntry } from "./pages";
import { arg, freshDatabase, signInEveryone, startApp } from "./harness";
import { summariseProfile, type CpuProfile } from "./profile-summary";

const label = arg("page", "floor (static text)");
const seconds = Number(arg("seconds", "5"));
const connections = Number(arg("connections", "50"));
const scale = Number(arg("scale", "0"));
const { page, entry } = await benchEntry(label);
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-profile-"));
const database = await freshDatabase({ scale });
const app = await startApp(database.url, {
  quiet: true,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
});
try {
  const cookies = await signInEveryone(app.url);
  const headers: Record<string, string> = { "Accept-Language": "fr", "Accept-Encoding": "gzip" };
  if (cookies[page.who]) headers.Cookie = cookies[page.who];
  const url = app.url + entry.path(database.fixture);
  const r = await autocannon({ url, connections, duration: seconds, headers });
  console.log(
    `${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.errors + r.non2xx} errors; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
} finally {
  await app.stop();
  await database.drop();
}
const file = fs.readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile written in ${profileDir}`);
const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
console.log(summariseProfile(profile));
console.log(`\nprofile: ${path.join(profileDir, file)}`);
