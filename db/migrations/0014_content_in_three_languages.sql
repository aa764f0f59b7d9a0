-- Content staff type for applicants, in three languages (issue 14). The text already
-- there is French and stays as the French value; Arabic and English start empty and the
-- pages show the French text, marked as French, until someone fills them.
ALTER TABLE "trainings" ALTER COLUMN "title_ar" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "trainings" ALTER COLUMN "title_en" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "grant_calls" ALTER COLUMN "title_ar" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "grant_calls" ALTER COLUMN "title_en" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "grant_criteria" ALTER COLUMN "label_ar" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "grant_criteria" ALTER COLUMN "label_en" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "grant_criteria" RENAME COLUMN "description" TO "description_fr";--> statement-breakpoint
ALTER TABLE "grant_criteria" ADD COLUMN "description_ar" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_criteria" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_cohorts" RENAME COLUMN "name" TO "name_fr";--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD COLUMN "name_ar" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" RENAME COLUMN "place" TO "place_fr";--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "place_ar" text;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "place_en" text;--> statement-breakpoint
ALTER TABLE "internship_offers" RENAME COLUMN "title" TO "title_fr";--> statement-breakpoint
ALTER TABLE "internship_offers" ADD COLUMN "title_ar" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD COLUMN "title_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "internship_offers" RENAME COLUMN "requirements" TO "requirements_fr";--> statement-breakpoint
ALTER TABLE "internship_offers" ADD COLUMN "requirements_ar" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD COLUMN "requirements_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_items" RENAME COLUMN "name" TO "name_fr";--> statement-breakpoint
ALTER TABLE "aid_items" ADD COLUMN "name_ar" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_items" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;
