/**
 * What the server writes to its log: one line per request with the fields an operator
 * follows a request by, and nothing of a failing query's text or values.
 */
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "../../db/client";
import { DEMO_PASSWORD, makeUser } from "../factories";
import { TestClient } from "./helpers/app";
import { memoryLogger, serve } from "./helpers/log";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();

describe("the request log", () => {
  it("writes one line per request: request id, route id, status, duration and user id", async () => {
    const memory = memoryLogger();
    const app = await serve(t.db, memory.logger);
    try {
      const user = await makeUser(t.db);
      const client = new TestClient(app.url);
      await client.login(user.email!, DEMO_PASSWORD);
      const page = await client.get(`/home?q=${encodeURIComponent("Fatima Zahra")}`);
      expect(page.status).toBe(200);
      await page.text();
      const requestLines = memory.lines.filter((l) => l.event === "request");
      const home = requestLines.filter((l) => l.route === "routes/home");
      expect(home).toHaveLength(1);
      expect(home[0]).toMatchObject({ level: "info", method: "GET", status: 200, userId: user.id });
      expect(home[0]!.reqId).toBe(page.headers.get("x-request-id"));
      expect(typeof home[0]!.ms).toBe("number");
      const login = requestLines.find((l) => l.route === "routes/login");
      expect(login).toMatchObject({ method: "POST", status: 302, userId: null });
      // every request has its own id; no path, query string or e-mail in the log
      expect(new Set(requestLines.map((l) => l.reqId)).size).toBe(requestLines.length);
      expect(memory.text()).not.toContain("Fatima");
      expect(memory.text()).not.toContain(user.email!);
    } finally {
      await app.close();
    }
  });
});

describe("a failing query in the log", () => {
  it("keeps the error's code and drops the query's text and values", async () => {
    const canary = "canary-4f7a9e-rachida@masar.test";
    const memory = memoryLogger();
    // a database without the portal's tables: the sign-in query fails with 42P01
    const empty = createDb(inject("pgAdminUrl"), { max: 2 });
    const app = await serve(empty.db, memory.logger);
    try {
      const client = new TestClient(app.url);
      const response = await client.post("/login", { identifier: canary, password: "canary-password-0677112233" });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain(canary);
      // a value PostgreSQL itself quotes in its message: invalid input syntax for type uuid: "<value>"
      const failed = await t.db.execute(sql`select ${canary}::uuid`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(Error);
      memory.logger.error({ err: failed }, "query failed");

      const errors = memory.lines.filter((l) => l.level === "error");
      expect(errors.map((l) => (l.err as { cause?: { code?: string } }).cause?.code)).toEqual(["42P01", "22P02"]);
      expect(errors[0]!.reqId).toEqual(expect.any(String));
      const text = memory.text();
      for (const secret of [canary, "canary-password", "0677112233", "select", "params"]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await app.close();
      await empty.close();
    }
  });
});
