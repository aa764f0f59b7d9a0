ALTER TYPE "public"."act_kind" ADD VALUE 'grant_application';--> statement-breakpoint
ALTER TYPE "public"."act_kind" ADD VALUE 'decision_received';--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "decision_received_on" date;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "decision_received_how" text;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_decision_received_check" CHECK ((decision_received_on is null and decision_received_how is null) or (decision_received_on is not null and decision_received_how in ('in_person', 'phone') and status in ('awarded', 'rejected')));