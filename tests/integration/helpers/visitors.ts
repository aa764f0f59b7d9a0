/**
 * The demo data and a client for each kind of visitor (anonymous, and the demo account
 * that plays each role: tests/access), made before a file's tests: the walks through
 * every route of the access matrix read both.
 */
import { beforeAll } from "vitest";
import { seedDemo } from "../../../db/seed";
import type { Fixture, Who } from "../../access/types";
import { clientsForEveryone, type TestApp, type TestClient } from "./app";
import type { TestDb } from "./test-db";

export type DemoVisitors = { fixture: Fixture; clients: Record<Who, TestClient> };

/** Call at the top of a file, after useTestDb and useTestApp; the fields are there once the file's tests run. */
export function useDemoVisitors(t: TestDb, app: TestApp): DemoVisitors {
  const box = {} as DemoVisitors;
  beforeAll(async () => {
    box.fixture = await seedDemo(t.db);
    box.clients = await clientsForEveryone(app);
  });
  return box;
}
