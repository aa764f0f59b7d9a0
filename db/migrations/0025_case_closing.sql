CREATE TYPE "public"."case_status_reason" AS ENUM('services_completed', 'moved', 'returned_home', 'lost_contact', 'deceased', 'transferred', 'new_need', 'came_back', 'closed_in_error');--> statement-breakpoint
CREATE TABLE "case_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" "case_status" NOT NULL,
	"reason" "case_status_reason" NOT NULL,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_status_changes_reason_check" CHECK (("case_status_changes"."status" = 'closed' and "case_status_changes"."reason" in ('services_completed', 'moved', 'returned_home', 'lost_contact', 'deceased', 'transferred'))
        or ("case_status_changes"."status" = 'open' and "case_status_changes"."reason" in ('new_need', 'came_back', 'closed_in_error')))
);
--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_status_changes" ADD CONSTRAINT "case_status_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_status_changes_case_idx" ON "case_status_changes" USING btree ("case_id","changed_at");