CREATE TABLE "report_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"locale" text NOT NULL,
	"version" integer NOT NULL,
	"pdf" "bytea" NOT NULL,
	"issued_by_id" uuid NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_issues_quarter_check" CHECK ("report_issues"."quarter" ~ '^[0-9]{4}-Q[1-4]$'),
	CONSTRAINT "report_issues_locale_check" CHECK ("report_issues"."locale" in ('fr', 'ar', 'en')),
	CONSTRAINT "report_issues_version_check" CHECK ("report_issues"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"quarter" text NOT NULL,
	"locale" text NOT NULL,
	"result" text NOT NULL,
	"achievements" text DEFAULT '' NOT NULL,
	"challenges" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narratives_quarter_locale_result_pk" PRIMARY KEY("quarter","locale","result"),
	CONSTRAINT "report_narratives_quarter_check" CHECK ("report_narratives"."quarter" ~ '^[0-9]{4}-Q[1-4]$'),
	CONSTRAINT "report_narratives_locale_check" CHECK ("report_narratives"."locale" in ('fr', 'ar', 'en')),
	CONSTRAINT "report_narratives_result_check" CHECK ("report_narratives"."result" in ('health', 'humanitarian', 'employability', 'entrepreneurship')),
	CONSTRAINT "report_narratives_length_check" CHECK (length("report_narratives"."achievements") <= 4000 and length("report_narratives"."challenges") <= 4000 and length("report_narratives"."next_steps") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "report_targets" (
	"indicator" text NOT NULL,
	"period" text NOT NULL,
	"baseline" integer DEFAULT 0 NOT NULL,
	"target" integer NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_targets_indicator_period_pk" PRIMARY KEY("indicator","period"),
	CONSTRAINT "report_targets_indicator_check" CHECK ("report_targets"."indicator" in ('OG.1', 'R1.1', 'R2.1', 'R3.1', 'R4.1')),
	CONSTRAINT "report_targets_period_check" CHECK ("report_targets"."period" ~ '^(programme|[0-9]{4}-Q[1-4])$'),
	CONSTRAINT "report_targets_baseline_check" CHECK ("report_targets"."baseline" >= 0),
	CONSTRAINT "report_targets_target_check" CHECK ("report_targets"."target" >= 0)
);
--> statement-breakpoint
ALTER TABLE "report_issues" ADD CONSTRAINT "report_issues_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narratives" ADD CONSTRAINT "report_narratives_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_targets" ADD CONSTRAINT "report_targets_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_issues_quarter_locale_version_key" ON "report_issues" USING btree ("quarter","locale","version");--> statement-breakpoint
-- Hand-written below. Targets change what the reports show (value against target, status):
-- a change bumps the report version like any other source (migration 0015), so cached reports are recomputed.
CREATE CONSTRAINT TRIGGER report_version_report_targets AFTER INSERT OR UPDATE OR DELETE ON report_targets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
--> statement-breakpoint
-- An issued report is what the donor received: its bytes never change and it is never removed.
CREATE FUNCTION report_issues_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an issued report cannot be changed' USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER report_issues_immutable BEFORE UPDATE OR DELETE ON report_issues FOR EACH ROW EXECUTE FUNCTION report_issues_immutable();
