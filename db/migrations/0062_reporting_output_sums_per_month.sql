-- The deferred triggers rows written earlier in this migration run queued fire now (as in
-- 0060): a table with pending trigger events cannot be changed. The rest of the run bumps
-- the report version as it writes.
SET CONSTRAINTS ALL IMMEDIATE;--> statement-breakpoint
CREATE TABLE "report_line_months" (
	"month" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"detail" text,
	"events" bigint NOT NULL,
	"quantity" bigint NOT NULL,
	"value_centimes" bigint NOT NULL,
	CONSTRAINT "report_line_months_key" UNIQUE NULLS NOT DISTINCT("month","organisation_id","activity","detail")
);
--> statement-breakpoint
-- Hand-written below (decision 0188-report-output-sums-per-month). The outputs' sums per
-- month, association and line, kept from report_events by statement triggers in the same
-- transaction: events are only ever inserted and deleted (report_refresh_events deletes a
-- record's rows and inserts them again), so each statement adds its new rows' counts and
-- sums and takes away its old rows'. Additive upserts: two transactions about the same
-- month, association and line take turns on its row (the second adds to what the first
-- committed), in key order within a statement. A row left with no event goes.
CREATE FUNCTION report_on_events_sums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO report_line_months AS s (month, organisation_id, activity, detail, events, quantity, value_centimes)
      SELECT date_trunc('month', o.occurred_on)::date, coalesce(o.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid),
        o.activity, o.detail, -count(*), -sum(o.quantity), -sum(o.value_centimes)
      FROM old_rows o WHERE o.occurred_on IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, organisation_id, activity, detail) DO UPDATE
        SET events = s.events + excluded.events, quantity = s.quantity + excluded.quantity,
          value_centimes = s.value_centimes + excluded.value_centimes;
    DELETE FROM report_line_months s
      USING (SELECT DISTINCT date_trunc('month', o.occurred_on)::date AS month,
               coalesce(o.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id, o.activity, o.detail
             FROM old_rows o WHERE o.occurred_on IS NOT NULL) t
      WHERE s.month = t.month AND s.organisation_id = t.organisation_id AND s.activity = t.activity
        AND s.detail IS NOT DISTINCT FROM t.detail AND s.events = 0;
  ELSE
    INSERT INTO report_line_months AS s (month, organisation_id, activity, detail, events, quantity, value_centimes)
      SELECT date_trunc('month', n.occurred_on)::date, coalesce(n.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid),
        n.activity, n.detail, count(*), sum(n.quantity), sum(n.value_centimes)
      FROM new_rows n WHERE n.occurred_on IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, organisation_id, activity, detail) DO UPDATE
        SET events = s.events + excluded.events, quantity = s.quantity + excluded.quantity,
          value_centimes = s.value_centimes + excluded.value_centimes;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_events_sums_ins AFTER INSERT ON report_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_events_sums();
--> statement-breakpoint
CREATE TRIGGER report_events_sums_del AFTER DELETE ON report_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_events_sums();
--> statement-breakpoint
-- The report cache's version (decision 0075), as for the other rollup tables.
CREATE CONSTRAINT TRIGGER report_version_report_line_months AFTER INSERT OR UPDATE OR DELETE ON report_line_months DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_bump_version();
--> statement-breakpoint
CREATE TRIGGER report_version_truncate_report_line_months AFTER TRUNCATE ON report_line_months FOR EACH STATEMENT EXECUTE FUNCTION report_bump_version();
--> statement-breakpoint
-- A rebuild empties it with the events (TRUNCATE fires no delete trigger); the events'
-- insert fills it again.
CREATE OR REPLACE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727275, 0);
  TRUNCATE report_events, report_people, report_person_months, report_person_periods, report_line_months;
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
-- What the events already hold, with every rollup writer waiting (they share this lock).
SELECT pg_advisory_xact_lock(727275, 0);
--> statement-breakpoint
INSERT INTO report_line_months (month, organisation_id, activity, detail, events, quantity, value_centimes)
  SELECT date_trunc('month', occurred_on)::date, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid),
    activity, detail, count(*), sum(quantity), sum(value_centimes)
  FROM report_events WHERE occurred_on IS NOT NULL GROUP BY 1, 2, 3, 4;
