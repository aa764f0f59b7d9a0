/**
 * `npm run bench:memory [-- --page "donor dashboard" --seconds 5 --scale 2000]`: what the
 * production server holds after load. Heap snapshots (node --heapsnapshot-signal)
 * before and after autocannon loads one page of `BENCH_PAGES`, the resident memory
 * (/proc) at each point, and the constructors that grew most between the snapshots.
 * `--snapshots no` measures the resident memory alone (a snapshot itself adds about
 * 150 MB to it); `--node-arg <flag>` (repeatable) passes a flag to the server's node, e.g.
 * `--node-arg --max-semi-space-size=4`. Run `npm run build` first; the machine is shared:
 * a short run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchEntry } from "./pages";
import { arg, args, envArgs, freshDatabase, residentMemory, signInEveryone, startApp } from "./harness";
import { heapByConstructor } from "./heap-summary";

const label = arg("page", "donor dashboard");
const seconds = Number(arg("seconds", "5"));
const scale = Number(arg("scale", "2000"));
const { page, entry } = await benchEntry(label);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-heap-"));
const database = await freshDatabase({ scale });
const extraEnv = envArgs();
const withSnapshots = arg("snapshots", "yes") !== "no";
const nodeArgs = args("node-arg");
const app = await startApp(database.url, {
  quiet: true,
  env: extraEnv,
  nodeArgs: [...nodeArgs, ...(withSnapshots ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${dir}`] : [])],
});
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
async function snapshot(): Promise<string> {
  const before = new Set(fs.readdirSync(dir));
  process.kill(app.pid, "SIGUSR2");
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    if (!file) continue;
    // written when it parses (V8 writes it in pieces)
    const full = path.join(dir, file);
    try {
      JSON.parse(fs.readFileSync(full, "utf8"));
      return full;
    } catch {
      // not yet complete
    }
  }
}
try {
  const cookies = await signInEveryone(app.url);
  const headers: Record<string, string> = { "Accept-Language": "fr", "Accept-Encoding": "gzip" };
  if (cookies[page.who]) headers.Cookie = cookies[page.who];
  const url = app.url + entry.path(database.fixture);
  await (await fetch(url, { headers })).arrayBuffer();
  const rssBefore = residentMemory(app.pid);
  const first = withSnapshots ? await snapshot() : null;
  const rssSnapshot = residentMemory(app.pid);
  const r = await autocannon({ url, connections: 50, duration: seconds, headers });
  await new Promise((r) => setTimeout(r, 2000));
  const rssAfter = residentMemory(app.pid);
  const second = withSnapshots ? await snapshot() : null;
  const settings = { ...extraEnv, ...(nodeArgs.length ? { node: nodeArgs.join(" ") } : {}) };
  console.log(
    `${label}: ${r.requests.average.toFixed(0)} req/s${Object.keys(settings).length ? ` (${JSON.stringify(settings)})` : ""}; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const rss = (m: ReturnType<typeof residentMemory>) =>
    `${mb(m?.rss ?? 0)} (anonymous ${mb(m?.anonymous ?? 0)}, files ${mb(m?.files ?? 0)})`;
  console.log(`RSS before ${rss(rssBefore)}`);
  if (withSnapshots) console.log(`    after the first snapshot ${rss(rssSnapshot)}`);
  console.log(`    after the load ${rss(rssAfter)}, peak ${mb(rssAfter?.peak ?? 0)}`);
  if (first && second) {
    const a = heapByConstructor(first);
    const b = heapByConstructor(second);
    console.log(`heap (snapshot) before ${mb(a.total)}, after ${mb(b.total)}`);
    const growth = [...b.sizes].map(([k, v]) => [k, v - (a.sizes.get(k) ?? 0)] as const).sort((x, y) => y[1] - x[1]);
    for (const [k, v] of growth.slice(0, 12)) console.log(`  +${mb(v).padStart(7)}  ${k}`);
    console.log(`snapshots in ${dir}`);
  }
} finally {
  await app.stop();
  await database.drop();
}
