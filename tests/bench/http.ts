/**
 * `npm run bench:http [-- --seconds 4 --connections 50 --scale 2000]`: throughput and
 * latency of the portal's main pages under load, each as a share of the framework's
 * floor measured first in the same run (a bare Remix app, tests/bench/floor-app), and
 * the server's resident memory afterwards.
 *
 * The app runs as a child process (`npm start`, the production server) over a
 * fresh database: the embedded PostgreSQL in a temporary folder (or a new database on
 * TEST_DATABASE_URL's server), seeded with the demo data, and at scale when the
 * build has a `seed:scale` script. Which path each page has comes from the access
 * matrix (tests/access) with the demo fixture: a page whose route is not in this build
 * is reported "not available in this build", never stood in for by another.
 *
 * Run `npm run build` first. Targets (issue 19): each page's `share` of the floor's
 * requests per second and `p99` (tests/bench/pages.ts), no errors, RSS under 300 MB.
 */
import autocannon from "autocannon";
import { BENCH_PAGES, benchPath } from "./pages";
import {
  arg,
  freshDatabase,
  loadBuild,
  residentMemory,
  signInEveryone,
  startApp,
  startFrameworkFloor,
} from "./harness";

const seconds = Number(arg("seconds", "4"));
const connections = Number(arg("connections", "50"));
const scale = Number(arg("scale", "2000"));

const build = await loadBuild();
const started = Date.now();
const database = await freshDatabase({ scale });
console.log(
  `database: ${database.embedded ? "embedded PostgreSQL 17 (temporary folder)" : "TEST_DATABASE_URL server"}; seeded: ${database.seeded}`,
);
const app = await startApp(database.url, { quiet: true });
type Result = {
  label: string;
  share?: number;
  p99Target?: number;
  route: string;
  path: string;
  rps?: number;
  p50?: number;
  p99?: number;
  errors?: number;
  note?: string;
};
const results: Result[] = [];
/** A short warm-up, then the measured run. */
async function measure(url: string, headers: Record<string, string>) {
  await autocannon({ url, connections, duration: 1, headers });
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}
try {
  const framework = await startFrameworkFloor();
  try {
    const gzip = { "Accept-Language": "fr", "Accept-Encoding": "gzip" };
    results.push({
      label: "framework floor (bare Remix)",
      route: "tests/bench/floor-app",
      path: "/",
      ...(await measure(framework.url + "/", gzip)),
    });
  } finally {
    await framework.stop();
  }
  const cookies = await signInEveryone(app.url);
  // A running portal has answered every kind of page before: one pass over all pages
  // first, so that the first page measured does not pay the JIT's warm-up for the rest
  // (the floor page measured first answered about 20% fewer requests than the sign-in page).
  const planned: {
    page: (typeof BENCH_PAGES)[number];
    routeId?: string;
    path?: string;
    headers: Record<string, string>;
  }[] = [];
  for (const page of BENCH_PAGES) {
    const routeId = page.routes.find((id) => build.routes[id]);
    const path = benchPath(page, build);
    const headers: Record<string, string> = { "Accept-Language": "fr", "Accept-Encoding": "gzip" };
    if (cookies[page.who]) headers.Cookie = cookies[page.who];
    planned.push({ page, routeId, path: path?.(database.fixture), headers });
  }
  for (const { path, headers } of planned) {
    if (path) await autocannon({ url: app.url + path, connections, duration: 1, headers });
  }
  for (const { page, routeId, path, headers } of planned) {
    if (!routeId || !path) {
      results.push({ label: page.label, route: page.routes[0]!, path: "-", note: "not available in this build (404)" });
      continue;
    }
    const probe = await fetch(app.url + path, { headers, redirect: "manual" });
    await probe.arrayBuffer();
    if (probe.status !== 200) {
      results.push({ label: page.label, route: routeId, path, note: `answered ${probe.status}, not measured` });
      continue;
    }
    results.push({
      label: page.label,
      share: page.share,
      p99Target: page.p99,
      route: routeId,
      path,
      ...(await measure(app.url + path, headers)),
    });
    process.stdout.write(".");
  }
  process.stdout.write("\n");
  const memory = residentMemory(app.pid);
  const floor = results[0]?.rps ?? 0;
  const os = await import("node:os");
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
  console.log(
    `\n${connections} connections, ${seconds} s per page, ${os.cpus().length} cores, Node ${process.version}; load average ${load} (other work on the machine skews the figures)\n`,
  );
  const w = Math.max(...results.map((r) => r.label.length));
  console.log(
    `${"page".padEnd(w)}  ${"req/s".padStart(7)}  ${"p50 ms".padStart(6)}  ${"p99 ms".padStart(6)}  ${"errors".padStart(6)}  ${"floor".padStart(5)}  path`,
  );
  const misses: string[] = [];
  for (const r of results) {
    if (r.rps === undefined) {
      console.log(`${r.label.padEnd(w)}  ${r.note}  (${r.route})`);
      continue;
    }
    const ratio = floor ? r.rps / floor : 0;
    console.log(
      `${r.label.padEnd(w)}  ${r.rps.toFixed(0).padStart(7)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ${String(r.errors).padStart(6)}  ${`${(ratio * 100).toFixed(0)}%`.padStart(5)}  ${r.path}`,
    );
    if (r.share !== undefined && ratio < r.share)
      misses.push(`${r.label}: ${(ratio * 100).toFixed(0)}% of the floor (target ${(r.share * 100).toFixed(0)}%)`);
    if (r.p99Target !== undefined && (r.p99 ?? 0) > r.p99Target)
      misses.push(`${r.label}: p99 ${r.p99} ms (target ${r.p99Target} ms)`);
    if (r.errors) misses.push(`${r.label}: ${r.errors} errors`);
  }
  if (memory) {
    console.log(
      `\nserver resident memory after the load: ${(memory.rss / 2 ** 20).toFixed(0)} MB (peak ${(memory.peak / 2 ** 20).toFixed(0)} MB; target under 300 MB)`,
    );
    if (memory.rss > 300 * 2 ** 20) misses.push("resident memory over 300 MB");
  }
  console.log(misses.length ? `\nTARGETS MISSED:\n  ${misses.join("\n  ")}` : "\nall targets met");
  console.log(`(total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await app.stop();
  await database.drop();
}
