CREATE TABLE "protection_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"retention_days" integer NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protection_settings_single_row" CHECK ("protection_settings"."id"),
	CONSTRAINT "protection_settings_retention_check" CHECK ("protection_settings"."retention_days" between 30 and 36500)
);
--> statement-breakpoint
ALTER TABLE "protection_settings" ADD CONSTRAINT "protection_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;