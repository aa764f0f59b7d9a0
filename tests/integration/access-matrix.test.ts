import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../db/seed/foundation";
import { seedDemo } from "../../db/seed";
import { ACCESS_MATRIX } from "../access";
import { EVERYONE, type Fixture, type Who } from "../access/types";
import { clientsForEveryone, loadBuild, useTestApp, type TestClient } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const app = useTestApp(t);

let fixture: Fixture;
let clients: Record<Who, TestClient>;

beforeAll(async () => {
  fixture = await seedDemo(t.db);
  clients = await clientsForEveryone(app);
});

describe("access matrix", () => {
  it("has a row for every route of the build", async () => {
    const build = await loadBuild();
    const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
    const covered = new Set(ACCESS_MATRIX.map((e) => e.route));
    const missing = routeIds.filter((id) => !covered.has(id));
    expect(missing, "routes missing from tests/access").toEqual([]);
    const stale = [...covered].filter((id) => !routeIds.includes(id));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
    expect(DEMO_ACCOUNTS.length).toBeGreaterThan(0);
  });

  // about a thousand requests: each visitor walks every route, the visitors at once
  it("answers every route, for every visitor, with the expected status", { timeout: 180_000 }, async () => {
    const mismatches: string[] = [];
    await Promise.all(
      EVERYONE.map(async (who) => {
        for (const entry of ACCESS_MATRIX) {
          const path = entry.path(fixture);
          const response = await clients[who].get(path);
          await response.arrayBuffer();
          if (response.status !== entry.expect[who]) {
            mismatches.push(`${entry.route} ${path} as ${who}: expected ${entry.expect[who]}, got ${response.status}`);
          }
        }
      }),
    );
    expect(mismatches.sort()).toEqual([]);
  });
});
