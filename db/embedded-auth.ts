/**
 * Passwords of the embedded PostgreSQL. The server accepts only scram-sha-256 password
 * sign-ins over 127.0.0.1 (no Unix socket, no `trust`). Its two roles' passwords are
 * generated at initdb and kept beside the data folder, never in it (a copy of the data
 * folder or a backup of it carries no password): `<data folder>.passwords.json`, mode
 * 600, e.g. `.data/pg.passwords.json` beside `.data/encryption.key`.
 *   - `postgres`: the superuser, which owns the databases and runs the migrations;
 *   - `masar_app`: the application's role, which owns nothing (db/roles.ts).
 * A data folder made before passwords (trust for every local connection) is upgraded
 * in place at its next start: passwords set, this file written, pg_hba.conf replaced.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { APP_ROLE, quoteIdent } from "./roles";

export type Credentials = { superuser: string; app: string };

export const SUPERUSER = "postgres";

/** Where the passwords of the data folder `requested` (as configured, before relocation) live. */
export function credentialsFile(requested: string): string {
  const abs = path.resolve(requested);
  return `${abs}.passwords.json`;
}

export function generateCredentials(): Credentials {
  const password = () => randomBytes(24).toString("base64url");
  return { superuser: password(), app: password() };
}

export function readCredentials(file: string): Credentials | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<Credentials>;
  if (typeof parsed.superuser !== "string" || typeof parsed.app !== "string") {
    throw new Error(`${file} is not a password file of the embedded database (expected "superuser" and "app")`);
  }
  return { superuser: parsed.superuser, app: parsed.app };
}

/** Written whole or not at all, readable by its owner only. */
export function writeCredentials(file: string, credentials: Credentials) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const staging = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(staging, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  fs.chmodSync(staging, 0o600);
  fs.renameSync(staging, file);
}

/** Only TCP from this machine, only with a password (the Unix socket is off in postgresql.conf). */
export const HBA = [
  "# written by Masar's embedded launcher: passwords only, this machine only",
  "# TYPE  DATABASE  USER  ADDRESS       METHOD",
  "host    all       all   127.0.0.1/32  scram-sha-256",
  "",
].join("\n");

export function writeHba(dataDir: string) {
  const file = path.join(dataDir, "pg_hba.conf");
  // rewriting in place keeps the file's owner (the postgres system user when we are root)
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === HBA) return;
  fs.writeFileSync(file, HBA);
}

/** A file initdb can read (`--pwfile`), in a folder of its own; `remove` deletes both. */
export function passwordFileFor(password: string, runAs: { uid: number; gid: number } | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-pw-"));
  const file = path.join(dir, "pw");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  if (runAs) {
    fs.chownSync(dir, runAs.uid, runAs.gid);
    fs.chownSync(file, runAs.uid, runAs.gid);
  }
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function urlFor(port: number, user: string, password: string, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * The roles as the passwords file says: the superuser's password, and the app role,
 * created if missing, with no rights of its own beyond signing in.
 */
export async function ensureRoles(port: number, credentials: Credentials) {
  const sql = postgres(urlFor(port, SUPERUSER, credentials.superuser, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const app = quoteIdent(APP_ROLE);
    const [exists] = await sql<{ n: number }[]>`select count(*)::int as n from pg_roles where rolname = ${APP_ROLE}`;
    if (!exists?.n) {
      try {
        await sql.unsafe(`create role ${app} login`);
      } catch (error) {
        // a concurrent starter created it first
        if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
      }
    }
    await sql.unsafe(
      `alter role ${app} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${literal(credentials.app)}`,
    );
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/**
 * A data folder from before passwords: its server (started with its old pg_hba.conf)
 * still lets `postgres` in without one. Give the roles passwords, keep them, then
 * close the door (pg_hba.conf, reloaded).
 */
export async function upgradeLegacy(port: number, dataDir: string, file: string): Promise<Credentials> {
  const open = postgres(`postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, {
    max: 1,
    connect_timeout: 5,
    onnotice: () => {},
  });
  const credentials = generateCredentials();
  try {
    try {
      await open`select 1`;
    } catch {
      throw new Error(
        `The embedded database in ${dataDir} asks for a password, but its password file ${file} is missing. ` +
          `Restore that file, or move the data folder away to start with an empty database (its data stays in the moved folder).`,
      );
    }
    writeCredentials(file, credentials);
    await open.unsafe(`alter role ${quoteIdent(SUPERUSER)} password ${literal(credentials.superuser)}`);
    writeHba(dataDir);
    await open`select pg_reload_conf()`;
  } finally {
    await open.end({ timeout: 2 });
  }
  return credentials;
}

/** A string literal for the few statements that take no parameters (ALTER ROLE … PASSWORD). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
