ALTER TABLE "internship_applications" ADD COLUMN "answer_reason" text;--> statement-breakpoint
ALTER TABLE "internship_applications" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD COLUMN "accepted_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- the acceptances made before seats limited them are counted; an offer that accepted more
-- people than its seats gets as many seats as it accepted (nobody loses an acceptance)
UPDATE "internship_offers" o SET "accepted_count" = a.n, "seats" = greatest(o."seats", a.n)
FROM (SELECT "offer_id", count(*)::int AS n FROM "internship_applications" WHERE "status" = 'accepted' GROUP BY "offer_id") a
WHERE a."offer_id" = o."id";--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_accepted_check" CHECK ("internship_offers"."accepted_count" between 0 and "internship_offers"."seats");