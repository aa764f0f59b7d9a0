/**
 * The app for the end-to-end run: a fresh database (embedded in a temporary folder,
 * or a new database on TEST_DATABASE_URL's server), migrated and seeded with the demo
 * data, served from the production build.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createDb } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { urlRole } from "../../db/roles";
import { seedDemo } from "../../db/seed";
import { createApp, listen } from "../../app/server/app.server";
import { scratchDatabase } from "../helpers/scratch-database";
import { deliverOutbox } from "../../app/modules/notifications/delivery.server";
import { httpSmsTransport, smtpTransport } from "../../app/modules/notifications/transports.server";
import { startFakeMailServer } from "../../scripts/mail-fake-server";
import { startFakeGateway } from "../../scripts/sms-fake-gateway";
import { mailServerPorts } from "./mail-server";
import { RUN_FILES, runFile } from "./run-files";
import { smsGatewayPort } from "./sms-gateway";

const root = path.resolve(import.meta.dirname, "../..");
// protection data is encrypted at rest: the run gets a key of its own
process.env.MASAR_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
const port = Number(process.env.E2E_PORT ?? 3210);

let url: string;
// the embedded server's owner migrates and seeds; the app runs as its restricted role
let ownerUrl: string;
let cleanup: () => Promise<void>;
if (process.env.TEST_DATABASE_URL) {
  const scratch = await scratchDatabase(process.env.TEST_DATABASE_URL, "e2e", { throwaway: true });
  url = ownerUrl = scratch.url;
  cleanup = scratch.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masar-e2e-"));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), throwaway: true, temporary: dir });
  url = server.appUrl;
  ownerUrl = server.url;
  cleanup = async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

await runMigrations(ownerUrl, undefined, { appRole: url === ownerUrl ? undefined : urlRole(url) });
const owner = createDb(ownerUrl, { max: 2 });
const fixture = await seedDemo(owner.db);
await owner.close();
const handle = createDb(url, { max: 20 });
// the demo fixture's ids, for specs that build paths from the access matrix (a11y.spec.ts)
const fixtureFile = runFile("fixture", port);
fs.writeFileSync(fixtureFile, JSON.stringify(fixture));
// the database's address, for the one write a spec cannot make through the pages: letting
// time pass (grants.spec.ts moves a call's dates into the past, as the integration tests
// do). Readable by this user only: on TEST_DATABASE_URL's server it carries the password.
const databaseFile = runFile("database", port);
fs.rmSync(databaseFile, { force: true });
fs.writeFileSync(databaseFile, JSON.stringify({ url }), { mode: 0o600 });
const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
const app = createApp({ build, db: handle.db, publicDir: path.join(root, "public") });
const server = listen(app, port, "127.0.0.1").once("listening", () => console.log(`e2e app on ${port}`));

// SMS leave through the generic gateway contract to the fake gateway, a real HTTP server
// the specs read codes from (smsGatewayUrl() in fixtures.ts), as `npm run sms:fake` does
const gateway = await startFakeGateway({ port: smsGatewayPort(port), log: false });
const sms = httpSmsTransport({ url: `${gateway.url}/sms` });
// e-mail leaves through real SMTP to a fake mail server the specs read codes from (mail-server.ts)
const mailPorts = mailServerPorts(port);
const mail = await startFakeMailServer({ smtpPort: mailPorts.smtp, httpPort: mailPorts.http, log: false });
const email = smtpTransport(mail.smtpUrl, "Masar <no-reply@masar.test>");
const delivery = setInterval(() => {
  deliverOutbox(handle.db, { email, sms }).catch((error: unknown) => console.error("e2e outbox", error));
}, 300);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(delivery);
  await gateway.close();
  await mail.close();
  server.closeAllConnections();
  server.close();
  await handle.close();
  await cleanup();
  for (const kind of RUN_FILES) fs.rmSync(runFile(kind, port), { force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
