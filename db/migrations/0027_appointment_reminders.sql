DROP INDEX "coaching_appointments_once_key";--> statement-breakpoint
ALTER TABLE "coaching_appointments" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
-- appointments set before reminders existed: 09:00 on the Morocco day before (as coaching/rules.ts computes it)
UPDATE "coaching_appointments" SET "remind_at" = ((("starts_at" AT TIME ZONE 'Africa/Casablanca')::date - 1) + time '09:00') AT TIME ZONE 'Africa/Casablanca';--> statement-breakpoint
ALTER TABLE "coaching_appointments" ALTER COLUMN "remind_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "coaching_appointments" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coaching_appointments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "coaching_appointments_remind_idx" ON "coaching_appointments" USING btree ("remind_at") WHERE "coaching_appointments"."reminded_at" is null and "coaching_appointments"."cancelled_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_appointments_once_key" ON "coaching_appointments" USING btree ("beneficiary_id","starts_at") WHERE "coaching_appointments"."cancelled_at" is null;