-- The deferred triggers the rows written earlier in this migration run queued (0058's
-- backfill bumps the report version at commit) fire now: ALTER TABLE refuses a table with
-- pending trigger events. The rest of the run bumps the version as it writes.
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
ALTER TABLE "report_person_periods" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "report_person_periods" ADD COLUMN "age_years" smallint;--> statement-breakpoint
ALTER TABLE "report_person_periods" ADD COLUMN "nationality" text;--> statement-breakpoint
ALTER TABLE "report_person_periods" ADD COLUMN "is_migrant" boolean;--> statement-breakpoint
ALTER TABLE "report_person_periods" ADD COLUMN "region" text;--> statement-breakpoint
CREATE INDEX "report_person_periods_person_idx" ON "report_person_periods" USING btree ("person_id");--> statement-breakpoint
-- Hand-written below (decision: people per quarter and year kept by triggers). Each row
-- of the period rollup carries its person as report_people describes them, with their
-- age on the period's last day (the reports' reference date), so that a quarter's or a
-- year's disaggregations read these rows alone. Kept on both sides, under the person's
-- lock as every rollup write: when a person's periods are recomputed (from report_people
-- as it is then), and when report_people changes (their rows described again).
CREATE FUNCTION report_period_age(p_start date, p_months smallint, p_birth date) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(year from age((p_start + make_interval(months => p_months))::date - 1, p_birth))::smallint $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_refresh_person_periods(p_people integer[], p_months date[]) RETURNS void LANGUAGE plpgsql AS $$
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
  INSERT INTO report_person_periods (period_months, period_start, person_id, mask, lines_lo, lines_hi,
      sex, age_years, nationality, is_migrant, region)
    SELECT f.period_months, f.period_start, f.person_id, f.mask, f.lines_lo, f.lines_hi,
      rp.sex, report_period_age(f.period_start, f.period_months, rp.birth_date), rp.nationality, rp.is_migrant, rp.region
    FROM folded f LEFT JOIN report_people rp ON rp.person_id = f.person_id
    ON CONFLICT (period_months, period_start, person_id) DO UPDATE
      SET mask = excluded.mask, lines_lo = excluded.lines_lo, lines_hi = excluded.lines_hi,
        sex = excluded.sex, age_years = excluded.age_years, nationality = excluded.nationality,
        is_migrant = excluded.is_migrant, region = excluded.region
      WHERE (report_person_periods.mask, report_person_periods.lines_lo, report_person_periods.lines_hi,
          report_person_periods.sex, report_person_periods.age_years, report_person_periods.nationality,
          report_person_periods.is_migrant, report_person_periods.region)
        IS DISTINCT FROM (excluded.mask, excluded.lines_lo, excluded.lines_hi,
          excluded.sex, excluded.age_years, excluded.nationality, excluded.is_migrant, excluded.region);
END $$;
--> statement-breakpoint
-- Some people's period rows described again from report_people (null for a person it no
-- longer describes).
CREATE FUNCTION report_describe_person_periods(p_people integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_people IS NULL OR cardinality(p_people) = 0 THEN RETURN; END IF;
  UPDATE report_person_periods p
    SET sex = d.sex, age_years = report_period_age(p.period_start, p.period_months, d.birth_date),
      nationality = d.nationality, is_migrant = d.is_migrant, region = d.region
    FROM (SELECT DISTINCT t.person_id, rp.sex, rp.birth_date, rp.nationality, rp.is_migrant, rp.region
          FROM unnest(p_people) AS t(person_id) LEFT JOIN report_people rp ON rp.person_id = t.person_id
          WHERE t.person_id IS NOT NULL) d
    WHERE p.person_id = d.person_id
      AND (p.sex, p.age_years, p.nationality, p.is_migrant, p.region)
        IS DISTINCT FROM (d.sex, report_period_age(p.period_start, p.period_months, d.birth_date), d.nationality, d.is_migrant, d.region);
END $$;
--> statement-breakpoint
CREATE FUNCTION report_on_people_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE people integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN SELECT array_agg(person_id) INTO people FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(person_id) INTO people FROM old_rows;
  ELSE SELECT array_agg(person_id) INTO people FROM (SELECT person_id FROM new_rows UNION SELECT person_id FROM old_rows) x;
  END IF;
  PERFORM report_describe_person_periods(people);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_people_periods_ins AFTER INSERT ON report_people REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_people_change();
--> statement-breakpoint
CREATE TRIGGER report_people_periods_upd AFTER UPDATE ON report_people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_people_change();
--> statement-breakpoint
CREATE TRIGGER report_people_periods_del AFTER DELETE ON report_people REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_people_change();
--> statement-breakpoint
-- The rows already there, with every rollup writer waiting (they share this lock).
SELECT pg_advisory_xact_lock(727275, 0);
--> statement-breakpoint
UPDATE report_person_periods p
  SET sex = rp.sex, age_years = report_period_age(p.period_start, p.period_months, rp.birth_date),
    nationality = rp.nationality, is_migrant = rp.is_migrant, region = rp.region
  FROM report_people rp WHERE rp.person_id = p.person_id;
