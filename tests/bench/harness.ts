/**
 * What the benchmark, fault and fuzz scripts share: a fresh database (the embedded
 * server in a temporary folder, or a new database on TEST_DATABASE_URL's server),
 * migrated and seeded; the BUILT app as a child process (so its memory can be read
 * and it can be killed); and signed-in cookies for the demo accounts.
 *
 * Pages and actions are found from the build's route manifest and the access
 * matrix (tests/access), never listed by hand, so modules merged later are covered.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createDb, type DbHandle } from "../../db/client";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../db/seed";
import { ACCESS_MATRIX } from "../access";
import { ACTING, type AccessEntry, type Fixture, type Who } from "../access/types";
import { DEMO_PASSWORD } from "../factories";
import { scratchDatabase } from "../helpers/scratch-database";

export const root = path.resolve(import.meta.dirname, "../..");

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

/** Every value of a repeatable option (`--node-arg a --node-arg b`). */
export function args(name: string): string[] {
  return process.argv.flatMap((a, i) => (process.argv[i - 1] === `--${name}` ? [a] : []));
}

/** `--env NAME=value` (repeatable): the app's environment, to compare allocators' settings. */
export function envArgs(): Record<string, string> {
  return Object.fromEntries(args("env").map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]));
}

export async function loadBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
}

export type TestDatabase = {
  url: string;
  /** the embedded server, when we run one (faults stop and start it) */
  embedded: EmbeddedServer | null;
  dataDir: string | null;
  handle: DbHandle;
  fixture: Fixture;
  seeded: string;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  drop(): Promise<void>;
};

/**
 * A fresh, migrated database with the demo data; at scale too when the reporting
 * module's `seed:scale` script exists in package.json (`scale` beneficiaries).
 */
export async function freshDatabase(options: { scale?: number } = {}): Promise<TestDatabase> {
  let url: string;
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let tempDir: string | null = null;
  let dropExternal: (() => Promise<void>) | null = null;
  // protection data is encrypted at rest: a throwaway key for this run (the seed writes
  // assessments with it, and the app started by startApp inherits it), as the tests do
  process.env.MASAR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  if (process.env.TEST_DATABASE_URL) {
    const scratch = await scratchDatabase(process.env.TEST_DATABASE_URL, "bench");
    url = scratch.url;
    dropExternal = scratch.drop;
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-bench-"));
    fs.chmodSync(tempDir, 0o755);
    dataDir = path.join(tempDir, "pg");
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), temporary: tempDir });
    url = embedded.url;
  }
  const handle = createDb(url, { max: 5 });
  let fixture: Fixture;
  try {
    await runMigrations(url);
    fixture = await seedDemo(handle.db);
  } catch (error) {
    // leave no database server or folder behind when the migrations or the seed fail
    await handle.close().catch(() => {});
    if (dropExternal) await dropExternal().catch(() => {});
    await embedded?.stop().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  let seeded = "demo data only (no seed:scale script in this build)";
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  if (pkg.scripts["seed:scale"] && options.scale) {
    const started = Date.now();
    const result = spawnSync("npm", ["run", "-s", "seed:scale", "--", "--beneficiaries", String(options.scale)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "inherit", "inherit"],
    });
    seeded =
      result.status === 0
        ? `demo data + seed:scale --beneficiaries ${options.scale} (${((Date.now() - started) / 1000).toFixed(0)} s)`
        : `demo data only: seed:scale failed with status ${result.status}`;
  }
  const port = embedded?.port ?? 0;
  return {
    url,
    embedded,
    dataDir: embedded?.dataDir ?? null,
    handle,
    fixture,
    seeded,
    async stopServer() {
      if (!embedded) throw new Error("stopping the database needs the embedded server (unset TEST_DATABASE_URL)");
      await embedded.stop();
    },
    async startServer() {
      if (!embedded) throw new Error("starting the database needs the embedded server");
      embedded = await startEmbeddedPostgres({ dataDir: dataDir!, port, temporary: tempDir! });
    },
    async drop() {
      await handle.close().catch(() => {});
      if (dropExternal) await dropExternal();
      await embedded?.stop();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

export type AppProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
  exited: Promise<number | null>;
};

/**
 * What `npm start` sets before `app/server/start.js`, read from package.json so that the
 * benchmarks run the server as production does: its environment (`NAME=value`) and
 * node's flags (memory settings: docs/performance.md, "Memory").
 */
function productionStart(): { env: Record<string, string>; nodeArgs: string[] } {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }
  ).scripts;
  const words = scripts.start.split(/\s+/);
  const node = words.indexOf("node");
  const env = Object.fromEntries(
    words.slice(0, node).map((w) => [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]),
  );
  return { env, nodeArgs: words.slice(node + 1).filter((w) => w.startsWith("--")) };
}

