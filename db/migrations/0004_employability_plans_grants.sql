CREATE TYPE "public"."grant_application_status" AS ENUM('submitted', 'withdrawn', 'eligible', 'ineligible', 'awarded', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."grant_audience" AS ENUM('migrants', 'young_moroccans', 'both');--> statement-breakpoint
CREATE TYPE "public"."grant_call_status" AS ENUM('draft', 'open', 'closed', 'under_review', 'deliberation', 'decided');--> statement-breakpoint
CREATE TYPE "public"."grant_conflict_source" AS ENUM('declared', 'detected');--> statement-breakpoint
CREATE TYPE "public"."grant_conflict_status" AS ENUM('pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."grant_payment_method" AS ENUM('bank_transfer', 'cash', 'mobile_money');--> statement-breakpoint
CREATE TYPE "public"."grant_tranche_condition" AS ENUM('signature', 'business_started', 'six_months');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('confirmed', 'waiting', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."certificate_revocation_reason" AS ENUM('attendance_corrected', 'revoked_by_admin');--> statement-breakpoint
CREATE TYPE "public"."training_audience" AS ENUM('migrants', 'young_moroccans', 'both');--> statement-breakpoint
CREATE TYPE "public"."training_category" AS ENUM('soft_skills', 'life_skills', 'entrepreneurship_orientation', 'auto_entrepreneur', 'language_culture', 'vocational_orientation', 'digital_skills');--> statement-breakpoint
CREATE TYPE "public"."placement_contact_kind" AS ENUM('visit', 'call', 'message');--> statement-breakpoint
CREATE TYPE "public"."employment_status" AS ENUM('hired_by_host', 'hired_elsewhere', 'self_employed', 'studying', 'seeking', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."evaluation_stage" AS ENUM('mid_term', 'final');--> statement-breakpoint
CREATE TYPE "public"."host_agreement_status" AS ENUM('none', 'pending', 'signed');--> statement-breakpoint
CREATE TYPE "public"."internship_application_status" AS ENUM('submitted', 'proposed', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."outcome_checkpoint" AS ENUM('end', 'month_3', 'month_6');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('proposed', 'accepted', 'ongoing', 'completed', 'ended_early');--> statement-breakpoint
CREATE TYPE "public"."plan_section" AS ENUM('summary', 'promoters', 'product', 'market', 'marketing', 'operations', 'legal', 'financial', 'risks');--> statement-breakpoint
CREATE TYPE "public"."plan_sector" AS ENUM('agriculture', 'food_processing', 'trade', 'crafts', 'services', 'digital', 'textile', 'construction', 'other');--> statement-breakpoint
CREATE TYPE "public"."deletion_request_status" AS ENUM('pending', 'done', 'refused');--> statement-breakpoint
CREATE TYPE "public"."resident_status" AS ENUM('migrant', 'moroccan');--> statement-breakpoint
CREATE TABLE "coaching_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"coach_id" uuid NOT NULL,
	"guidance_session_id" uuid,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"coach_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"goals" text NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_search_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"coach_id" uuid NOT NULL,
	"logged_on" date NOT NULL,
	"cvs_sent" integer DEFAULT 0 NOT NULL,
	"interviews" integer DEFAULT 0 NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "job_search_logs_counts_check" CHECK ("job_search_logs"."cvs_sent" >= 0 and "job_search_logs"."interviews" >= 0 and "job_search_logs"."contacts" >= 0)
);
--> statement-breakpoint
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
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"marked_by_id" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" "certificate_revocation_reason",
	CONSTRAINT "training_certificates_registrationId_unique" UNIQUE("registration_id"),
	CONSTRAINT "training_certificates_code_unique" UNIQUE("code"),
	CONSTRAINT "training_certificates_revoked_check" CHECK (("training_certificates"."revoked_at" is null) = ("training_certificates"."revoked_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "training_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_cohorts_capacity_check" CHECK ("training_cohorts"."capacity" > 0),
	CONSTRAINT "training_cohorts_seats_check" CHECK ("training_cohorts"."confirmed_count" between 0 and "training_cohorts"."capacity"),
	CONSTRAINT "training_cohorts_dates_check" CHECK ("training_cohorts"."ends_on" >= "training_cohorts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "registration_status" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"place" text,
	"online_link" text,
	"trainer_id" uuid,
	"trainer_name" text,
	CONSTRAINT "training_sessions_duration_check" CHECK ("training_sessions"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" "training_category" NOT NULL,
	"title_fr" text NOT NULL,
	"title_ar" text NOT NULL,
	"title_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_ar" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"audience" "training_audience" DEFAULT 'both' NOT NULL,
	"delivery_language" text DEFAULT 'fr' NOT NULL,
	"min_attendance_percent" integer DEFAULT 80 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_min_attendance_check" CHECK ("trainings"."min_attendance_percent" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "host_details" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"sector" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"agreement_status" "host_agreement_status" DEFAULT 'none' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"proposed_by_id" uuid,
	"status" "internship_application_status" NOT NULL,
	"motivation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_id" uuid NOT NULL,
	"title" text NOT NULL,
	"sector" text NOT NULL,
	"city" text NOT NULL,
	"starts_on" date NOT NULL,
	"duration_weeks" integer NOT NULL,
	"stipend_centimes" integer DEFAULT 0 NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"languages" text DEFAULT '' NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internship_offers_stipend_check" CHECK ("internship_offers"."stipend_centimes" >= 0),
	CONSTRAINT "internship_offers_seats_check" CHECK ("internship_offers"."seats" > 0),
	CONSTRAINT "internship_offers_duration_check" CHECK ("internship_offers"."duration_weeks" between 1 and 104)
);
--> statement-breakpoint
CREATE TABLE "placement_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"kind" "placement_contact_kind" NOT NULL,
	"contacted_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"problem" text,
	"logged_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"stage" "evaluation_stage" NOT NULL,
	"punctuality" smallint NOT NULL,
	"teamwork" smallint NOT NULL,
	"communication" smallint NOT NULL,
	"technical_skills" smallint NOT NULL,
	"autonomy" smallint NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"entered_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_evaluations_scale_check" CHECK ("placement_evaluations"."punctuality" between 1 and 4 and "placement_evaluations"."teamwork" between 1 and 4 and "placement_evaluations"."communication" between 1 and 4 and "placement_evaluations"."technical_skills" between 1 and 4 and "placement_evaluations"."autonomy" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "placement_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"checkpoint" "outcome_checkpoint" NOT NULL,
	"employment_status" "employment_status" NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"host_id" uuid NOT NULL,
	"offer_id" uuid,
	"coach_id" uuid NOT NULL,
	"tutor_name" text NOT NULL,
	"tutor_contact" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"stipend_centimes" integer DEFAULT 0 NOT NULL,
	"status" "placement_status" DEFAULT 'proposed' NOT NULL,
	"ended_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_dates_check" CHECK ("placements"."ends_on" >= "placements"."starts_on"),
	CONSTRAINT "placements_stipend_check" CHECK ("placements"."stipend_centimes" >= 0),
	CONSTRAINT "placements_ended_reason_check" CHECK ("placements"."status" <> 'ended_early' or "placements"."ended_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "business_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"promoters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"product" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"market" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"marketing" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"operations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"legal" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"financial" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"risks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"uploaded_by_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_attachments_size_check" CHECK (octet_length("plan_attachments"."content") between 1 and 5242880),
	CONSTRAINT "plan_attachments_byte_size_check" CHECK ("plan_attachments"."byte_size" = octet_length("plan_attachments"."content")),
	CONSTRAINT "plan_attachments_type_check" CHECK ("plan_attachments"."content_type" in ('application/pdf', 'image/jpeg', 'image/png'))
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"section" "plan_section" NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_comments_body_check" CHECK (length("plan_comments"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "deletion_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text,
	"status" "deletion_request_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"given_name" text,
	"family_name" text,
	"given_name_ar" text,
	"family_name_ar" text,
	"sex" "sex",
	"birth_date" date,
	"nationality" text,
	"languages_spoken" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages_read" text[] DEFAULT '{}'::text[] NOT NULL,
	"city" text,
	"region" text,
	"resident_status" "resident_status",
	"heard_from" text,
	"education" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"experience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skills" text,
	"seeks" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_nationality_check" CHECK ("profiles"."nationality" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_guidance_session_id_guidance_sessions_id_fk" FOREIGN KEY ("guidance_session_id") REFERENCES "public"."guidance_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_search_logs" ADD CONSTRAINT "job_search_logs_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_search_logs" ADD CONSTRAINT "job_search_logs_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_marked_by_id_users_id_fk" FOREIGN KEY ("marked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_trainer_id_users_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_details" ADD CONSTRAINT "host_details_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_offer_id_internship_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."internship_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD CONSTRAINT "internship_applications_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_host_id_organisations_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_contacts" ADD CONSTRAINT "placement_contacts_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_contacts" ADD CONSTRAINT "placement_contacts_logged_by_id_users_id_fk" FOREIGN KEY ("logged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_evaluations" ADD CONSTRAINT "placement_evaluations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_evaluations" ADD CONSTRAINT "placement_evaluations_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_outcomes" ADD CONSTRAINT "placement_outcomes_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_outcomes" ADD CONSTRAINT "placement_outcomes_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_host_id_organisations_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_offer_id_internship_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."internship_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_attachments" ADD CONSTRAINT "plan_attachments_plan_id_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."business_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_attachments" ADD CONSTRAINT "plan_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_plan_id_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."business_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_requests" ADD CONSTRAINT "deletion_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_actions_beneficiary_idx" ON "coaching_actions" USING btree ("beneficiary_id","due_on");--> statement-breakpoint
CREATE INDEX "guidance_sessions_beneficiary_idx" ON "guidance_sessions" USING btree ("beneficiary_id","held_on");--> statement-breakpoint
CREATE INDEX "job_search_logs_beneficiary_idx" ON "job_search_logs" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_applications_one_per_call_key" ON "grant_applications" USING btree ("call_id","applicant_id") WHERE "grant_applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "grant_applications_call_idx" ON "grant_applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_assignments_key" ON "grant_assignments" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "grant_assignments_reviewer_idx" ON "grant_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_awards_application_key" ON "grant_awards" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_conflicts_key" ON "grant_conflicts" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_criteria_position_key" ON "grant_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_tranches_position_key" ON "grant_tranches" USING btree ("award_id","position");--> statement-breakpoint
CREATE INDEX "training_certificates_user_idx" ON "training_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_cohorts_training_idx" ON "training_cohorts" USING btree ("training_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_active_key" ON "training_registrations" USING btree ("cohort_id","user_id") WHERE "training_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "training_registrations_queue_idx" ON "training_registrations" USING btree ("cohort_id","status","seq");--> statement-breakpoint
CREATE INDEX "training_registrations_user_idx" ON "training_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_sessions_cohort_idx" ON "training_sessions" USING btree ("cohort_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_applications_once_key" ON "internship_applications" USING btree ("offer_id","beneficiary_id");--> statement-breakpoint
CREATE INDEX "placement_contacts_placement_idx" ON "placement_contacts" USING btree ("placement_id","contacted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_evaluations_stage_key" ON "placement_evaluations" USING btree ("placement_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_outcomes_checkpoint_key" ON "placement_outcomes" USING btree ("placement_id","checkpoint");--> statement-breakpoint
CREATE INDEX "placements_beneficiary_idx" ON "placements" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "placements_coach_idx" ON "placements" USING btree ("coach_id");--> statement-breakpoint
CREATE INDEX "business_plans_owner_idx" ON "business_plans" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "plan_attachments_plan_idx" ON "plan_attachments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_comments_plan_idx" ON "plan_comments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "deletion_requests_status_idx" ON "deletion_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deletion_requests_pending_key" ON "deletion_requests" USING btree ("user_id") WHERE "deletion_requests"."status" = 'pending';