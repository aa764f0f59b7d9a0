ALTER TYPE "public"."stock_movement_kind" ADD VALUE 'reversal';--> statement-breakpoint
ALTER TABLE "distributions" DROP CONSTRAINT "distributions_round_case_key";--> statement-breakpoint
ALTER TABLE "distributions" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "distributions" ADD COLUMN "corrected_by_id" uuid;--> statement-breakpoint
ALTER TABLE "distributions" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_corrected_by_id_users_id_fk" FOREIGN KEY ("corrected_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "distributions_round_case_key" ON "distributions" USING btree ("round_id","case_id") WHERE "distributions"."corrected_at" is null;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_correction_check" CHECK (("distributions"."corrected_at" is null and "distributions"."corrected_by_id" is null and "distributions"."correction_reason" is null)
        or ("distributions"."corrected_at" is not null and "distributions"."corrected_by_id" is not null and length("distributions"."correction_reason") > 0));--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_reversal_check" CHECK ("stock_movements"."kind"::text <> 'reversal' or ("stock_movements"."distribution_id" is not null and "stock_movements"."quantity" > 0 and length("stock_movements"."reason") > 0));--> statement-breakpoint
-- a hand-out corrected the same day (reversed in the ledger) no longer counts as a kit
-- given; the update trigger on distributions takes its events out of the rollup
CREATE OR REPLACE VIEW report_src_distributions AS
SELECT 'distributions'::text AS source, d.id AS source_id, 'aid_kit'::text AS activity, i.kind::text AS detail,
  coalesce(c.applicant_user_id, c.id) AS person_key,
  (d.created_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on,
  r.organisation_id,
  coalesce(ri.quantity * (CASE WHEN r.per_household THEN c.household_size ELSE 1 END), 1)::bigint AS quantity,
  (coalesce(i.face_value_centimes, 0) * ri.quantity * (CASE WHEN r.per_household THEN c.household_size ELSE 1 END))::bigint AS value_centimes
FROM distributions d
JOIN distribution_rounds r ON r.id = d.round_id
JOIN round_items ri ON ri.round_id = r.id
JOIN aid_items i ON i.id = ri.item_id
JOIN beneficiary_cases c ON c.id = d.case_id
WHERE d.corrected_at IS NULL;
