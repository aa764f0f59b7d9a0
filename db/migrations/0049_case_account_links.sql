CREATE TYPE "public"."case_unlink_reason" AS ENUM('wrong_person', 'consent_withdrawn', 'entered_in_error');--> statement-breakpoint
CREATE TABLE "case_account_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"linked_by_id" uuid NOT NULL,
	"notice_language" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_by_id" uuid,
	"unlinked_at" timestamp with time zone,
	"unlink_reason" "case_unlink_reason",
	CONSTRAINT "case_account_links_language_check" CHECK (notice_language in ('fr', 'ar', 'ary', 'en', 'bm', 'wo', 'ff', 'sus', 'dyu', 'ln', 'pcm', 'tzm', 'es')),
	CONSTRAINT "case_account_links_unlink_check" CHECK (("case_account_links"."unlinked_at" is null) = ("case_account_links"."unlink_reason" is null) and ("case_account_links"."unlinked_at" is null) = ("case_account_links"."unlinked_by_id" is null))
);
--> statement-breakpoint
ALTER TABLE "case_account_links" ADD CONSTRAINT "case_account_links_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_account_links" ADD CONSTRAINT "case_account_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_account_links" ADD CONSTRAINT "case_account_links_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_account_links" ADD CONSTRAINT "case_account_links_unlinked_by_id_users_id_fk" FOREIGN KEY ("unlinked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_account_links_live_idx" ON "case_account_links" USING btree ("case_id") WHERE "case_account_links"."unlinked_at" is null;--> statement-breakpoint
CREATE INDEX "case_account_links_user_idx" ON "case_account_links" USING btree ("user_id");