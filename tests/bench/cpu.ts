/**
 * `npm run bench:cpu [-- --requests 300 --rounds 3 --scale 2000]`: the server's
 * own CPU time per request for each page of `npm run bench:http`'s list, as a share of the
 * framework's floor (tests/bench/floor-app): requests one after the other (4 in flight),
 * each process's user + system time from /proc. Before each page, in each of `--rounds`
 * rounds (3), the floor answers as many requests (`--requests`, 300, each block after its
 * own warm-up), and the page's share is the median of the floor's blocks over the median
 * of the page's: the two see nearly the same minutes of the machine's load, so the share
 * does not drift with what ran between them (docs/decisions/0217-cpu-shares-beside-the-floor.md).
 * First every page, then the floor, answer `--warm` requests (3,000) unmeasured: a server's
 * figure while the JIT still compiles it is not its figure in service. A page's share
 * is the floor's CPU per request over the page's: what its throughput could be at most,
 * as a share of the floor's, when the server's CPU is the limit.
 *
 * Unlike requests per second, CPU time does not depend much on what else runs on the
 * machine (the 2 cores are shared), so this is the figure to compare a change with.
 * The database's own CPU (a separate process) is not counted. Run `npm run build` first.
 *
 * `--against <folder>` compares with another build on the same database, the two
 * measured in turn page by page (`--rounds`, default 3, the median kept; the floor is then
 * measured once after the warm-up, the same rounds), so that the
 * machine's changing load falls on both alike; with `--batch <n>`, in alternated batches
 * of n requests instead (`cpuInterleaved`: much less noise than rounds). The folder: another checkout's `build/`,
 * `public/` and `app/server/start.js` beside links to this one's `db/`, `node_modules/`
 * and `package.json` (`tests/bench/against.sh <ref>` makes one). `--env NAME=value` and
 * `--node-arg <flag>` set this build's server's environment and node flags only.
 */
import os from "node:os";
import { BENCH_PAGES, benchPath } from "./pages";
import {
  arg,
  args,
  cpuTimeMs,
  envArgs,
  freshDatabase,
  loadBuild,
  signInEveryone,
  startApp,
  startFrameworkFloor,
} from "./harness";
import { median } from "./scratch";

const requests = Number(arg("requests", "300"));
const scale = Number(arg("scale", "2000"));
const only = arg("page", "");
const against = arg("against", "");
const rounds = Number(arg("rounds", "3"));
const batch = Number(arg("batch", "0"));
const warm = Number(arg("warm", "3000"));

type Target = { pid: number; url: string; headers: Record<string, string> };

