/**
 * No personal data in the logs: a case registration that fails in the database, with a
 * canary in every identity field, leaves no canary in the app's log, in anything the
 * process writes to stdout or stderr, or in the embedded PostgreSQL's log file, though
 * the database's error (a check violation) would quote the whole failing row.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it, onTestFinished } from "vitest";
import { createDb } from "../../../db/client";
import { startEmbeddedPostgres } from "../../../db/embedded";
import { runMigrations } from "../../../db/migrate";
import { APP_ROLE } from "../../../db/roles";
import { DEMO_PASSWORD, makeOrganisation, makeUser } from "../../factories";
import { TestClient } from "../helpers/app";
import { memoryLogger, serve } from "../helpers/log";
import { registration } from "./setup";

const CANARY = {
  firstName: "Logcanaryfirst",
  lastName: "Logcanarylast",
  nameArabic: "كناريسجل",
  phone: "0677 99 88 12",
  documentNumber: "LC-551177",
  householdNotes: "Logcanaryhousehold",
};
const LEAKS = [...Object.values(CANARY), "Logcanary", "677998812", "LC551177", "551177"];

/** Everything the process writes to stdout and stderr while `run` runs. */
async function capturingOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      chunks.push(String(chunk));
      return writes[i]!(chunk, ...rest);
    }) as typeof stream.write;
  });
  try {
    return { result: await run(), output: chunks.join("") };
  } finally {
    streams.forEach((stream, i) => (stream.write = writes[i]!));
  }
}

describe("a failing registration in the logs", () => {
  it("leaves no canary in the app's log, its output or the database's log", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-logs-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
    // the server's own folder too: run as root, a folder the postgres user cannot reach is
    // moved to /tmp/masar-data-<hash> (db/embedded.ts resolveDataDir), 51 MB left per run
    onTestFinished(() => {
      for (const dir of [dataDir, server.dataDir]) fs.rmSync(dir, { recursive: true, force: true });
    });
    const handle = createDb(server.appUrl, { max: 4 });
    try {
      await runMigrations(server.url, undefined, { appRole: APP_ROLE });
      const org = await makeOrganisation(handle.db);
      const worker = await makeUser(handle.db, { role: "case_worker", organisationId: org.id });
      // the owner makes every new case fail: PostgreSQL's error then quotes the failing row
      const owner = postgres(server.url, { max: 1, onnotice: () => {} });
      await owner`alter table beneficiary_cases add constraint logs_probe_check check (false) not valid`;
      await owner.end();

      const memory = memoryLogger();
      const app = await serve(handle.db, memory.logger);
      try {
        const client = new TestClient(app.url);
        await client.login(worker.email!, DEMO_PASSWORD);
        const { result: response, output } = await capturingOutput(async () => {
          const answer = await client.post("/protection/cases/new", registration(CANARY));
          return { status: answer.status, body: await answer.text() };
        });
        expect(response.status).toBe(500);
        // the control: the failure was logged, with its code
        const errors = memory.lines.filter((l) => l.level === "error");
        expect(JSON.stringify(errors)).toContain("23514");
        for (const leak of LEAKS) {
          expect(response.body, leak).not.toContain(leak);
          expect(memory.text(), leak).not.toContain(leak);
          expect(output, leak).not.toContain(leak);
        }
      } finally {
        await app.close();
      }
    } finally {
      await handle.close();
      await server.stop();
    }
    const log = fs.readFileSync(path.join(server.dataDir, "server.log"), "utf8");
    // the control: this is the server's log (it logs its own events, not the statements'
    // errors: db/embedded.ts QUIET_LOG, so neither the failing row nor a duplicate key)
    expect(log).toContain("database system is ready");
    for (const leak of LEAKS) expect(log, leak).not.toContain(leak);
  });
});
