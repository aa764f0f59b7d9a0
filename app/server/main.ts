/**
 * The portal's process: validate the environment, get a database (DATABASE_URL or
 * the embedded server), migrate, serve, deliver the outbox, and stop cleanly.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createDb } from "~db/client";
import { acquireDatabase } from "~db/database";
import { runMigrations } from "~db/migrate";
import { deliverOutbox } from "~/modules/notifications/service.server";
import { logSmsTransport, smtpTransport } from "~/modules/notifications/transports.server";
import { ensureEncryptionKey } from "~/modules/protection/crypto.server";
import { createApp } from "./app.server";
import { parseEnv } from "./env.server";

const env = parseEnv();
// protection data is encrypted at rest: MASAR_ENCRYPTION_KEY, or a key file under .data/
ensureEncryptionKey();
const root = process.cwd();
const database = await acquireDatabase();
await runMigrations(database.url);
const handle = createDb(database.url, { max: env.DB_POOL_SIZE });
const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;

const appOptions = {
  build,
  db: handle.db,
  publicDir: path.join(root, "public"),
  origin: env.ORIGIN,
  trustProxy: env.TRUST_PROXY,
};
const app = createApp(appOptions);

const server = app.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Masar is ready on http://localhost:${port}${database.embedded ? " (embedded PostgreSQL)" : ""}`);
});

const transports = {
  email: env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : null,
  sms: logSmsTransport,
};
const outboxTimer = setInterval(() => {
  deliverOutbox(handle.db, transports).catch((error) => console.error("outbox:", error));
}, env.OUTBOX_INTERVAL_MS);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  clearInterval(outboxTimer);
  // finish requests in flight, drop idle keep-alive connections, then stop
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 5000).unref();
  await closed;
  await handle.close();
  await database.release();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
