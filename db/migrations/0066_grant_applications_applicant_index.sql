-- Decision 0207: a person's grant applications read by index (the applicant's home, a coach's
-- caseload), not by reading every application.
CREATE INDEX "grant_applications_applicant_idx" ON "grant_applications" USING btree ("applicant_id");