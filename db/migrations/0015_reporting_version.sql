CREATE TABLE "report_version" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_version_singleton_check" CHECK ("report_version"."singleton")
);
--> statement-breakpoint
-- Hand-written below: the row, and the triggers that bump it (decision: report cache).
INSERT INTO "report_version" ("singleton", "version") VALUES (true, 0);
--> statement-breakpoint
-- Runs at commit (deferred), once per transaction whatever the number of rows: the row
-- lock is held only while the transaction commits, so writers do not queue on it for
-- their whole length, and a reader that sees version N also sees every write before N.
CREATE FUNCTION report_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('masar.report_version_bumped', true) IS DISTINCT FROM '1' THEN
    PERFORM set_config('masar.report_version_bumped', '1', true);
    UPDATE report_version SET version = version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'report_events', 'report_people', 'report_person_ids', 'report_person_months', 'report_lines',
    'vulnerability_assessments', 'beneficiary_cases', 'case_services', 'vouchers',
    'grant_awards', 'grant_tranches',
    'programme_budget', 'budget_lines', 'exchange_rates', 'budget_entries'
  ] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER report_version_%1$s AFTER INSERT OR UPDATE OR DELETE ON %1$I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version()', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- report_rebuild() empties the rollup with TRUNCATE, which row triggers do not see.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['report_events', 'report_people', 'report_person_months'] LOOP
    EXECUTE format('CREATE TRIGGER report_version_truncate_%1$s AFTER TRUNCATE ON %1$I FOR EACH STATEMENT EXECUTE FUNCTION report_bump_version()', t);
  END LOOP;
END $$;
