/** `npm run db:migrate`: apply the migrations to the database of the environment (DATABASE_URL or embedded). */
import { withDatabase } from "./database";
import { runMigrations } from "./migrate";

await withDatabase(async ({ url }) => {
  await runMigrations(url);
  console.log("migrations applied");
});
