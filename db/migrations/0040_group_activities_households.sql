CREATE TYPE "public"."group_activity_kind" AS ENUM('awareness', 'information', 'psychosocial');--> statement-breakpoint
CREATE TYPE "public"."group_topic" AS ENUM('rights_and_services', 'health', 'mental_wellbeing', 'gbv_prevention', 'child_protection', 'safe_migration', 'trafficking', 'psea', 'legal_status', 'education', 'employment', 'entrepreneurship', 'other');--> statement-breakpoint
CREATE TYPE "public"."household_relationship" AS ENUM('spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other_relative', 'other');--> statement-breakpoint
CREATE TABLE "group_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "group_activity_kind" NOT NULL,
	"topic" "group_topic" NOT NULL,
	"held_on" date NOT NULL,
	"city" "city" NOT NULL,
	"venue" text,
	"facilitator" text NOT NULL,
	"female0to4" integer DEFAULT 0 NOT NULL,
	"female5to11" integer DEFAULT 0 NOT NULL,
	"female12to17" integer DEFAULT 0 NOT NULL,
	"female18to24" integer DEFAULT 0 NOT NULL,
	"female25to59" integer DEFAULT 0 NOT NULL,
	"female60plus" integer DEFAULT 0 NOT NULL,
	"male0to4" integer DEFAULT 0 NOT NULL,
	"male5to11" integer DEFAULT 0 NOT NULL,
	"male12to17" integer DEFAULT 0 NOT NULL,
	"male18to24" integer DEFAULT 0 NOT NULL,
	"male25to59" integer DEFAULT 0 NOT NULL,
	"male60plus" integer DEFAULT 0 NOT NULL,
	"moroccans" integer,
	"migrants" integer,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_activities_counts_check" CHECK ("group_activities"."female0to4" between 0 and 2000 and "group_activities"."male0to4" between 0 and 2000 and "group_activities"."female5to11" between 0 and 2000 and "group_activities"."male5to11" between 0 and 2000 and "group_activities"."female12to17" between 0 and 2000 and "group_activities"."male12to17" between 0 and 2000 and "group_activities"."female18to24" between 0 and 2000 and "group_activities"."male18to24" between 0 and 2000 and "group_activities"."female25to59" between 0 and 2000 and "group_activities"."male25to59" between 0 and 2000 and "group_activities"."female60plus" between 0 and 2000 and "group_activities"."male60plus" between 0 and 2000),
	CONSTRAINT "group_activities_someone_check" CHECK (("group_activities"."female0to4" + "group_activities"."male0to4" + "group_activities"."female5to11" + "group_activities"."male5to11" + "group_activities"."female12to17" + "group_activities"."male12to17" + "group_activities"."female18to24" + "group_activities"."male18to24" + "group_activities"."female25to59" + "group_activities"."male25to59" + "group_activities"."female60plus" + "group_activities"."male60plus") >= 1),
	CONSTRAINT "group_activities_nationality_check" CHECK (("group_activities"."moroccans" is null or "group_activities"."moroccans" >= 0) and ("group_activities"."migrants" is null or "group_activities"."migrants" >= 0)
        and coalesce("group_activities"."moroccans", 0) + coalesce("group_activities"."migrants", 0) <= ("group_activities"."female0to4" + "group_activities"."male0to4" + "group_activities"."female5to11" + "group_activities"."male5to11" + "group_activities"."female12to17" + "group_activities"."male12to17" + "group_activities"."female18to24" + "group_activities"."male18to24" + "group_activities"."female25to59" + "group_activities"."male25to59" + "group_activities"."female60plus" + "group_activities"."male60plus")),
	CONSTRAINT "group_activities_facilitator_check" CHECK (length("group_activities"."facilitator") between 1 and 120),
	CONSTRAINT "group_activities_venue_check" CHECK ("group_activities"."venue" is null or length("group_activities"."venue") <= 120)
);
--> statement-breakpoint
CREATE TABLE "group_activity_participants" (
	"activity_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_activity_participants_activity_id_case_id_pk" PRIMARY KEY("activity_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"relationship" "household_relationship" NOT NULL,
	"sex" "sex" NOT NULL,
	"birth_year" integer,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_birth_year_check" CHECK ("household_members"."birth_year" is null or "household_members"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "group_activities" ADD CONSTRAINT "group_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_activities" ADD CONSTRAINT "group_activities_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_activity_participants" ADD CONSTRAINT "group_activity_participants_activity_id_group_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."group_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_activity_participants" ADD CONSTRAINT "group_activity_participants_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_case_id_beneficiary_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."beneficiary_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_activities_org_day_idx" ON "group_activities" USING btree ("organisation_id","held_on");--> statement-breakpoint
CREATE INDEX "group_activities_day_idx" ON "group_activities" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "group_activity_participants_case_idx" ON "group_activity_participants" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "household_members_case_idx" ON "household_members" USING btree ("case_id");--> statement-breakpoint
-- Hand-written: the reports read these tables (group activities, linked participants,
-- household members), so a change bumps the report version like any other source
-- (migration 0015, decision 0075) and cached figures are recomputed.
CREATE CONSTRAINT TRIGGER report_version_group_activities AFTER INSERT OR UPDATE OR DELETE ON group_activities DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_version_group_activity_participants AFTER INSERT OR UPDATE OR DELETE ON group_activity_participants DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_version_household_members AFTER INSERT OR UPDATE OR DELETE ON household_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
