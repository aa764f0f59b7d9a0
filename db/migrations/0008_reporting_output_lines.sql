CREATE TABLE "report_lines" (
	"line_id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_lines_line_id_seq" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1),
	"activity" text NOT NULL,
	"detail" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "report_events_day_idx";--> statement-breakpoint
DROP INDEX "report_events_org_day_idx";--> statement-breakpoint
ALTER TABLE "report_person_months" ADD COLUMN "lines_lo" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_person_months" ADD COLUMN "lines_hi" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "report_lines_activity_detail_idx" ON "report_lines" USING btree ("activity","detail");--> statement-breakpoint
CREATE INDEX "report_events_day_cover_idx" ON "report_events" USING btree ("occurred_on","activity","detail","person_id","organisation_id","quantity","value_centimes");--> statement-breakpoint
CREATE INDEX "report_events_org_day_cover_idx" ON "report_events" USING btree ("organisation_id","occurred_on","activity","detail","person_id","quantity","value_centimes");