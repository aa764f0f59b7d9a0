CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'other');--> statement-breakpoint
CREATE TYPE "public"."budget_entry_kind" AS ENUM('commitment', 'spending');--> statement-breakpoint
CREATE TYPE "public"."budget_line_key" AS ENUM('health', 'humanitarian_aid', 'employability', 'entrepreneurship_grants', 'staff_operations');--> statement-breakpoint
CREATE TYPE "public"."case_referral_kind" AS ENUM('referral', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."case_referral_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('medical', 'hospital_referral', 'mental_health', 'shelter', 'legal', 'avrr');--> statement-breakpoint
CREATE TYPE "public"."aid_item_kind" AS ENUM('food_kit', 'hygiene_kit', 'nfi_kit', 'blanket', 'clothing', 'baby_kit', 'voucher');--> statement-breakpoint
CREATE TYPE "public"."stock_movement_kind" AS ENUM('receipt', 'transfer_in', 'transfer_out', 'distribution', 'adjustment');--> statement-breakpoint
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
CREATE TYPE "public"."grant_application_status" AS ENUM('submitted', 'withdrawn', 'eligible', 'ineligible', 'awarded', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."grant_audience" AS ENUM('migrants', 'young_moroccans', 'both');--> statement-breakpoint
CREATE TYPE "public"."grant_call_status" AS ENUM('draft', 'open', 'closed', 'under_review', 'deliberation', 'decided');--> statement-breakpoint
CREATE TYPE "public"."grant_conflict_source" AS ENUM('declared', 'detected');--> statement-breakpoint
CREATE TYPE "public"."grant_conflict_status" AS ENUM('pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."grant_payment_method" AS ENUM('bank_transfer', 'cash', 'mobile_money');--> statement-breakpoint
CREATE TYPE "public"."grant_tranche_condition" AS ENUM('signature', 'business_started', 'six_months');--> statement-breakpoint
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
CREATE TABLE "budget_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_key" "budget_line_key" NOT NULL,
	"kind" "budget_entry_kind" NOT NULL,
	"amount_mad_centimes" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"reference" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_entries_amount_check" CHECK ("budget_entries"."amount_mad_centimes" > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_key" "budget_line_key" NOT NULL,
	"planned_usd_cents" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_lineKey_unique" UNIQUE("line_key"),
	CONSTRAINT "budget_lines_planned_check" CHECK ("budget_lines"."planned_usd_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_on" date NOT NULL,
	"mad_per_usd_e_4" integer NOT NULL,
	"set_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_effectiveOn_unique" UNIQUE("effective_on"),
	CONSTRAINT "exchange_rates_positive_check" CHECK ("exchange_rates"."mad_per_usd_e_4" > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_budget" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"singleton" boolean DEFAULT true NOT NULL,
	"total_usd_cents" bigint DEFAULT 15150000 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_budget_singleton_check" CHECK ("programme_budget"."singleton"),
	CONSTRAINT "programme_budget_total_check" CHECK ("programme_budget"."total_usd_cents" > 0),
	CONSTRAINT "programme_budget_dates_check" CHECK ("programme_budget"."starts_on" <= "programme_budget"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "beneficiary_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assigned_to_id" uuid,
	"applicant_user_id" uuid,
	"reference" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"name_arabic" text,
	"sex" "sex" NOT NULL,
	"date_of_birth" date,
	"estimated_age" integer,
	"nationality" text,
	"languages" text,
	"phone" text,
	"document_number" text,
	"city" text,
	"household_size" integer DEFAULT 1 NOT NULL,
	"household_notes" text,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"confirmed_distinct_from" uuid,
	"anonymised_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "beneficiary_cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "beneficiary_cases_household_check" CHECK ("beneficiary_cases"."household_size" between 1 and 30),
	CONSTRAINT "beneficiary_cases_age_check" CHECK ("beneficiary_cases"."estimated_age" is null or "beneficiary_cases"."estimated_age" between 0 and 120)
);
--> statement-breakpoint
CREATE TABLE "case_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"services" boolean NOT NULL,
	"referral" boolean NOT NULL,
	"referral_partners" text,
	"anonymised_reporting" boolean NOT NULL,
	"notice_version" text NOT NULL,
	"language" "locale" NOT NULL,
	"collected_by_id" uuid NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_notes_enc_check" CHECK ("case_notes"."body_enc" like 'v1:%')
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_referral_kind" NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"status" "case_referral_status" DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"consent_override_by_id" uuid,
	"consent_override_reason" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_referrals_orgs_check" CHECK ("case_referrals"."from_organisation_id" <> "case_referrals"."to_organisation_id"),
	CONSTRAINT "case_referrals_override_check" CHECK ("case_referrals"."consent_override_by_id" is null or length("case_referrals"."consent_override_reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "case_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "service_kind" NOT NULL,
	"service_date" date NOT NULL,
	"provider" text,
	"status" text NOT NULL,
	"due_date" date,
	"cost_centimes" integer DEFAULT 0 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes_enc" text,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_services_cost_check" CHECK ("case_services"."cost_centimes" >= 0),
	CONSTRAINT "case_services_notes_enc_check" CHECK ("case_services"."notes_enc" is null or "case_services"."notes_enc" like 'v1:%')
);
--> statement-breakpoint
CREATE TABLE "protection_supervisors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"granted_by_id" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"data_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vulnerability_assessments_enc_check" CHECK ("vulnerability_assessments"."data_enc" like 'v1:%')
);
--> statement-breakpoint
CREATE TABLE "aid_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "aid_item_kind" NOT NULL,
	"name" text NOT NULL,
	"face_value_centimes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_items_name_unique" UNIQUE("name"),
	CONSTRAINT "aid_items_face_value_check" CHECK (("aid_items"."kind" = 'voucher' and "aid_items"."face_value_centimes" > 0) or ("aid_items"."kind" <> 'voucher' and "aid_items"."face_value_centimes" is null))
);
--> statement-breakpoint
CREATE TABLE "distribution_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"per_household" boolean DEFAULT false NOT NULL,
	"eligibility_vulnerability" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_rounds_dates_check" CHECK ("distribution_rounds"."ends_on" >= "distribution_rounds"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"handed_out_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributions_round_case_key" UNIQUE("round_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "round_items" (
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "round_items_round_id_item_id_pk" PRIMARY KEY("round_id","item_id"),
	CONSTRAINT "round_items_quantity_check" CHECK ("round_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_balances" (
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stock_balances_warehouse_id_item_id_pk" PRIMARY KEY("warehouse_id","item_id"),
	CONSTRAINT "stock_balances_quantity_check" CHECK ("stock_balances"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" "stock_movement_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text,
	"distribution_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_nonzero_check" CHECK ("stock_movements"."quantity" <> 0),
	CONSTRAINT "stock_movements_adjustment_reason_check" CHECK ("stock_movements"."kind" <> 'adjustment' or length("stock_movements"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"value_centimes" integer NOT NULL,
	"issued_by_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone,
	"redeemed_by_id" uuid,
	CONSTRAINT "vouchers_code_unique" UNIQUE("code"),
	CONSTRAINT "vouchers_value_check" CHECK ("vouchers"."value_centimes" > 0),
	CONSTRAINT "vouchers_redeemed_check" CHECK (("vouchers"."redeemed_at" is null) = ("vouchers"."redeemed_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warehouses_org_name_key" UNIQUE("organisation_id","name")
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
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_budget" ADD CONSTRAINT "programme_budget_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_collected_by_id_users_id_fk" FOREIGN KEY ("collected_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consents" ADD CONSTRAINT "case_consents_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_consent_override_by_id_users_id_fk" FOREIGN KEY ("consent_override_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_services" ADD CONSTRAINT "case_services_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_supervisors" ADD CONSTRAINT "protection_supervisors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_supervisors" ADD CONSTRAINT "protection_supervisors_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_assessments" ADD CONSTRAINT "vulnerability_assessments_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_assessments" ADD CONSTRAINT "vulnerability_assessments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_rounds" ADD CONSTRAINT "distribution_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_rounds" ADD CONSTRAINT "distribution_rounds_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_rounds" ADD CONSTRAINT "distribution_rounds_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_round_id_distribution_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."distribution_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_handed_out_by_id_users_id_fk" FOREIGN KEY ("handed_out_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_items" ADD CONSTRAINT "round_items_round_id_distribution_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."distribution_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_items" ADD CONSTRAINT "round_items_item_id_aid_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."aid_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_item_id_aid_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."aid_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_item_id_aid_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."aid_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_redeemed_by_id_users_id_fk" FOREIGN KEY ("redeemed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "budget_entries_line_idx" ON "budget_entries" USING btree ("line_key","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_budget_singleton_key" ON "programme_budget" USING btree ("singleton");--> statement-breakpoint
CREATE INDEX "beneficiary_cases_org_idx" ON "beneficiary_cases" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "beneficiary_cases_phone_idx" ON "beneficiary_cases" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "beneficiary_cases_document_idx" ON "beneficiary_cases" USING btree ("document_number");--> statement-breakpoint
CREATE INDEX "case_consents_case_idx" ON "case_consents" USING btree ("case_id","given_at");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_referrals_to_idx" ON "case_referrals" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE INDEX "case_referrals_case_idx" ON "case_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_referrals_pending_key" ON "case_referrals" USING btree ("case_id","kind") WHERE "case_referrals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "case_services_case_idx" ON "case_services" USING btree ("case_id","service_date");--> statement-breakpoint
CREATE INDEX "vulnerability_assessments_case_idx" ON "vulnerability_assessments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_warehouse_item_idx" ON "stock_movements" USING btree ("warehouse_id","item_id","created_at");--> statement-breakpoint
CREATE INDEX "vouchers_case_idx" ON "vouchers" USING btree ("case_id");--> statement-breakpoint
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
CREATE UNIQUE INDEX "grant_applications_one_per_call_key" ON "grant_applications" USING btree ("call_id","applicant_id") WHERE "grant_applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "grant_applications_call_idx" ON "grant_applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_assignments_key" ON "grant_assignments" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "grant_assignments_reviewer_idx" ON "grant_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_awards_application_key" ON "grant_awards" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_conflicts_key" ON "grant_conflicts" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_criteria_position_key" ON "grant_criteria" USING btree ("call_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_tranches_position_key" ON "grant_tranches" USING btree ("award_id","position");--> statement-breakpoint
CREATE INDEX "business_plans_owner_idx" ON "business_plans" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "plan_attachments_plan_idx" ON "plan_attachments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_comments_plan_idx" ON "plan_comments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "deletion_requests_status_idx" ON "deletion_requests" USING btree ("status","created_at");