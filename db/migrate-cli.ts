/** `npm run db:migrate`: apply the migrations to the database of the environment (DATABASE_URL or embedded). */
import { withDatabase } from "./database";
import { runMigrations } from "./migrate";

await withDatabase(async ({ migrationUrl, appRole }) => {
  await runMigrations(migrationUrl, undefined, { appRole });
  console.log("migrations applied");
});
