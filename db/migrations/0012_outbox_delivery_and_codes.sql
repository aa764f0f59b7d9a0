-- Honest delivery states for the outbox, SMS segments, codes for phones and passwords.
-- Until now every SMS went to the server log and was marked "sent": those rows become
-- "not_configured" (nothing reached a phone), and expire, so a gateway configured later
-- does not send old news. E-mail marked sent did go through SMTP: "accepted".
CREATE TYPE "public"."outbox_state" AS ENUM('queued', 'not_configured', 'sending', 'accepted', 'delivered', 'failed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."sms_encoding" AS ENUM('gsm7', 'ucs2');--> statement-breakpoint
CREATE TYPE "public"."code_purpose" AS ENUM('phone_confirm', 'password_reset');--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "state" "outbox_state" DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "preview" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "priority" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "encoding" "sms_encoding";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "segments" smallint;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "fail_reason" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" RENAME COLUMN "sent_at" TO "accepted_at";--> statement-breakpoint
UPDATE "outbox" SET
  "preview" = CASE WHEN "body" ~ '[0-9]{6}|[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}'
    THEN regexp_replace(regexp_replace("body", '[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}', '••••-••••-••••-••••', 'g'), '[0-9]{6}', '••••••', 'g')
    ELSE "body" END,
  "expires_at" = "created_at" + interval '3 days',
  "segments" = CASE WHEN "channel" = 'sms' THEN greatest(1, ceil(char_length("body") / 67.0))::smallint END,
  "encoding" = CASE WHEN "channel" = 'sms' THEN 'ucs2'::"sms_encoding" END,
  "state" = CASE
    WHEN "status" = 'sent' AND "channel" = 'email' THEN 'accepted'::"outbox_state"
    WHEN "status" = 'sent' THEN 'not_configured'::"outbox_state"
    WHEN "status" = 'failed' THEN 'failed'::"outbox_state"
    ELSE 'queued'::"outbox_state" END,
  "fail_reason" = CASE WHEN "status" = 'failed' THEN 'gave_up' END,
  "accepted_at" = CASE WHEN "status" = 'sent' AND "channel" = 'email' THEN "accepted_at" END;--> statement-breakpoint
-- secrets never stay in a settled message: the old set-up codes go
UPDATE "outbox" SET "body" = "preview" WHERE "state" <> 'queued';--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "preview" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
DROP INDEX "outbox_status_idx";--> statement-breakpoint
ALTER TABLE "outbox" DROP COLUMN "status";--> statement-breakpoint
DROP TYPE "public"."outbox_status";--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("priority","next_attempt_at") WHERE "outbox"."state" in ('queued', 'not_configured', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "outbox" USING btree ("recipient","claimed_at");--> statement-breakpoint
CREATE INDEX "outbox_actor_idx" ON "outbox" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_user_idx" ON "outbox" USING btree ("user_id","created_at");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_sms_segments_check" CHECK (("outbox"."channel" = 'sms') = ("outbox"."segments" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sms_opt_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- accounts made before phones were confirmed keep working: their phone counts as confirmed
UPDATE "users" SET "phone_confirmed_at" = "created_at" WHERE "phone" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "verification_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "code_purpose" NOT NULL,
	"channel" "outbox_channel" NOT NULL,
	"target" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_codes_attempts_check" CHECK ("verification_codes"."attempts" between 0 and 5)
);--> statement-breakpoint
CREATE TABLE "code_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier_key" text NOT NULL,
	"ip" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "verification_codes" ADD CONSTRAINT "verification_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_codes_user_idx" ON "verification_codes" USING btree ("user_id","purpose","created_at");--> statement-breakpoint
CREATE INDEX "code_requests_identifier_idx" ON "code_requests" USING btree ("identifier_key","requested_at");--> statement-breakpoint
CREATE INDEX "code_requests_ip_idx" ON "code_requests" USING btree ("ip","requested_at");
