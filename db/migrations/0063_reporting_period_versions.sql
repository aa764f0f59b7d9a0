CREATE TABLE "report_period_versions" (
	"period_months" smallint NOT NULL,
	"period_start" date NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "report_period_versions_period_months_period_start_pk" PRIMARY KEY("period_months","period_start")
);
--> statement-breakpoint
-- Hand-written below (decision 0193-report-reach-kept-per-period). Each quarter's and
-- year's version moves once per transaction that changed its people (a row of
-- report_person_periods inserted, updated or deleted), at commit, as report_version
-- does (0015): the row is locked only while the transaction commits, and a reader that
-- sees version N of a period also sees every change to that period before N.
CREATE FUNCTION report_bump_period(p_months smallint, p_start date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  flag text := 'masar.report_period_' || p_months || '_' || to_char(p_start, 'YYYYMMDD');
BEGIN
  IF current_setting(flag, true) IS DISTINCT FROM '1' THEN
    PERFORM set_config(flag, '1', true);
    INSERT INTO report_period_versions AS v (period_months, period_start, version) VALUES (p_months, p_start, 1)
      ON CONFLICT (period_months, period_start) DO UPDATE SET version = v.version + 1;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_bump_period_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM report_bump_period(NEW.period_months, NEW.period_start); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM report_bump_period(OLD.period_months, OLD.period_start); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_period_version_person_periods AFTER INSERT OR UPDATE OR DELETE ON report_person_periods DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_period_version();
--> statement-breakpoint
-- TRUNCATE (report_rebuild) fires no row trigger: every period it empties moves, read
-- before the rows go (a period left empty by the rebuild gets no row back to bump it).
CREATE FUNCTION report_bump_truncated_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_period_versions AS v (period_months, period_start, version)
    SELECT DISTINCT period_months, period_start, 1 FROM report_person_periods
    ON CONFLICT (period_months, period_start) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_period_version_truncate BEFORE TRUNCATE ON report_person_periods FOR EACH STATEMENT EXECUTE FUNCTION report_bump_truncated_periods();
--> statement-breakpoint
-- The months likewise (period_months 1, period_start the month): a row of
-- report_person_months inserted, updated or deleted moves its month's version, so that a
-- family reads again only the months of the quarters that changed.
CREATE FUNCTION report_bump_month_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM report_bump_period(1::smallint, NEW.month); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM report_bump_period(1::smallint, OLD.month); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_period_version_person_months AFTER INSERT OR UPDATE OR DELETE ON report_person_months DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_month_version();
--> statement-breakpoint
CREATE FUNCTION report_bump_truncated_months() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_period_versions AS v (period_months, period_start, version)
    SELECT DISTINCT 1::smallint, month, 1 FROM report_person_months
    ON CONFLICT (period_months, period_start) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_period_version_months_truncate BEFORE TRUNCATE ON report_person_months FOR EACH STATEMENT EXECUTE FUNCTION report_bump_truncated_months();
