CREATE TABLE "report_events" (
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"detail" text,
	"person_key" uuid,
	"person_id" integer,
	"occurred_on" date,
	"organisation_id" uuid,
	"quantity" bigint NOT NULL,
	"value_centimes" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_people" (
	"person_key" uuid PRIMARY KEY NOT NULL,
	"person_id" integer,
	"sex" text,
	"birth_date" date,
	"nationality" text,
	"is_migrant" boolean,
	"region" text
);
--> statement-breakpoint
CREATE TABLE "report_person_ids" (
	"person_key" uuid PRIMARY KEY NOT NULL,
	"person_id" integer GENERATED ALWAYS AS IDENTITY (sequence name "report_person_ids_person_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	CONSTRAINT "report_person_ids_personId_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "report_person_months" (
	"person_id" integer NOT NULL,
	"month" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mask" integer NOT NULL,
	CONSTRAINT "report_person_months_person_id_month_organisation_id_pk" PRIMARY KEY("person_id","month","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "report_place_codes" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "report_place_codes_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE INDEX "report_events_source_idx" ON "report_events" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "report_events_day_idx" ON "report_events" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "report_events_org_day_idx" ON "report_events" USING btree ("organisation_id","occurred_on");--> statement-breakpoint
CREATE INDEX "report_events_person_day_idx" ON "report_events" USING btree ("person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "report_person_months_month_idx" ON "report_person_months" USING btree ("month");--> statement-breakpoint
CREATE INDEX "beneficiary_cases_person_key_idx" ON "beneficiary_cases" USING btree (coalesce("applicant_user_id", "id"));--> statement-breakpoint
CREATE INDEX "distributions_case_idx" ON "distributions" USING btree ("case_id");