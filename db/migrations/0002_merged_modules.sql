CREATE TYPE "public"."budget_entry_kind" AS ENUM('commitment', 'spending');--> statement-breakpoint
CREATE TYPE "public"."budget_line_key" AS ENUM('health', 'humanitarian_aid', 'employability', 'entrepreneurship_grants', 'staff_operations');--> statement-breakpoint
CREATE TYPE "public"."case_referral_kind" AS ENUM('referral', 'transfer');--> statement-breakpoint
CREATE TYPE "public"."case_referral_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('medical', 'hospital_referral', 'mental_health', 'shelter', 'legal', 'avrr');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'other');--> statement-breakpoint
CREATE TYPE "public"."aid_item_kind" AS ENUM('food_kit', 'hygiene_kit', 'nfi_kit', 'blanket', 'clothing', 'baby_kit', 'voucher');--> statement-breakpoint
CREATE TYPE "public"."stock_movement_kind" AS ENUM('receipt', 'transfer_in', 'transfer_out', 'distribution', 'adjustment');--> statement-breakpoint
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
CREATE INDEX "vouchers_case_idx" ON "vouchers" USING btree ("case_id");