-- A correction or an undo that asks why keeps the reason's code on its audit row.
ALTER TABLE "audit_log" ADD COLUMN "reason" text;
