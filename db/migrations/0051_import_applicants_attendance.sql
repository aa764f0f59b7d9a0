ALTER TYPE "public"."import_kind" ADD VALUE 'applicants';--> statement-breakpoint
ALTER TYPE "public"."import_kind" ADD VALUE 'attendance';