/**
 * porsager/postgres#1208: a transaction whose backend dies mid-query made postgres.js
 * write its ROLLBACK to a socket that was already gone, from a setImmediate, and the
 * TypeError ended the process (the portal used to catch it at process level). With the
 * patch (patches/postgres+*.patch) the transaction rejects CONNECTION_CLOSED and the
 * pool serves the next queries. Run in a child process: unpatched, it dies.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDb } from "./helpers/test-db";

const root = path.resolve(import.meta.dirname, "../..");
const t = useTestDb();

const SCRIPT = `
import postgres from "postgres";
const url = process.env.RACE_URL;
const sql = postgres(url, { max: 2, backoff: () => 0.2, onnotice() {} });
const killer = postgres(url, { max: 1 });
const outcomes = [];
for (let round = 0; round < 2; round++) {
  let pid = null;
  // the handler is attached at once: the transaction may reject while the killer's
  // query is still in flight, and a rejection with no handler yet ends the process
  const outcome = sql.begin(async (t) => {
    pid = (await t\`select pg_backend_pid() as pid\`)[0].pid;
    await t\`select pg_sleep(3)\`;
  }).then(() => "committed", (e) => e.code);
  while (pid === null) await new Promise((r) => setTimeout(r, 20));
  await killer\`select pg_terminate_backend(\${pid})\`;
  outcomes.push(await outcome);
  // a query or two may still meet the dying backend (57P01); then all of them answer
  let recovered = false;
  for (let attempt = 0; attempt < 10 && !recovered; attempt++) {
    const batch = await Promise.all([1, 2, 3].map(() => sql\`select 1 as one\`.then((r) => r[0].one, (e) => e.code)));
    recovered = batch.join(",") === "1,1,1";
    if (!recovered) await new Promise((r) => setTimeout(r, 200));
  }
  outcomes.push(recovered ? "recovered" : "stuck");
}
await sql.end({ timeout: 1 });
await killer.end({ timeout: 1 });
console.log(JSON.stringify(outcomes));
`;

describe("postgres.js with a backend that dies inside a transaction", () => {
  it("rejects the transaction, keeps the process alive, and the pool recovers", () => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", SCRIPT], {
      cwd: root,
      env: { ...process.env, RACE_URL: t.url },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.stderr).not.toMatch(/reading 'write'/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual(["CONNECTION_CLOSED", "recovered", "CONNECTION_CLOSED", "recovered"]);
  });
});
