/**
 * A database that is away must give the translated 503 page, from the middleware
 * (session check) and from loaders and actions alike, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client";
import { freePort } from "../../db/embedded";
import { withDatabaseErrorsAsPages } from "../../app/server/app.server";
import { loadBuild, startTestApp, TestClient, type TestApp } from "./helpers/app";

let handle: DbHandle;
let app: TestApp;

beforeAll(async () => {
  // a real driver pointed at a port where nothing listens: every query fails to connect
  handle = createDb(`postgres://postgres@127.0.0.1:${await freePort()}/masar`, { max: 2 });
  app = await startTestApp(handle.db);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("database away", () => {
  it("an action that needs the database answers the translated 503 page", async () => {
    const client = new TestClient(app.url, { Cookie: "lng=ar" });
    const response = await client.post("/login", { identifier: "applicant@masar.test", password: "masar-demo-2026" });
    expect(response.status).toBe(503);
    // when to try again, though Remix renders the error boundary without the thrown answer's headers
    expect(response.headers.get("retry-after")).toBe("5");
    const html = await response.text();
    expect(html).toContain("الخدمة غير متاحة مؤقتا");
    expect(html).not.toMatch(/ECONNREFUSED|postgres|at .*\.js/);
  });

  it("a signed-in visitor gets the 503 page from the session check", async () => {
    const client = new TestClient(app.url, { Cookie: "lng=fr; masar_session=abcdefghijklmnop" });
    const response = await client.get("/home");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toContain("Service momentanément indisponible");
  });

  it("a loader that loses the database throws a 503 Response, not the driver's error", async () => {
    const build = withDatabaseErrorsAsPages(await loadBuild());
    // after a form's action (a POST), the root loader counts the unread notifications again
    const root = build.routes.root!.module.loader!;
    const context = {
      db: handle.db,
      auth: { user: { id: "00000000-0000-0000-0000-000000000000", role: "applicant" } },
      locale: "fr",
    };
    const args = {
      request: new Request("http://localhost/", { method: "POST" }),
      params: {},
      context,
    } as unknown as Parameters<typeof root>[0];
    const thrown = await Promise.resolve(root(args)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
  });
});
