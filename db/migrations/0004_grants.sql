CREATE TYPE "public"."grant_application_status" AS ENUM('submitted', 'withdrawn', 'eligible', 'ineligible', 'awarded', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."grant_audience" AS ENUM('migrants', 'young_moroccans', 'both');--> statement-breakpoint
CREATE TYPE "public"."grant_call_status" AS ENUM('draft', 'open', 'closed', 'under_review', 'deliberation', 'decided');--> statement-breakpoint
CREATE TYPE "public"."grant_conflict_source" AS ENUM('declared', 'detected');--> statement-breakpoint
CREATE TYPE "public"."grant_conflict_status" AS ENUM('pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."grant_payment_method" AS ENUM('bank_transfer', 'cash', 'mobile_money');--> statement-breakpoint
CREATE TYPE "public"."grant_tranche_condition" AS ENUM('signature', 'business_started', 'six_months');--> statement-breakpoint
CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "grant_applications_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"call_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"plan_id" uuid,
	"plan_snapshot" jsonb NOT NULL,
	"requested_centimes" bigint NOT NULL,
	"facts" jsonb NOT NULL,
	"is_woman" boolean DEFAULT false NOT NULL,
	"is_migrant" boolean DEFAULT false NOT NULL,
	"eligibility_failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"screening_reason" text,
	"status" "grant_application_status" DEFAULT 'submitted' NOT NULL,
	"decision_comment" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"screened_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "grant_applications_requested_check" CHECK ("grant_applications"."requested_centimes" > 0)
);
--> statement-breakpoint
CREATE TABLE "grant_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"total" double precision,
	"first_fraction" double precision
);
--> statement-breakpoint
CREATE TABLE "grant_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"paid_centimes" bigint DEFAULT 0 NOT NULL,
	"justification" text,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_awards_reference_unique" UNIQUE("reference"),
	CONSTRAINT "grant_awards_amount_check" CHECK ("grant_awards"."amount_centimes" > 0),
	CONSTRAINT "grant_awards_paid_check" CHECK ("grant_awards"."paid_centimes" >= 0 and "grant_awards"."paid_centimes" <= "grant_awards"."amount_centimes")
);
--> statement-breakpoint
CREATE TABLE "grant_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_ar" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"audience" "grant_audience" DEFAULT 'both' NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_trainings" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"review_deadline" timestamp with time zone NOT NULL,
	"budget_centimes" bigint NOT NULL,
	"max_grant_centimes" bigint NOT NULL,
	"awarded_centimes" bigint DEFAULT 0 NOT NULL,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tranches" jsonb DEFAULT '[{"percent":50,"condition":"signature"},{"percent":30,"condition":"business_started"},{"percent":20,"condition":"six_months"}]'::jsonb NOT NULL,
	"reviewers_per_application" integer DEFAULT 3 NOT NULL,
	"disagreement_threshold" integer DEFAULT 25 NOT NULL,
	"show_names_after_scoring" boolean DEFAULT false NOT NULL,
	"status" "grant_call_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_calls_budget_check" CHECK ("grant_calls"."budget_centimes" > 0 and "grant_calls"."max_grant_centimes" > 0),
	CONSTRAINT "grant_calls_awarded_check" CHECK ("grant_calls"."awarded_centimes" >= 0 and "grant_calls"."awarded_centimes" <= "grant_calls"."budget_centimes"),
	CONSTRAINT "grant_calls_dates_check" CHECK ("grant_calls"."opens_at" < "grant_calls"."closes_at" and "grant_calls"."closes_at" <= "grant_calls"."review_deadline"),
	CONSTRAINT "grant_calls_reviewers_check" CHECK ("grant_calls"."reviewers_per_application" between 1 and 10),
	CONSTRAINT "grant_calls_ages_check" CHECK ("grant_calls"."min_age" is null or "grant_calls"."max_age" is null or "grant_calls"."min_age" <= "grant_calls"."max_age")
);
--> statement-breakpoint
CREATE TABLE "grant_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"source" "grant_conflict_source" NOT NULL,
	"status" "grant_conflict_status" NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label_fr" text NOT NULL,
	"label_ar" text NOT NULL,
	"label_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"max_score" integer NOT NULL,
	"weight" integer NOT NULL,
	CONSTRAINT "grant_criteria_max_check" CHECK ("grant_criteria"."max_score" between 1 and 100),
	CONSTRAINT "grant_criteria_weight_check" CHECK ("grant_criteria"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "grant_scores" (
	"assignment_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_scores_assignment_id_criterion_id_pk" PRIMARY KEY("assignment_id","criterion_id"),
	CONSTRAINT "grant_scores_score_check" CHECK ("grant_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"percent" integer NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"condition" "grant_tranche_condition" NOT NULL,
	"condition_confirmed_at" timestamp with time zone,
	"condition_confirmed_by_id" uuid,
	"paid_at" timestamp with time zone,
	"paid_by_id" uuid,
	"method" "grant_payment_method",
	"payment_reference" text,
	CONSTRAINT "grant_tranches_paid_check" CHECK ("grant_tranches"."paid_at" is null or ("grant_tranches"."condition_confirmed_at" is not null and "grant_tranches"."method" is not null))
);
--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_assignments" ADD CONSTRAINT "grant_assignments_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_assignments" ADD CONSTRAINT "grant_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_awards" ADD CONSTRAINT "grant_awards_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_awards" ADD CONSTRAINT "grant_awards_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_awards" ADD CONSTRAINT "grant_awards_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_conflicts" ADD CONSTRAINT "grant_conflicts_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_conflicts" ADD CONSTRAINT "grant_conflicts_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_criteria" ADD CONSTRAINT "grant_criteria_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_scores" ADD CONSTRAINT "grant_scores_assignment_id_grant_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."grant_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_scores" ADD CONSTRAINT "grant_scores_criterion_id_grant_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."grant_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_award_id_grant_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."grant_awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_condition_confirmed_by_id_users_id_fk" FOREIGN KEY ("condition_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_paid_by_id_users_id_fk" FOREIGN KEY ("paid_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_applications_one_per_call_key" ON "grant_applications" USING btree ("call_id","applicant_id") WHERE "grant_applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "grant_applications_call_idx" ON "grant_applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_assignments_key" ON "grant_assignments" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "grant_assignments_reviewer_idx" ON "grant_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_awards_application_key" ON "grant_awards" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_conflicts_key" ON "grant_conflicts" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_criteria_position_key" ON "grant_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_tranches_position_key" ON "grant_tranches" USING btree ("award_id","position");