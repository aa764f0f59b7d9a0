/**
 * One PostgreSQL for the whole integration run: the embedded server (fresh, in a
 * temporary folder) or the server at TEST_DATABASE_URL. Migrations run once into a
 * template database; every test file then gets its own copy (see test-db.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { makeThrowaway } from "../helpers/scratch-database";

let embedded: EmbeddedServer | null = null;
let tempDir: string | null = null;
let adminUrl = "";
let template = "";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    /** the run's server is the embedded one this set-up started (not TEST_DATABASE_URL's) */
    pgEmbedded: boolean;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-test-"));
    fs.chmodSync(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, "pg"),
      database: "postgres",
      throwaway: true,
      temporary: tempDir,
    });
    adminUrl = embedded.url;
  }
  template = `masar_template_${process.pid}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${template}`);
    await sql.unsafe(`create database ${template}`);
    await makeThrowaway(sql, template);
  } finally {
    await sql.end();
  }
  await runMigrations(withDatabase(adminUrl, template));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  project.provide("pgEmbedded", embedded !== null);
}

export async function teardown() {
  if (adminUrl && template) {
    const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      // a copy a worker made ahead for a next file that never came (test-db.ts) may still be
      // in the making when the workers stop: waited for, so the list below holds it
      for (let wait = 0; wait < 100; wait++) {
        const [making] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
          where state = 'active' and query ilike ${`create database t\\_${process.pid}\\_%`}`;
        if (!making?.n) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // copies left by crashed files, then the template
      const leftovers = await sql<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`t_${process.pid}_%`}`;
      for (const { datname } of leftovers) await sql.unsafe(`drop database if exists ${datname} with (force)`);
      await sql.unsafe(`drop database if exists ${template} with (force)`);
    } finally {
      await sql.end();
    }
  }
  await embedded?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
