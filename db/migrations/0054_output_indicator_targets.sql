-- The output indicators of each result can be given a baseline and a target too (the decision
-- record "Output indicators: which figure each target is measured against"): the codes the
-- table accepts grow from the five people-reached indicators to the framework's eighteen.
-- Every existing row keeps a valid code.
ALTER TABLE "report_targets" DROP CONSTRAINT "report_targets_indicator_check";--> statement-breakpoint
ALTER TABLE "report_targets" ADD CONSTRAINT "report_targets_indicator_check" CHECK ("report_targets"."indicator" in ('OG.1', 'R1.1', 'R1.2', 'R1.3', 'R1.4', 'R2.1', 'R2.2', 'R2.3', 'R2.4', 'R3.1', 'R3.2', 'R3.3', 'R3.4', 'R4.1', 'R4.2', 'R4.3', 'R4.4', 'R4.5'));
