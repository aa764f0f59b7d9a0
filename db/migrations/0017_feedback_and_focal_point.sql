CREATE TYPE "public"."feedback_attempt_kind" AS ENUM('submit', 'lookup_failed');--> statement-breakpoint
CREATE TYPE "public"."feedback_category" AS ENUM('complaint', 'suggestion', 'thanks', 'staff_misconduct', 'sexual_exploitation_abuse');--> statement-breakpoint
CREATE TYPE "public"."feedback_channel" AS ENUM('web', 'sms', 'phone');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('received', 'in_progress', 'closed');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'focal_point';--> statement-breakpoint
CREATE TABLE "feedback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "feedback_attempt_kind" NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"category" "feedback_category" NOT NULL,
	"confidential" boolean NOT NULL,
	"channel" "feedback_channel" DEFAULT 'web' NOT NULL,
	"locale" "locale" NOT NULL,
	"message" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"status" "feedback_status" DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assigned_to_id" uuid,
	"assigned_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_items_reference_check" CHECK ("feedback_items"."reference" ~ '^[2-9A-HJKMNP-TW-Z]{8}$'),
	CONSTRAINT "feedback_items_confidential_check" CHECK ("feedback_items"."confidential" or "feedback_items"."category" not in ('staff_misconduct', 'sexual_exploitation_abuse')),
	CONSTRAINT "feedback_items_unassigned_confidential_check" CHECK (not "feedback_items"."confidential" or "feedback_items"."assigned_to_id" is null),
	CONSTRAINT "feedback_items_message_check" CHECK (char_length("feedback_items"."message") between 1 and 4000),
	CONSTRAINT "feedback_items_answer_check" CHECK (char_length("feedback_items"."answer") between 1 and 4000),
	CONSTRAINT "feedback_items_name_check" CHECK (char_length("feedback_items"."contact_name") between 1 and 120),
	CONSTRAINT "feedback_items_phone_check" CHECK ("feedback_items"."contact_phone" ~ '^\+[1-9][0-9]{6,14}$'),
	CONSTRAINT "feedback_items_due_check" CHECK ("feedback_items"."due_at" > "feedback_items"."received_at"),
	CONSTRAINT "feedback_items_answered_check" CHECK (("feedback_items"."answer" is null) = ("feedback_items"."answered_at" is null)),
	CONSTRAINT "feedback_items_closed_check" CHECK (("feedback_items"."status" = 'closed') = ("feedback_items"."closed_at" is not null) and ("feedback_items"."status" <> 'closed' or "feedback_items"."answer" is not null))
);
--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_attempts_key_idx" ON "feedback_attempts" USING btree ("kind","key","at");--> statement-breakpoint
CREATE INDEX "feedback_attempts_at_idx" ON "feedback_attempts" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_reference_key" ON "feedback_items" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "feedback_items_queue_idx" ON "feedback_items" USING btree ("confidential","status","received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_assignee_idx" ON "feedback_items" USING btree ("assigned_to_id","status");--> statement-breakpoint
CREATE INDEX "feedback_items_received_idx" ON "feedback_items" USING btree ("received_at");