/**
 * `npx tsx tests/bench/queries.ts [-- --scale 0 --verbose yes --time yes --openings 0]`: the
 * SQL statements each page of `npm run bench:http`'s list sends for one request, counted
 * in-process (the built app over a drizzle handle that writes every statement down), on a
 * fresh database with the demo data. A page whose count grows with its data is an N+1.
 *
 * `--time yes` also sends each statement again, 300 times on one connection as a prepared
 * statement after 30 to settle PostgreSQL's choice of plan, and prints its median round
 * trip and whether the server kept a generic plan or planned it anew each time (custom).
 * `--openings N` first records N more openings of the case file (audit rows), as a file
 * viewed for years would have: its statements must not grow with them.
 *
 * Run `npm run build` first. Counts do not depend on the machine's load.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Database } from "../../db/client";
import * as schema from "../../db/schema";
import { createApp } from "../../app/server/app.server";
import { BENCH_PAGES, benchPath } from "./pages";
import { arg, freshDatabase, loadBuild, root, signInEveryone } from "./harness";

const scale = Number(arg("scale", "0"));
const verbose = arg("verbose", "no") === "yes";
const time = arg("time", "no") === "yes";
const openings = Number(arg("openings", "0"));
const build = await loadBuild();
const database = await freshDatabase({ scale });
const statements: { query: string; params: unknown[] }[] = [];
const counted = drizzle(database.handle.sql, {
  schema,
  casing: "snake_case",
  logger: { logQuery: (query, params) => void statements.push({ query, params }) },
}) as Database;
const app = createApp({ build, db: counted, publicDir: path.join(root, "public") });
const server = app.listen(0, "127.0.0.1");
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
/** The median round trip of a statement sent again as a prepared statement, and the plan PostgreSQL kept. */
async function timed(query: string, params: unknown[]) {
  const values = params.map((v) => (v instanceof Date ? v.toISOString() : v)) as never[];
  const connection = await database.handle.sql.reserve();
  try {
    for (let i = 0; i < 30; i++) await connection.unsafe(query, values, { prepare: true });
    const runs: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      await connection.unsafe(query, values, { prepare: true });
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    const [plans] = await connection.unsafe(
      "select generic_plans, custom_plans from pg_prepared_statements where statement = $1",
      [query],
    );
    const kept = plans ? (Number(plans.generic_plans) > Number(plans.custom_plans) ? "generic" : "custom") : "?";
    return `${runs[150]!.toFixed(2)} ms (${kept} plan)`;
  } finally {
    await connection.unsafe("deallocate all");
    connection.release();
  }
}

/** `count` more openings of the case last opened (copies of its latest audit row, a millisecond apart). */
async function recordOpenings(count: number) {
  await database.handle.sql`
    insert into audit_log (actor_id, actor_role, organisation_id, action, entity_type, entity_id, at)
    select l.actor_id, l.actor_role, l.organisation_id, l.action, l.entity_type, l.entity_id, l.at + g * interval '1 ms'
    from (select * from audit_log where action = 'protection.case.view' order by id desc limit 1) l,
      generate_series(1, ${count}) g`;
  await database.handle.sql`analyze audit_log`;
}

try {
  const cookies = await signInEveryone(url);
  for (const page of BENCH_PAGES) {
    const path = benchPath(page, build);
    if (!path) continue;
    const headers: Record<string, string> = { "Accept-Language": "fr" };
    if (cookies[page.who]) headers.Cookie = cookies[page.who];
    const target = url + path(database.fixture);
    await (await fetch(target, { headers })).text(); // a first request warms the caches
    if (openings && page.label === "a case file") await recordOpenings(openings);
    statements.length = 0;
    const response = await fetch(target, { headers });
    await response.text();
    console.log(`${page.label}: ${statements.length} statements (status ${response.status})`);
    for (const s of [...statements]) {
      const text = s.query.replace(/\s+/g, " ");
      if (verbose) console.log(`    ${text.slice(0, 220)}`);
      if (time) console.log(`    ${await timed(s.query, s.params)}  ${text.slice(0, 70)}`);
    }
  }
} finally {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.drop();
}
