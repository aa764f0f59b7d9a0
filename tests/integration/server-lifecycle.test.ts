/**
 * The portal's process around its requests: a stop that drains (healthz 503, the
 * outbox delivery in flight finishes and is recorded), and a database outage told to
 * the log once when it starts and once when it ends.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { freePort, startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { outbox } from "../../db/schema";
import { createApp } from "../../app/server/app.server";
import { createOutageMonitor } from "../../app/server/database-down.server";
import { parseEnv } from "../../app/server/env.server";
import { createLogger } from "../../app/server/logger.server";
import { outboxRow } from "../../app/modules/notifications/service.server";
import { startPortal } from "../../app/server/portal.server";
import { loadBuild } from "./helpers/app";
import { createAppRole } from "./helpers/app-role";
import { useTestDb } from "./helpers/test-db";

const t = useTestDb();
const root = path.resolve(import.meta.dirname, "../..");

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { logger: createLogger({ level: "info", destination }), lines };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("stopping the portal", () => {
  it("answers /healthz 503 while it drains, and lets the outbox delivery in flight finish", async () => {
    const [message] = await t.db
      .insert(outbox)
      .values(
        outboxRow({
          userId: null,
          kind: "test",
          channel: "sms",
          recipient: "+212600000099",
          body: "Votre rendez-vous",
          locale: "fr",
        }),
      )
      .returning();
    let release!: () => void;
    const delivering = new Promise<void>((r) => (release = r));
    let started = false;
    const memory = memoryLogger();
    const portal = await startPortal({
      env: parseEnv({
        DATABASE_URL: t.url,
        MASAR_ENCRYPTION_KEY: process.env.MASAR_ENCRYPTION_KEY,
        PORT: "0",
        HOST: "127.0.0.1",
        OUTBOX_INTERVAL_MS: "100",
      }),
      logger: memory.logger,
      build: await loadBuild(),
      root,
      transports: {
        email: null,
        sms: {
          name: "held",
          async send() {
            started = true;
            await delivering;
            return { status: "accepted" as const };
          },
        },
      },
    });
    const base = `http://127.0.0.1:${portal.port}`;
    const first = await fetch(`${base}/healthz`);
    expect(first.status).toBe(200);
    // idle connections outlive the clients' own (65 s, not Node's 5 s): a client reusing one
    // is not reset as the server closes it (decision 0149)
    expect(first.headers.get("keep-alive")).toBe("timeout=65");
    // DATABASE_URL alone, as the tests' superuser: the operator is told once
    expect(memory.lines.filter((l) => l.event === "database.role")).toMatchObject([
      { level: "warn", superuser: true, ownsTables: true },
    ]);
    await until(() => started, "the outbox delivery to start");

    let stopped = false;
    const stopping = portal.shutdown("test").then(() => (stopped = true));
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "draining" });
    // the stop waits for the message being sent: still draining, port still open
    await new Promise((r) => setTimeout(r, 300));
    expect(stopped).toBe(false);
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    release();
    await stopping;
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, message!.id));
    expect(row?.state).toBe("accepted");
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe("a database outage", () => {
  it("is logged once when it starts and once when it ends, not per request", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-outage-"));
    fs.chmodSync(dir, 0o755);
    let database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
    const port = database.port;
    const memory = memoryLogger();
    const outages = () => memory.lines.filter((l) => l.event === "database.down" || l.event === "database.up");
    // everything after the server's start is undone in `finally`, whatever fails first (a
    // missing build used to leave the embedded server running and its folder behind)
    let handle: ReturnType<typeof createDb> | undefined;
    let monitor: ReturnType<typeof createOutageMonitor> | undefined;
    let server: ReturnType<ReturnType<typeof createApp>["listen"]> | undefined;
    try {
      await runMigrations(database.url);
      handle = createDb(database.url, { max: 2 });
      monitor = createOutageMonitor({ db: handle.db, log: memory.logger, probeMs: 100 });
      const build = await loadBuild();
      server = createApp({
        build,
        db: handle.db,
        publicDir: path.join(root, "public"),
        logger: memory.logger,
        monitor,
      }).listen(0, "127.0.0.1");
      const listening = server;
      await new Promise<void>((r) => listening.once("listening", () => r()));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await database.stop();
      for (let i = 0; i < 4; i++) {
        expect((await fetch(`${base}/healthz`)).status).toBe(503);
        const page = await fetch(`${base}/home`, { headers: { Cookie: "masar_session=abcdefghijklmnop" } });
        expect(page.status).toBe(503);
      }
      expect(outages()).toMatchObject([{ level: "warn", event: "database.down" }]);
      database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port });
      await until(() => outages().length === 2, "the end of the outage in the log");
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(outages()).toMatchObject([
        { level: "warn", event: "database.down" },
        { level: "warn", event: "database.up", downMs: expect.any(Number) },
      ]);
    } finally {
      monitor?.stop();
      server?.closeAllConnections();
      server?.close();
      await handle?.close();
      await database.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start (node app/server/start.js over the build)", () => {
  const start = path.join(root, "app/server/start.js");

  it("refuses the embedded database in production, with the reason", () => {
    const run = spawnSync(process.execPath, [start], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("DATABASE_URL is required in production");
  });

  it("serves from the build as the app's restricted role, logs JSON lines, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    // production's split: migrations as the owner, the app as a role that only reads and writes rows
    const appRole = await createAppRole(t);
    const child = spawn(process.execPath, [start], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATABASE_URL: appRole.url,
        DATABASE_MIGRATION_URL: t.url,
        MASAR_ENCRYPTION_KEY: process.env.MASAR_ENCRYPTION_KEY,
        PORT: String(port),
        HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    // "close", not "exit": the last lines of stdout may still be on their way at exit
    const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
    try {
      await until(() => stdout.includes('"event":"ready"'), "the server to be ready", 60_000);
      expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const lines = stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ event: "ready", nodeEnv: "production", embeddedDatabase: false });
      expect(lines).toContainEqual(expect.objectContaining({ event: "request", route: "routes/login", status: 200 }));
      expect(lines.at(-1)).toMatchObject({ event: "stopped" });
      // no warning about the app's role: it is not the owner
      expect(lines.filter((l) => l.event === "database.role")).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await appRole.drop();
    }
  });
});
