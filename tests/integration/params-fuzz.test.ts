/**
 * Malformed ids, days, numbers and choices in the path and the query string of
 * every route of the build, as anonymous and as each demo role (tests/fuzz/params.ts):
 * never a 5xx. A malformed id is a 404; a malformed query value a 400 that says,
 * in the visitor's language, which parameter could not be read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed";
import type { Fixture, Who } from "../access/types";
import { signInEveryone } from "../bench/harness";
import { runParamFuzz } from "../fuzz/params";
import { loadBuild, startTestApp, type TestApp } from "./helpers/app";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
let fixture: Fixture;
let app: TestApp;
let cookies: Record<Who, string>;

beforeAll(async () => {
  fixture = await seedDemo(t.db);
  app = await startTestApp(t.db);
  cookies = await signInEveryone(app.url);
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who: Who, lng?: string) =>
  fetch(app.url + path, {
    headers: { Cookie: [cookies[who], lng ? `lng=${lng}` : ""].filter(Boolean).join("; ") },
    redirect: "manual",
  });

describe("route parameters and query strings", () => {
  it("every route, every role, malformed ids and query values: no 5xx", async () => {
    const report = await runParamFuzz({ baseUrl: app.url, build: await loadBuild(), fixture, cookies });
    expect(report.sent).toBeGreaterThan(500);
    expect(report.serverErrors).toEqual([]);
    expect(report.byStatus.get(400) ?? 0).toBeGreaterThan(50);
    expect(report.byStatus.get(404) ?? 0).toBeGreaterThan(100);
  }, 900_000);

  it("a malformed id is a 404, even one that only looks like a uuid", async () => {
    const cases: [string, Who][] = [
      ["/grants/calls/------------------------------------", "admin"],
      ["/grants/applications/------------------------------------", "admin"],
      ["/protection/cases/not-a-uuid", "case_worker"],
      ["/plans/3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6g/summary", "applicant"],
      [`/plans/${fixture.businessPlans.halfPlan.id}/toString`, "applicant"],
    ];
    for (const [path, who] of cases) expect((await get(path, who)).status, `${path} as ${who}`).toBe(404);
  });

  it("31 February in a report's period is a 400 that names the parameter, in fr, ar and en", async () => {
    const path = "/reports?from=2026-02-31&to=2026-03-31";
    const fr = await get(path, "admin", "fr");
    expect(fr.status).toBe(400);
    expect(await fr.text()).toContain("«\u00a0from\u00a0» n&#x27;est pas une date réelle");
    const ar = await get(path, "admin", "ar");
    expect(ar.status).toBe(400);
    expect(await ar.text()).toContain("«from» ليس تاريخًا صحيحًا");
    const en = await get(path, "admin", "en");
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("“from” is not a real date (YYYY-MM-DD).");
  });

  it("a period that ends before it starts, or a quarter of year 0, is a 400, not another period", async () => {
    expect((await get("/reports?from=2026-03-31&to=2026-01-01", "admin")).status).toBe(400);
    expect((await get("/reports?quarter=0000-Q1", "admin")).status).toBe(400);
    expect((await get("/reports/quarterly.pdf?quarter=2026-Q1&lang=xx", "admin")).status).toBe(400);
    expect((await get("/reports?quarter=2026-Q1", "admin")).status).toBe(200);
  });

  it("a choice not offered is a 400; a search too long for its field is a 400", async () => {
    expect((await get("/admin/users?role=root", "admin")).status).toBe(400);
    expect((await get("/admin/users?role=coach", "admin")).status).toBe(200);
    expect((await get(`/admin/users?q=${"x".repeat(101)}`, "admin")).status).toBe(400);
  });
});
