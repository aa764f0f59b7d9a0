CREATE TYPE "public"."act_kind" AS ENUM('registration', 'slip', 'training_registration', 'internship_application');--> statement-breakpoint
ALTER TYPE "public"."code_purpose" ADD VALUE 'account_setup';--> statement-breakpoint
CREATE TABLE "acts_for_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_organisation_id" uuid,
	"kind" "act_kind" NOT NULL,
	"entity_id" uuid,
	"agreed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acts_for_people_entity_key" UNIQUE("kind","entity_id"),
	CONSTRAINT "acts_for_people_not_self_check" CHECK ("acts_for_people"."person_id" <> "acts_for_people"."staff_id")
);
--> statement-breakpoint
CREATE TABLE "office_registrations" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"registered_by_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"notice_version" text NOT NULL,
	"notice_language" text NOT NULL,
	"notice_read_by_id" uuid NOT NULL,
	"notice_read_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_registrations_language_check" CHECK (notice_language in ('fr', 'ar', 'ary', 'en', 'bm', 'wo', 'ff', 'sus', 'dyu', 'ln', 'pcm', 'tzm', 'es'))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_contact_check";--> statement-breakpoint
ALTER TABLE "verification_codes" ALTER COLUMN "channel" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "login_id" text;--> statement-breakpoint
ALTER TABLE "acts_for_people" ADD CONSTRAINT "acts_for_people_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acts_for_people" ADD CONSTRAINT "acts_for_people_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acts_for_people" ADD CONSTRAINT "acts_for_people_staff_organisation_id_organisations_id_fk" FOREIGN KEY ("staff_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_registrations" ADD CONSTRAINT "office_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_registrations" ADD CONSTRAINT "office_registrations_registered_by_id_users_id_fk" FOREIGN KEY ("registered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_registrations" ADD CONSTRAINT "office_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_registrations" ADD CONSTRAINT "office_registrations_notice_read_by_id_users_id_fk" FOREIGN KEY ("notice_read_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acts_for_people_person_idx" ON "acts_for_people" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "office_registrations_org_idx" ON "office_registrations" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "office_registrations_staff_idx" ON "office_registrations" USING btree ("registered_by_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_id_key" ON "users" USING btree ("login_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_login_id_check" CHECK ("users"."login_id" ~ '^[ACDEFHJKMNPRTUVWXY3479]{8}$');--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_contact_check" CHECK ("users"."email" is not null or "users"."phone" is not null or "users"."login_id" is not null);--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_channel_check" CHECK (("verification_codes"."channel" is null) = ("verification_codes"."purpose"::text = 'account_setup'));