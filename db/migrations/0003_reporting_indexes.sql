-- Reporting (issue 7): the indexes the indicator queries filter by, on tables of other
-- modules (their schema files are theirs to change; the lead may move these there).
CREATE INDEX IF NOT EXISTS "case_services_kind_date_idx" ON "case_services" ("kind", "service_date");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "grant_tranches_paid_idx" ON "grant_tranches" ("paid_at") WHERE "paid_at" IS NOT NULL;
