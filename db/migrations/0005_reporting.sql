CREATE TYPE "public"."budget_entry_kind" AS ENUM('commitment', 'spending');--> statement-breakpoint
CREATE TYPE "public"."budget_line_key" AS ENUM('health', 'humanitarian_aid', 'employability', 'entrepreneurship_grants', 'staff_operations');--> statement-breakpoint
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
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_budget" ADD CONSTRAINT "programme_budget_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_entries_line_idx" ON "budget_entries" USING btree ("line_key","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_budget_singleton_key" ON "programme_budget" USING btree ("singleton");--> statement-breakpoint
CREATE INDEX "case_services_kind_date_idx" ON "case_services" USING btree ("kind","service_date");--> statement-breakpoint
CREATE INDEX "grant_tranches_paid_idx" ON "grant_tranches" USING btree ("paid_at") WHERE "grant_tranches"."paid_at" is not null;