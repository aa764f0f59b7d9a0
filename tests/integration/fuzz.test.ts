/**
 * A small run of the fuzzer (tests/fuzz/core.ts; `npm run fuzz` posts 10,000):
 * malformed posts to every action of the build, as anonymous and as each demo role.
 * Never a 5xx, and nothing changed that the visitor was not allowed to change.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../db/seed";
import { createApp } from "../../app/server/app.server";
import type { Fixture } from "../access/types";
import { runFuzz } from "../fuzz/core";
import { loadBuild } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
let fixture: Fixture;
let url = "";
let server: ReturnType<ReturnType<typeof createApp>["listen"]> | null = null;

beforeAll(async () => {
  fixture = await seedDemo(t.db);
  // behind a "proxy", so each fuzzed post has an address of its own and sign-in
  // throttling by address does not lock out the demo accounts' sign-ins
  const app = createApp({
    build: await loadBuild(),
    db: t.db,
    publicDir: path.resolve(import.meta.dirname, "../../public"),
    trustProxy: "1",
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server!.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

it("300 malformed posts across every action: no 5xx, no forbidden change", async () => {
  const report = await runFuzz({
    baseUrl: url,
    build: await loadBuild(),
    fixture,
    sql: t.sql,
    count: 300,
    seed: 20261129,
    forwardedFor: true,
    concurrency: 4,
  });
  expect(report.sent).toBeGreaterThanOrEqual(300);
  expect(report.actions.length).toBeGreaterThan(0);
  expect(report.serverErrors.map((e) => `${e.status} ${e.action} as ${e.who}: ${e.sample}`)).toEqual([]);
  expect(report.violations).toEqual([]);
}, 180_000);
