ALTER TABLE "feedback_items" DROP CONSTRAINT "feedback_items_confidential_check";--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_confidential_category_check" CHECK ("feedback_items"."confidential" = ("feedback_items"."category" in ('staff_misconduct', 'sexual_exploitation_abuse')));--> statement-breakpoint
-- Hand-written below: the dashboard's complaint counts are cached like the other figures
-- (decision: report cache), so a change to a message bumps the reports' version.
CREATE CONSTRAINT TRIGGER report_version_feedback_items AFTER INSERT OR UPDATE OR DELETE ON feedback_items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
