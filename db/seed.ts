/**
 * `npm run db:seed`: demo data for every module, safe to run again. Each module
 * adds its own file under db/seed/ and a line here.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./client";
import { createDb } from "./client";
import { seedFoundation } from "./seed/foundation";
import { seedProtection } from "./seed/protection";
import { seedGrants } from "./seed/grants";
import { seedEmployability } from "./seed/employability";
import { seedBusinessPlans } from "./seed/business-plans";
import { seedReporting } from "./seed/reporting";
import { seedFeedback } from "./seed/feedback";
import { seedOffice } from "./seed/office";
import { seedGroups } from "./seed/groups";
import { seedImports } from "./seed/imports";

export async function seedDemo(db: Database) {
  const foundation = await seedFoundation(db);
  const protection = await seedProtection(db, foundation);
  const businessPlans = await seedBusinessPlans(db, foundation);
  const employability = await seedEmployability(db, foundation);
  const grants = await seedGrants(db, foundation);
  const feedback = await seedFeedback(db, foundation);
  const office = await seedOffice(db, foundation);
  const groups = await seedGroups(db, foundation, protection);
  const imports = await seedImports(db, foundation);
  // last: the budget reads what the other modules recorded
  const reporting = await seedReporting(db, foundation);
  return {
    foundation,
    protection,
    businessPlans,
    employability,
    grants,
    feedback,
    office,
    groups,
    imports,
    reporting,
  };
}

/**
 * The start of both seeding commands (`db:seed`, `seed:scale`): the encryption key, the
 * database (embedded or `DATABASE_URL`), migrations, the demo data, then `more` with the
 * same handle. Imported lazily, so tests that only call `seedDemo` load none of it.
 */
export async function seedCommand(more: (handle: ReturnType<typeof createDb>) => Promise<void>) {
  const { withDatabase } = await import("./database");
  const { runMigrations } = await import("./migrate");
  const { ensureEncryptionKey } = await import("../app/modules/protection/crypto.server");
  ensureEncryptionKey();
  await withDatabase(async ({ migrationUrl, appRole }) => {
    await runMigrations(migrationUrl, undefined, { appRole });
    const handle = createDb(migrationUrl, { max: 2 });
    try {
      await seedDemo(handle.db);
      await more(handle);
    } finally {
      await handle.close();
    }
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await seedCommand(async () => console.log("demo data ready"));
