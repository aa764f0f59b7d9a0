CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('confirmed', 'waiting', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."training_audience" AS ENUM('migrants', 'young_moroccans', 'both');--> statement-breakpoint
CREATE TYPE "public"."training_category" AS ENUM('soft_skills', 'life_skills', 'entrepreneurship_orientation', 'auto_entrepreneur', 'language_culture', 'vocational_orientation', 'digital_skills');--> statement-breakpoint
CREATE TYPE "public"."placement_contact_kind" AS ENUM('visit', 'call', 'message');--> statement-breakpoint
CREATE TYPE "public"."employment_status" AS ENUM('hired_by_host', 'hired_elsewhere', 'self_employed', 'studying', 'seeking', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."evaluation_stage" AS ENUM('mid_term', 'final');--> statement-breakpoint
CREATE TYPE "public"."host_agreement_status" AS ENUM('none', 'pending', 'signed');--> statement-breakpoint
CREATE TYPE "public"."internship_application_status" AS ENUM('submitted', 'proposed', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."outcome_checkpoint" AS ENUM('end', 'month_3', 'month_6');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('proposed', 'accepted', 'ongoing', 'completed', 'ended_early');--> statement-breakpoint
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
	CONSTRAINT "training_certificates_registrationId_unique" UNIQUE("registration_id"),
	CONSTRAINT "training_certificates_code_unique" UNIQUE("code")
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
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_actions" ADD CONSTRAINT "coaching_actions_guidance_session_id_guidance_sessions_id_fk" FOREIGN KEY ("guidance_session_id") REFERENCES "public"."guidance_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_sessions" ADD CONSTRAINT "guidance_sessions_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_search_logs" ADD CONSTRAINT "job_search_logs_beneficiary_id_users_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_search_logs" ADD CONSTRAINT "job_search_logs_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "coaching_actions_beneficiary_idx" ON "coaching_actions" USING btree ("beneficiary_id","due_on");--> statement-breakpoint
CREATE INDEX "guidance_sessions_beneficiary_idx" ON "guidance_sessions" USING btree ("beneficiary_id","held_on");--> statement-breakpoint
CREATE INDEX "job_search_logs_beneficiary_idx" ON "job_search_logs" USING btree ("beneficiary_id");--> statement-breakpoint
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
CREATE INDEX "placements_coach_idx" ON "placements" USING btree ("coach_id");