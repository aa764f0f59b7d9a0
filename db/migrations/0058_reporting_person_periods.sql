CREATE TABLE "report_person_periods" (
	"period_months" smallint NOT NULL,
	"period_start" date NOT NULL,
	"person_id" integer NOT NULL,
	"mask" integer NOT NULL,
	"lines_lo" bigint NOT NULL,
	"lines_hi" bigint NOT NULL,
	CONSTRAINT "report_person_periods_period_months_period_start_person_id_pk" PRIMARY KEY("period_months","period_start","person_id"),
	CONSTRAINT "report_person_periods_months_check" CHECK ("report_person_periods"."period_months" in (3, 12))
);
--> statement-breakpoint
-- Hand-written below (decision: people per quarter and year kept by triggers).
-- Each person's quarters and years, every association together, from their months:
-- the months of report_person_months OR-ed. Kept by statement triggers on that table,
-- in the same transaction: every write that changes who is reached (a service, a
-- distribution, a voucher, a certificate, a group or household link, a case linked,
-- closed, corrected, anonymised or deleted, a rebuild) reaches it through the events
-- and their months. The months are written only under their people's locks
-- (report_lock_people, decision 0045), so the periods of a person are recomputed from
-- their months in a new statement that sees whatever the previous holder committed.
CREATE FUNCTION report_refresh_person_periods(p_people integer[], p_months date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_people IS NULL OR cardinality(p_people) = 0 THEN RETURN; END IF;
  WITH touched AS (
    SELECT DISTINCT s.period_months, date_trunc(s.unit, x.month)::date AS period_start, x.person_id
    FROM unnest(p_people, p_months) AS x(person_id, month)
    CROSS JOIN (VALUES (3::smallint, 'quarter'), (12::smallint, 'year')) AS s(period_months, unit)
    WHERE x.person_id IS NOT NULL AND x.month IS NOT NULL
  ),
  folded AS (
    SELECT t.period_months, t.period_start, t.person_id,
      bit_or(m.mask) AS mask, bit_or(m.lines_lo) AS lines_lo, bit_or(m.lines_hi) AS lines_hi
    FROM touched t JOIN report_person_months m ON m.person_id = t.person_id
      AND m.month >= t.period_start AND m.month < (t.period_start + make_interval(months => t.period_months))::date
    GROUP BY 1, 2, 3
  ),
  gone AS (
    DELETE FROM report_person_periods p USING touched t
    WHERE p.period_months = t.period_months AND p.period_start = t.period_start AND p.person_id = t.person_id
      AND NOT EXISTS (SELECT 1 FROM folded f
        WHERE f.period_months = t.period_months AND f.period_start = t.period_start AND f.person_id = t.person_id)
  )
  INSERT INTO report_person_periods (period_months, period_start, person_id, mask, lines_lo, lines_hi)
    SELECT period_months, period_start, person_id, mask, lines_lo, lines_hi FROM folded
    ON CONFLICT (period_months, period_start, person_id) DO UPDATE
      SET mask = excluded.mask, lines_lo = excluded.lines_lo, lines_hi = excluded.lines_hi
      WHERE (report_person_periods.mask, report_person_periods.lines_lo, report_person_periods.lines_hi)
        IS DISTINCT FROM (excluded.mask, excluded.lines_lo, excluded.lines_hi);
END $$;
--> statement-breakpoint
-- The months a statement on report_person_months touched, from its transition tables
-- (an upsert fires the insert trigger for the rows it inserted and the update trigger
-- for those it updated).
CREATE FUNCTION report_on_person_months_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people integer[];
  months date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(person_id), array_agg(month) INTO people, months FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(person_id), array_agg(month) INTO people, months FROM old_rows;
  ELSE
    SELECT array_agg(person_id), array_agg(month) INTO people, months
    FROM (SELECT person_id, month FROM new_rows UNION SELECT person_id, month FROM old_rows) x;
  END IF;
  PERFORM report_refresh_person_periods(people, months);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_person_months_periods_ins AFTER INSERT ON report_person_months REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_person_months_change();
--> statement-breakpoint
CREATE TRIGGER report_person_months_periods_upd AFTER UPDATE ON report_person_months REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_person_months_change();
--> statement-breakpoint
CREATE TRIGGER report_person_months_periods_del AFTER DELETE ON report_person_months REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_person_months_change();
--> statement-breakpoint
-- The report cache's version (decision 0075), as for the other rollup tables.
CREATE CONSTRAINT TRIGGER report_version_report_person_periods AFTER INSERT OR UPDATE OR DELETE ON report_person_periods DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
--> statement-breakpoint
CREATE TRIGGER report_version_truncate_report_person_periods AFTER TRUNCATE ON report_person_periods FOR EACH STATEMENT EXECUTE FUNCTION report_bump_version();
--> statement-breakpoint
-- As in 0007, the periods emptied with the rest (TRUNCATE fires no row or transition
-- triggers); the inserts below fill them again through the months.
CREATE OR REPLACE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727275, 0);
  TRUNCATE report_events, report_people, report_person_months, report_person_periods;
  INSERT INTO report_person_ids (person_key)
    SELECT person_key FROM report_event_source WHERE person_key IS NOT NULL
    UNION SELECT person_key FROM report_people_source
    ON CONFLICT DO NOTHING;
  INSERT INTO report_events (source, source_id, activity, detail, person_key, person_id, occurred_on, organisation_id, quantity, value_centimes)
    SELECT e.source, e.source_id, e.activity, e.detail, e.person_key, i.person_id, e.occurred_on, e.organisation_id, e.quantity, e.value_centimes
    FROM report_event_source e LEFT JOIN report_person_ids i ON i.person_key = e.person_key;
  INSERT INTO report_people (person_key, person_id, sex, birth_date, nationality, is_migrant, region)
    SELECT s.person_key, i.person_id, s.sex, s.birth_date, s.nationality, s.is_migrant, s.region
    FROM report_people_source s JOIN report_person_ids i ON i.person_key = s.person_key;
END $$;
--> statement-breakpoint
-- What the months already hold, with every rollup writer waiting (they share this lock).
SELECT pg_advisory_xact_lock(727275, 0);
--> statement-breakpoint
INSERT INTO report_person_periods (period_months, period_start, person_id, mask, lines_lo, lines_hi)
  SELECT s.period_months, date_trunc(s.unit, m.month)::date, m.person_id, bit_or(m.mask), bit_or(m.lines_lo), bit_or(m.lines_hi)
  FROM report_person_months m CROSS JOIN (VALUES (3::smallint, 'quarter'), (12::smallint, 'year')) AS s(period_months, unit)
  GROUP BY 1, 2, 3;