/**
 * The servers this benchmark started, killed when its process exits however it ends: a
 * benchmark that fails between starting a server and its `finally` (a second build that
 * does not start, an error thrown on the way) left them running, idle, until killed by hand.
 */
const servers = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of servers) if (child.exitCode === null && !child.signalCode) child.kill("SIGKILL");
});
function watched(child: ChildProcess): ChildProcess {
  servers.add(child);
  child.on("exit", () => servers.delete(child));
  return child;
}

/** The production server (`npm start`: node app/server/start.js over the build) on `databaseUrl`, as a child process. */
export async function startApp(
  databaseUrl: string,
  options: {
    quiet?: boolean;
    env?: Record<string, string>;
    nodeArgs?: string[];
    /** another checkout's build (bench:cpu --against): a folder with its build/, public/, app/server/start.js */
    checkout?: string;
  } = {},
): Promise<AppProcess> {
  const port = await freePort();
  const checkout = options.checkout ?? root;
  const production = productionStart();
  const nodeArgs = [...production.nodeArgs, ...(options.nodeArgs ?? [])];
  const child = watched(
    spawn(process.execPath, [...nodeArgs, path.join(checkout, "app/server/start.js")], {
      cwd: checkout,
      env: {
        ...process.env,
        ...production.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        ...options.env,
      },
      stdio: ["ignore", options.quiet ? "ignore" : "inherit", "pipe"],
    }),
  );
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    if (!options.quiet) process.stderr.write(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the app did not answer /healthz within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU time a process has used so far (user + system), in ms, from /proc (Linux). */
export function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // the fields after the command's name, which is in brackets and may hold spaces
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Resident memory of a process, from /proc (Linux). */
export function residentMemory(pid: number): { rss: number; peak: number; anonymous: number; files: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    // anonymous: the heaps (V8's, the allocator's); files: the mapped code (node, .so files)
    return { rss: kb("VmRSS"), peak: kb("VmHWM"), anonymous: kb("RssAnon"), files: kb("RssFile") };
  } catch {
    return null;
  }
}

/** Sign in through the real form; returns the Cookie header to send. */
export async function signIn(baseUrl: string, identifier: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier, password }),
    redirect: "manual",
  });
  if (response.status !== 302) throw new Error(`sign-in of ${identifier} failed with ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

export async function signInEveryone(baseUrl: string): Promise<Record<Who, string>> {
  const cookies = { anonymous: "" } as Record<Who, string>;
  for (const [who, identifier] of Object.entries(ACTING)) cookies[who as Who] = await signIn(baseUrl, identifier);
  return cookies;
}

/** The access-matrix rows for a route whose page `who` may open (expected 200). */
export function pagesFor(routeId: string, who: Who): AccessEntry[] {
  return ACCESS_MATRIX.filter((e) => e.route === routeId && e.expect[who] === 200);
}

/** Fill a route's path pattern: from the access matrix when it has a row, else random uuids. */
export function pathsForRoute(routeId: string, pattern: string, fixture: Fixture): string[] {
  const fromMatrix = ACCESS_MATRIX.filter((e) => e.route === routeId).flatMap((e) => {
    try {
      return [e.path(fixture).split("?")[0]!];
    } catch {
      return [];
    }
  });
  if (fromMatrix.length) return [...new Set(fromMatrix)];
  return [
    "/" +
      pattern
        .split("/")
        .filter(Boolean)
        .map((seg) => (seg.startsWith(":") ? randomUUID() : seg === "*" ? "x" : seg))
        .join("/"),
  ];
}

/** Every route of the build with its full URL pattern (parents' paths joined). */
export function routePatterns(build: ServerBuild): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of Object.keys(build.routes)) {
    const parts: string[] = [];
    for (let r = build.routes[id]; r; r = r.parentId ? build.routes[r.parentId] : undefined) {
      if (r.path) parts.unshift(r.path);
    }
    out.set(id, "/" + parts.join("/").replace(/^\/+/, ""));
  }
  return out;
}

/**
 * The framework's floor (tests/bench/floor-app): a bare Remix 2 app, one static route,
 * Express with no middleware, production build; built here, then started like the
 * portal. Every page's share is measured against it in the same run.
 */
export async function startFrameworkFloor(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const dir = path.join(root, "tests/bench/floor-app");
  const built = spawnSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`the floor app did not build: ${built.stderr}`);
  const port = await freePort();
  const child = watched(
    spawn(process.execPath, [path.join(dir, "server.js")], {
      cwd: dir,
      env: { ...process.env, PORT: String(port), NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the floor app exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the floor app did not answer within 30 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