/** `n` requests to `url`, 4 in flight. */
async function load(url: string, headers: Record<string, string>, n: number) {
  const fetchOne = async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  };
  let next = 0;
  const worker = async () => {
    while (next++ < n) await fetchOne();
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/**
 * CPU ms per request of two servers answering `count` requests each, in alternated
 * batches of `size` (a, b, then b, a...) after a warm-up of both: the machine's load,
 * which moves from one minute to the next on shared cores, falls on both alike (two
 * servers of one build differ by 4 to 7% over 1,200 requests this way, against up to
 * ±15% between rounds of 300 measured in turn, 7 December).
 */
async function cpuInterleaved(a: Target, b: Target, count: number, size: number) {
  for (const t of [a, b]) await load(t.url, t.headers, Math.max(20, count / 5));
  // each server's CPU over the whole alternation, not only during its own batches: work a
  // request leaves for later (garbage collection, the JIT's compilation on V8's threads)
  // may run while the other server has its turn, and belongs to the request all the same
  const start = [cpuTimeMs(a.pid), cpuTimeMs(b.pid)];
  for (let k = 0; k * size < count; k++) {
    for (const i of k % 2 ? [1, 0] : [0, 1]) {
      const t = i ? b : a;
      await load(t.url, t.headers, size);
    }
  }
  const done = Math.ceil(count / size) * size;
  const whole = [cpuTimeMs(a.pid) - start[0]!, cpuTimeMs(b.pid) - start[1]!];
  return [whole[0]! / done, whole[1]! / done] as const;
}

/** CPU ms per request of `pid` answering `url` `count` times, one request at a time (4 in flight). */
async function cpuPerRequest(pid: number, url: string, headers: Record<string, string>, count: number) {
  const run = (n: number) => load(url, headers, n);
  await run(Math.max(20, count / 5)); // warm-up: the JIT, the caches
  const before = cpuTimeMs(pid);
  const started = performance.now();
  await run(count);
  return { cpu: (cpuTimeMs(pid) - before) / count, wall: (performance.now() - started) / count };
}

const headers = { "Accept-Language": "fr", "Accept-Encoding": "gzip" };
const build = await loadBuild();
// the floor's server runs the whole time: without `--against` it answers in turn with each page
const framework = await startFrameworkFloor();
const floorTarget: Target = { pid: framework.pid, url: framework.url + "/", headers };
const database = await freshDatabase({ scale });
// `--env NAME=value` and `--node-arg <flag>` (repeatable) apply to this build's server
// only: with `--against` a build of the same code, they measure the settings' own cost
const app = await startApp(database.url, { quiet: true, env: envArgs(), nodeArgs: args("node-arg") });
const other = against ? await startApp(database.url, { quiet: true, checkout: against }) : null;
const rows: string[] = [];
const floorFigures: number[] = [];
try {
  const cookies = await signInEveryone(app.url);
  const otherCookies = other ? await signInEveryone(other.url) : null;
  // A running server has answered many requests before: every page and the floor answer
  // `--warm` requests (3,000) first, so that neither is measured while the JIT still
  // compiles it (a page measured first also paid for the code every page shares)
  for (const page of BENCH_PAGES) {
    if (only && page.label !== only) continue;
    const path = benchPath(page, build);
    if (!path) continue;
    for (const [server, jar] of [
      [app, cookies],
      ...(other && otherCookies ? [[other, otherCookies] as const] : []),
    ] as const) {
      const h: Record<string, string> = { ...headers };
      if (jar[page.who]) h.Cookie = jar[page.who];
      await load(server.url + path(database.fixture), h, warm);
    }
  }
  // the floor last: left idle a minute while the pages warmed, it answered its next block
  // at 1.2 to 1.5 ms per request, against 0.7 to 0.9 ms once busy again
  await load(floorTarget.url, headers, warm);
  // With `--against`, the floor is measured after the warm-up, the same rounds as the pages, the median kept
  if (other) {
    for (let r = 0; r < rounds; r++)
      floorFigures.push((await cpuPerRequest(framework.pid, floorTarget.url, headers, requests)).cpu);
  }
  for (const page of BENCH_PAGES) {
    if (only && page.label !== only) continue;
    const path = benchPath(page, build);
    if (!path) {
      rows.push(`${page.label.padEnd(30)} not available in this build`);
      continue;
    }
    const h: Record<string, string> = { ...headers };
    if (cookies[page.who]) h.Cookie = cookies[page.who];
    const mine: number[] = [];
    const theirs: number[] = [];
    const floors: number[] = [];
    const pageTarget: Target = { pid: app.pid, url: app.url + path(database.fixture), headers: h };
    if (!other) {
      // the floor just before the page, round after round: the two see nearly the same
      // minutes of the machine's load, so the share does not drift with what ran between
      // them. Blocks, not small alternated batches: tried once (batches of 20, load average
      // 6), those gave the case file half the share blocks gave it at the same load
      for (let r = 0; r < rounds; r++) {
        floors.push((await cpuPerRequest(framework.pid, floorTarget.url, headers, requests)).cpu);
        mine.push((await cpuPerRequest(app.pid, pageTarget.url, h, requests)).cpu);
      }
      floorFigures.push(...floors);
    } else if (batch && otherCookies) {
      const o: Record<string, string> = { ...headers };
      if (otherCookies[page.who]) o.Cookie = otherCookies[page.who];
      const [a, b] = await cpuInterleaved(
        pageTarget,
        { pid: other.pid, url: other.url + path(database.fixture), headers: o },
        requests,
        batch,
      );
      mine.push(a);
      theirs.push(b);
    } else if (otherCookies) {
      for (let r = 0; r < rounds; r++) {
        mine.push((await cpuPerRequest(app.pid, pageTarget.url, h, requests)).cpu);
        const o: Record<string, string> = { ...headers };
        if (otherCookies[page.who]) o.Cookie = otherCookies[page.who];
        theirs.push((await cpuPerRequest(other.pid, other.url + path(database.fixture), o, requests)).cpu);
      }
    }
    const cpu = median(mine);
    const floorCpu = floors.length ? median(floors) : median(floorFigures);
    const share = floorCpu / cpu;
    const compared = theirs.length
      ? `  against ${median(theirs).toFixed(2)} ms (${(((cpu - median(theirs)) / median(theirs)) * 100).toFixed(0)}%)`
      : `  (floor ${floorCpu.toFixed(2)} ms in its turns)`;
    rows.push(
      `${page.label.padEnd(30)} ${cpu.toFixed(2).padStart(7)} ${`${(share * 100).toFixed(0)}%`.padStart(6)}  (target ${(page.share * 100).toFixed(0)}%)${compared}`,
    );
  }
  rows.unshift(
    `${"framework floor (bare Remix)".padEnd(30)} ${median(floorFigures).toFixed(2).padStart(7)}   100%${other ? "" : "  (the median of its turns)"}`,
  );
} finally {
  await other?.stop();
  await app.stop();
  await framework.stop();
  await database.drop();
}
const how = !against
  ? `each after the floor's, ${rounds} round(s), the medians`
  : batch
    ? `in alternated batches of ${batch}`
    : `${rounds} round(s), the median`;
console.log(`\n${requests} requests per page, ${how}; ${database.seeded}; load average ${os.loadavg()[0]!.toFixed(1)}`);
console.log(`${"page".padEnd(30)} ${"CPU ms".padStart(7)}  floor's CPU / page's`);
for (const row of rows) console.log(row);
