CREATE TABLE "training_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"months_after" integer NOT NULL,
	"employment_status" "employment_status" NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_outcomes_months_check" CHECK ("training_outcomes"."months_after" in (3, 6)),
	CONSTRAINT "training_outcomes_status_check" CHECK ("training_outcomes"."employment_status" <> 'hired_by_host')
);
--> statement-breakpoint
ALTER TABLE "training_outcomes" ADD CONSTRAINT "training_outcomes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_outcomes" ADD CONSTRAINT "training_outcomes_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_outcomes_user_months_key" ON "training_outcomes" USING btree ("user_id","months_after");--> statement-breakpoint
-- The reports count these checks (employment at 3 and 6 months): a committed write moves
-- the reports' version like every table the reports read (0075).
CREATE CONSTRAINT TRIGGER report_version_training_outcomes AFTER INSERT OR UPDATE OR DELETE ON training_outcomes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
