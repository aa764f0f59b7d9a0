ALTER TABLE "case_notes" DROP CONSTRAINT "case_notes_enc_check";--> statement-breakpoint
ALTER TABLE "case_services" DROP CONSTRAINT "case_services_notes_enc_check";--> statement-breakpoint
ALTER TABLE "vulnerability_assessments" DROP CONSTRAINT "vulnerability_assessments_enc_check";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "first_name_enc" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "last_name_enc" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "name_arabic_enc" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "document_number_enc" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "document_hash" text;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "name_keys" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "household_notes_enc" text;--> statement-breakpoint
ALTER TABLE "case_services" ADD COLUMN "details_enc" text;--> statement-breakpoint
CREATE INDEX "beneficiary_cases_phone_hash_idx" ON "beneficiary_cases" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "beneficiary_cases_document_hash_idx" ON "beneficiary_cases" USING btree ("document_hash");--> statement-breakpoint
CREATE INDEX "beneficiary_cases_name_keys_idx" ON "beneficiary_cases" USING gin ("name_keys");--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_enc_check" CHECK (("beneficiary_cases"."first_name_enc" is null or "beneficiary_cases"."first_name_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$') and ("beneficiary_cases"."last_name_enc" is null or "beneficiary_cases"."last_name_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$') and ("beneficiary_cases"."name_arabic_enc" is null or "beneficiary_cases"."name_arabic_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$')
        and ("beneficiary_cases"."phone_enc" is null or "beneficiary_cases"."phone_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$') and ("beneficiary_cases"."document_number_enc" is null or "beneficiary_cases"."document_number_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$') and ("beneficiary_cases"."household_notes_enc" is null or "beneficiary_cases"."household_notes_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'));--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_enc_check" CHECK (("case_notes"."body_enc" is null or "case_notes"."body_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'));--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_details_enc_check" CHECK (("case_services"."details_enc" is null or "case_services"."details_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'));--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_notes_enc_check" CHECK (("case_services"."notes_enc" is null or "case_services"."notes_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'));--> statement-breakpoint
ALTER TABLE "vulnerability_assessments" ADD CONSTRAINT "vulnerability_assessments_enc_check" CHECK (("vulnerability_assessments"."data_enc" is null or "vulnerability_assessments"."data_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'));