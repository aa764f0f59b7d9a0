CREATE TYPE "public"."case_referral_reason" AS ENUM('specialised_service', 'person_moved', 'capacity', 'safety', 'other');--> statement-breakpoint
CREATE TYPE "public"."referral_urgency" AS ENUM('routine', 'urgent', 'emergency');--> statement-breakpoint
CREATE TABLE "case_consent_partners" (
	"consent_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "case_consent_partners_consent_id_organisation_id_pk" PRIMARY KEY("consent_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "case_access_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "case_access_confirmed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "case_access_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "case_access_pending_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "case_access_pending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "reason" "case_referral_reason";--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "urgency" "referral_urgency";--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "requested_services" "service_kind"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "share_identity" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "share_services" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "share_notes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "share_vulnerability" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_consent_partners" ADD CONSTRAINT "case_consent_partners_consent_id_case_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."case_consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consent_partners" ADD CONSTRAINT "case_consent_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_case_access_organisation_id_organisations_id_fk" FOREIGN KEY ("case_access_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_case_access_confirmed_by_id_users_id_fk" FOREIGN KEY ("case_access_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_case_access_check" CHECK ("users"."case_access_organisation_id" is null or "users"."role" = 'case_worker');--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_case_access_pending_check" CHECK ("users"."case_access_pending_reason" is null or "users"."case_access_pending_reason" in ('new_account', 'role_change', 'new_code'));--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_reason_check" CHECK (("case_referrals"."reason" is null) = ("case_referrals"."urgency" is null));