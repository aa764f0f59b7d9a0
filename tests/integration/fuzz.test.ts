/**
 * A small run of the fuzzer (tests/fuzz/core.ts; `npm run fuzz` posts 10,000):
 * malformed posts to every action of the build, as anonymous and as each demo role.
 * Never a 5xx, and nothing changed that the visitor was not allowed to change.
 */
import { beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../db/seed";
import type { Fixture } from "../access/types";
import { runFuzz } from "../fuzz/core";
import { loadBuild, useTestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
// behind a "proxy", so each fuzzed post has an address of its own and sign-in
// throttling by address does not lock out the demo accounts' sign-ins
const app = useTestApp(t, { trustProxy: "1" });
let fixture: Fixture;

beforeAll(async () => {
  fixture = await seedDemo(t.db);
});

it("300 malformed posts across every action: no 5xx, no forbidden change", async () => {
  const report = await runFuzz({
    baseUrl: app.url,
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
