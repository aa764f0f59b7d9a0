ALTER TABLE "grant_awards" ADD COLUMN "review_override_reason" text;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD COLUMN "coach_milestone" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_awards" ADD CONSTRAINT "grant_awards_override_check" CHECK ("grant_awards"."review_override_reason" is null or length(btrim("grant_awards"."review_override_reason")) >= 10);--> statement-breakpoint
-- tranches made before the choice: the business start was always the coach's to confirm
UPDATE "grant_tranches" SET "coach_milestone" = true WHERE "condition" = 'business_started';
