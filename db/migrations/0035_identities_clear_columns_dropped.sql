-- Identities and the free text of services are now encrypted by the application
-- (docs/decisions/0101-identifiers-encrypted.md). A migration does not hold the key, so
-- the clear values of existing rows wait in this table, which only the owner role can
-- read, until the migration step encrypts them into the new columns and drops it
-- (app/modules/protection/at-rest.server.ts encryptClearBacklog, run by runMigrations),
-- which also takes the free text out of case_services.details (an update here would
-- fire the reporting triggers, and a table with pending trigger events cannot be altered).
CREATE TABLE "protection_clear_backlog" (
  "table_name" text NOT NULL,
  "row_id" uuid NOT NULL,
  "clear" jsonb NOT NULL,
  PRIMARY KEY ("table_name", "row_id")
);--> statement-breakpoint
REVOKE ALL ON "protection_clear_backlog" FROM PUBLIC;--> statement-breakpoint
INSERT INTO "protection_clear_backlog" ("table_name", "row_id", "clear")
  SELECT 'beneficiary_cases', "id", jsonb_build_object('firstName', "first_name", 'lastName', "last_name",
    'nameArabic', "name_arabic", 'phone', "phone", 'documentNumber', "document_number", 'householdNotes', "household_notes")
  FROM "beneficiary_cases";--> statement-breakpoint
INSERT INTO "protection_clear_backlog" ("table_name", "row_id", "clear")
  SELECT 'case_services', "id", jsonb_build_object('provider', "provider") || ("details" - 'reasonCategory' - 'outcome' - 'urgency' - 'sessionType' - 'checkIn' - 'checkOut' - 'nights' - 'legalType')
  FROM "case_services"
  WHERE "provider" IS NOT NULL OR "details" ?| array['facility', 'specialty', 'place', 'countryOfReturn'];--> statement-breakpoint
DROP INDEX "beneficiary_cases_phone_idx";--> statement-breakpoint
DROP INDEX "beneficiary_cases_document_idx";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" DROP COLUMN "first_name";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" DROP COLUMN "last_name";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" DROP COLUMN "name_arabic";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" DROP COLUMN "document_number";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" DROP COLUMN "household_notes";--> statement-breakpoint
ALTER TABLE "case_services" DROP COLUMN "provider";