ALTER TABLE "grant_assignments" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_assignments" ADD COLUMN "reopen_reason" text;