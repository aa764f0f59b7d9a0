/** `npm run db:migrate`: apply the migrations to the database of the environment (DATABASE_URL or embedded). */
import { ensureEncryptionKey } from "../app/modules/protection/crypto.server";
import { withDatabase } from "./database";
import { runMigrations } from "./migrate";

// a migration may leave clear values for the application to encrypt: the embedded
// database's key file is read (or made) as the server does; an external database's
// key must come from the environment (a key made here would differ from the servers')
if (!process.env.DATABASE_URL) ensureEncryptionKey();
await withDatabase(async ({ migrationUrl, appRole }) => {
  await runMigrations(migrationUrl, undefined, { appRole });
  console.log("migrations applied");
});
