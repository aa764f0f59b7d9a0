CREATE TABLE "business_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"months_after" integer NOT NULL,
	"visited_on" date NOT NULL,
	"still_running" boolean NOT NULL,
	"revenue_band" text,
	"jobs_created" integer DEFAULT 0 NOT NULL,
	"jobs_women" integer DEFAULT 0 NOT NULL,
	"jobs_migrants" integer DEFAULT 0 NOT NULL,
	"formalised" boolean DEFAULT false NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_follow_ups_months_check" CHECK ("business_follow_ups"."months_after" in (3, 6, 12)),
	CONSTRAINT "business_follow_ups_jobs_check" CHECK ("business_follow_ups"."jobs_created" between 0 and 1000 and "business_follow_ups"."jobs_women" between 0 and "business_follow_ups"."jobs_created" and "business_follow_ups"."jobs_migrants" between 0 and "business_follow_ups"."jobs_created"),
	CONSTRAINT "business_follow_ups_revenue_check" CHECK (("business_follow_ups"."still_running" and "business_follow_ups"."revenue_band" in ('none', 'under_2000', '2000_5000', '5000_10000', 'over_10000')) or (not "business_follow_ups"."still_running" and "business_follow_ups"."revenue_band" is null))
);
--> statement-breakpoint
ALTER TABLE "business_follow_ups" ADD CONSTRAINT "business_follow_ups_award_id_grant_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."grant_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_follow_ups" ADD CONSTRAINT "business_follow_ups_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_follow_ups_award_months_key" ON "business_follow_ups" USING btree ("award_id","months_after");