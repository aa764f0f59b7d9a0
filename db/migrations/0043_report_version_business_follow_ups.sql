-- The reports now count businesses' follow-up visits (still running, jobs): a committed
-- write to them moves the reports' version like every table the reports read (0075).
CREATE CONSTRAINT TRIGGER report_version_business_follow_ups AFTER INSERT OR UPDATE OR DELETE ON business_follow_ups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
