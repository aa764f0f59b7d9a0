/**
 * `npx tsx tests/bench/queries.ts [-- --scale 0 --verbose yes]`: the SQL statements each
 * page of `npm run bench:http`'s list sends for one request, counted in-process (the
 * built app over a drizzle handle that writes every statement down), on a fresh
 * database with the demo data. A page whose count grows with its data is an N+1.
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
const build = await loadBuild();
const database = await freshDatabase({ scale });
const statements: string[] = [];
const counted = drizzle(database.handle.sql, {
  schema,
  casing: "snake_case",
  logger: { logQuery: (query) => void statements.push(query) },
}) as Database;
const app = createApp({ build, db: counted, publicDir: path.join(root, "public") });
const server = app.listen(0, "127.0.0.1");
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
try {
  const cookies = await signInEveryone(url);
  for (const page of BENCH_PAGES) {
    const path = benchPath(page, build);
    if (!path) continue;
    const headers: Record<string, string> = { "Accept-Language": "fr" };
    if (cookies[page.who]) headers.Cookie = cookies[page.who];
    const target = url + path(database.fixture);
    await (await fetch(target, { headers })).text(); // a first request warms the caches
    statements.length = 0;
    const response = await fetch(target, { headers });
    await response.text();
    console.log(`${page.label}: ${statements.length} statements (status ${response.status})`);
    if (verbose) for (const s of statements) console.log(`    ${s.replace(/\s+/g, " ").slice(0, 220)}`);
  }
} finally {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.drop();
}
