-- Issue 18, referrals and consent. Case workers who work today keep their access: their
-- association is the one they were confirmed for. From now on a new account, a move or
-- a role change waits for the association's supervisor.
UPDATE "users" SET "case_access_organisation_id" = "organisation_id", "case_access_confirmed_at" = now()
  WHERE "role" = 'case_worker';
--> statement-breakpoint
-- A consent to referral named its partners in free text. The associations a case was
-- already referred or transferred to count as named by its consents to referral, so the
-- referrals that work today keep working; any other needs a new consent naming it.
INSERT INTO "case_consent_partners" ("consent_id", "organisation_id")
  SELECT DISTINCT cc."id", r."to_organisation_id"
  FROM "case_consents" cc
  JOIN "case_referrals" r ON r."case_id" = cc."case_id"
  WHERE cc."referral" AND r."consent_override_by_id" IS NULL
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A referral made before sections existed opened the whole file once accepted: it keeps
-- sharing every section (its reason and urgency stay unknown: null).
UPDATE "case_referrals" SET "share_identity" = true, "share_services" = true, "share_notes" = true,
  "share_vulnerability" = true
  WHERE "reason" IS NULL;
