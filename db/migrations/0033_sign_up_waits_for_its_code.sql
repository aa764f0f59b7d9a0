CREATE TABLE "pending_sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"phone" text,
	"email" text,
	"password_hash" text NOT NULL,
	"locale" "locale" NOT NULL,
	"notice_version" text NOT NULL,
	"phone_code_hash" text,
	"email_code_hash" text,
	"phone_message_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_sign_ups_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "pending_sign_ups_contact_check" CHECK ("pending_sign_ups"."email" is not null or "pending_sign_ups"."phone" is not null),
	CONSTRAINT "pending_sign_ups_attempts_check" CHECK ("pending_sign_ups"."attempts" between 0 and 5)
);
--> statement-breakpoint
CREATE INDEX "pending_sign_ups_phone_idx" ON "pending_sign_ups" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "pending_sign_ups_email_idx" ON "pending_sign_ups" USING btree ("email");--> statement-breakpoint
CREATE INDEX "pending_sign_ups_expires_idx" ON "pending_sign_ups" USING btree ("expires_at");