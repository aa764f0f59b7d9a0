-- Decision 0207: an organisation's staff read by index, not by reading every account (the case
-- file's list of case workers read all users at scale).
CREATE INDEX "users_organisation_role_idx" ON "users" USING btree ("organisation_id","role") WHERE "users"."organisation_id" is not null;