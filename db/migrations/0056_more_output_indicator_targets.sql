-- Five more indicators can be given a baseline and a target (decision 0152):
-- group-session participations (OG.2), vouchers redeemed (R2.5), legal assistance (R2.6),
-- voluntary returns made (R2.7), funded businesses still running at 3 months (R4.6).
-- Every existing row keeps a valid code.
ALTER TABLE "report_targets" DROP CONSTRAINT "report_targets_indicator_check";--> statement-breakpoint
ALTER TABLE "report_targets" ADD CONSTRAINT "report_targets_indicator_check" CHECK ("report_targets"."indicator" in ('OG.1', 'OG.2', 'R1.1', 'R1.2', 'R1.3', 'R1.4', 'R2.1', 'R2.2', 'R2.3', 'R2.4', 'R2.5', 'R2.6', 'R2.7', 'R3.1', 'R3.2', 'R3.3', 'R3.4', 'R4.1', 'R4.2', 'R4.3', 'R4.4', 'R4.5', 'R4.6'));