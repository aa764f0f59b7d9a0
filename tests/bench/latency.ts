/**
 * `npm run bench:latency -- --page "<label>" [--page …] --variant default --variant NAME=value [--rounds 3 --seconds 4]`:
 * the latency (p50, p90, p99) and requests per second of pages of BENCH_PAGES at 50
 * connections, for the same build started with each variant of its environment in turn
 * (`default`: as `npm start` runs it), round after round, on one database (demo data +
 * 2,000 scale). On a shared machine the figures move from one run to the next: compare the
 * variants within a round, over several rounds. Run `npm run build` first.
 */
import os from "node:os";
import autocannon from "autocannon";
import { BENCH_PAGES, benchPath } from "./pages";
import { arg, args, freshDatabase, loadBuild, signInEveryone, startApp } from "./harness";

const seconds = Number(arg("seconds", "4"));
const rounds = Number(arg("rounds", "3"));
const connections = Number(arg("connections", "50"));
const labels = args("page");
const variants = args("variant");
if (!labels.length || !variants.length) {
  console.error('give at least one --page "<label>" and one --variant (default, or NAME=value)');
  process.exit(2);
}
const build = await loadBuild();
const database = await freshDatabase({ scale: 2000 });
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`${connections} connections, ${seconds} s per page after 2 s; load average ${load()}`);
try {
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      const env: Record<string, string> =
        variant === "default"
          ? {}
          : { [variant.slice(0, variant.indexOf("="))]: variant.slice(variant.indexOf("=") + 1) };
      const app = await startApp(database.url, { quiet: true, env });
      try {
        const cookies = await signInEveryone(app.url);
        for (const label of labels) {
          const page = BENCH_PAGES.find((p) => p.label === label);
          const path = page && benchPath(page, build);
          if (!page || !path) throw new Error(`no page "${label}" in BENCH_PAGES or in this build`);
          const headers: Record<string, string> = { "Accept-Language": "fr", "Accept-Encoding": "gzip" };
          if (cookies[page.who]) headers.Cookie = cookies[page.who];
          const url = app.url + path(database.fixture);
          await autocannon({ url, connections, duration: 2, headers });
          const r = await autocannon({ url, connections, duration: seconds, headers });
          console.log(
            `round ${round}  ${variant.padEnd(20)} ${label.padEnd(24)} ${r.requests.average.toFixed(0).padStart(5)} req/s  p50 ${r.latency.p50}  p90 ${r.latency.p90}  p99 ${r.latency.p99}  errors ${r.errors + r.timeouts + r.non2xx}`,
          );
        }
      } finally {
        await app.stop();
      }
    }
  }
  console.log(`load average at the end ${load()}`);
} finally {
  await database.drop();
}
