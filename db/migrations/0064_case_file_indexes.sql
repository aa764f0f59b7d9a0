-- Decision 0207: a page of a case's viewers read in index order (entity,
-- at, id) and stopped after the page; the "known elsewhere" check's same-day branch from an index.
DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
CREATE INDEX "beneficiary_cases_date_of_birth_idx" ON "beneficiary_cases" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at","id");