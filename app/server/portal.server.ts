/**
 * The portal's process, from settings to a served port: a database (DATABASE_URL or
 * the embedded server), migrations, the HTTP app, the outbox worker; and a shutdown
 * that drains them. main.ts runs it with the environment; tests run it directly.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { createDb } from "~db/client";
import { sqlState } from "~db/errors";
import { acquireDatabase } from "~db/database";
import { runMigrations } from "~db/migrate";
import { roleRisks } from "~db/roles";
import { transportsFromEnv } from "~/modules/notifications/settings.server";
import type { Transports } from "~/modules/notifications/transports.server";
import { ensureEncryptionKey } from "~/modules/protection/crypto.server";
import { createApp, listen } from "./app.server";
import { createOutageMonitor } from "./database-down.server";
import type { Env } from "./env.server";
import type { Logger } from "./logger.server";
import type { ServerState } from "./middleware.server";
import { startOutboxWorker, type OutboxWorker } from "./outbox-worker.server";

export type Portal = {
  port: number;
  embedded: boolean;
  state: ServerState;
  outbox: OutboxWorker;
  /** /healthz turns 503, the outbox delivery in flight finishes, requests in flight finish, then all closes */
  shutdown(reason: string): Promise<void>;
};

export async function startPortal(options: {
  env: Env;
  logger: Logger;
  build: ServerBuild;
  /** the checkout: public/, db/migrations/ and .data/ are found from here */
  root: string;
  transports?: Transports;
}): Promise<Portal> {
  const { env, logger, root } = options;
  // protection data is encrypted at rest: MASAR_ENCRYPTION_KEY, or (embedded database only) a key file under .data/
  ensureEncryptionKey(path.join(root, ".data"));
  const database = await acquireDatabase({
    databaseUrl: env.DATABASE_URL,
    migrationUrl: env.DATABASE_MIGRATION_URL,
    dataDir: path.resolve(root, env.MASAR_DATA_DIR),
  });
  // migrations as the owner; the app as a role that only reads and writes rows (db/roles.ts)
  await runMigrations(database.migrationUrl, path.join(root, "db", "migrations"), { appRole: database.appRole });
  const handle = createDb(database.url, {
    max: env.DB_POOL_SIZE,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    // a deadlock's victim runs again by itself; the log says so, with the code only
    onRetry: (error, attempt) =>
      logger.warn({ event: "transaction.retry", code: sqlState(error), attempt }, "transaction run again"),
  });
  await warnAboutRole(handle, logger);
  const state: ServerState = { draining: false };
  const monitor = createOutageMonitor({ db: handle.db, log: logger });
  const app = createApp({
    build: options.build,
    db: handle.db,
    publicDir: path.join(root, "public"),
    origin: env.ORIGIN,
    trustProxy: env.TRUST_PROXY,
    logger,
    monitor,
    state,
    renders: env.RENDERS_AT_ONCE,
    readWaitLimitMs: env.READ_WAIT_LIMIT_MS,
  });
  const server = listen(app, env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const outbox = startOutboxWorker({
    db: handle.db,
    // without SMS_URL / INFOBIP_*, SMS stay "not sent: no SMS gateway configured"
    transports: options.transports ?? transportsFromEnv(env),
    intervalMs: env.OUTBOX_INTERVAL_MS,
    smsPerMinute: env.SMS_PER_MINUTE,
    log: logger,
    monitor,
  });

  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ event: "shutdown", reason }, "draining");
      state.draining = true;
      await Promise.all([outbox.drain(), new Promise((r) => setTimeout(r, env.SHUTDOWN_DRAIN_MS))]);
      // finish requests in flight, drop idle keep-alive connections, then stop
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      await closed;
      clearTimeout(force);
      monitor.stop();
      await handle.close();
      await database.release();
      logger.info({ event: "stopped" }, "stopped");
    })());

  const { port } = server.address() as AddressInfo;
  return { port, embedded: database.embedded !== null, state, outbox, shutdown };
}

/** An external DATABASE_URL may still sign in as a superuser or the tables' owner: say so once. */
async function warnAboutRole(handle: { sql: Parameters<typeof roleRisks>[0] }, logger: Logger) {
  const risks = await roleRisks(handle.sql);
  if (risks.superuser || risks.ownsTables) {
    logger.warn(
      { event: "database.role", superuser: risks.superuser, ownsTables: risks.ownsTables },
      "DATABASE_URL signs in as a role that can change the schema: give the app a role that only reads and writes rows (docs/operations.md)",
    );
  }
}
