-- The output lines in the month rollup. Each person's month also folds the lines
-- (activity and detail) of their events into two bit masks, so that a period of whole
-- months counts the people of each output line from one row per person instead of
-- hashing every (line, person) pair of the events. Lines are numbered on first sight
-- (report_lines); line n is bit n of lines_lo (n < 64) or bit n - 64 of lines_hi
-- (n < 128); a line numbered past 127 has no bit and the outputs count its people
-- from the events.
CREATE FUNCTION report_line_lo(line_id integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN line_id BETWEEN 0 AND 63 THEN 1::bigint << line_id ELSE 0 END $$;
--> statement-breakpoint
CREATE FUNCTION report_line_hi(line_id integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN line_id BETWEEN 64 AND 127 THEN 1::bigint << (line_id - 64) ELSE 0 END $$;
--> statement-breakpoint
-- As in 0007, plus the lines. New events number their new lines first: only lines no
-- one has numbered yet are inserted (an insert that meets a conflict would still use
-- up a number), and the insert's own RETURNING gives the lines this statement's
-- snapshot cannot see yet (numbered by a transaction that committed meanwhile).
CREATE OR REPLACE FUNCTION report_on_events_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- the months that still hold events get their masks recomputed, the others go
    INSERT INTO report_person_months (person_id, month, organisation_id, mask, lines_lo, lines_hi)
      SELECT e.person_id, t.month, t.organisation_id, bit_or(report_activity_bit(e.activity)),
        coalesce(bit_or(report_line_lo(l.line_id)), 0), coalesce(bit_or(report_line_hi(l.line_id)), 0)
      FROM (SELECT DISTINCT person_id, date_trunc('month', occurred_on)::date AS month,
              coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id
            FROM old_rows WHERE person_id IS NOT NULL AND occurred_on IS NOT NULL) t
      JOIN report_events e ON e.person_id = t.person_id AND e.occurred_on >= t.month AND e.occurred_on < (t.month + interval '1 month')::date
        AND coalesce(e.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = t.organisation_id
      LEFT JOIN report_lines l ON l.activity = e.activity AND l.detail = coalesce(e.detail, '')
      GROUP BY e.person_id, t.month, t.organisation_id
      ON CONFLICT (person_id, month, organisation_id) DO UPDATE
        SET mask = excluded.mask, lines_lo = excluded.lines_lo, lines_hi = excluded.lines_hi;
    DELETE FROM report_person_months m
      USING (SELECT DISTINCT person_id, date_trunc('month', occurred_on)::date AS month,
               coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id
             FROM old_rows WHERE person_id IS NOT NULL AND occurred_on IS NOT NULL) t
      WHERE m.person_id = t.person_id AND m.month = t.month AND m.organisation_id = t.organisation_id
        AND NOT EXISTS (SELECT 1 FROM report_events e WHERE e.person_id = t.person_id
          AND e.occurred_on >= t.month AND e.occurred_on < (t.month + interval '1 month')::date
          AND coalesce(e.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = t.organisation_id);
  ELSE
    WITH wanted AS (
      SELECT DISTINCT activity, coalesce(detail, '') AS detail FROM new_rows
    ),
    fresh AS (
      INSERT INTO report_lines (activity, detail)
        SELECT w.activity, w.detail FROM wanted w
        WHERE NOT EXISTS (SELECT 1 FROM report_lines l WHERE l.activity = w.activity AND l.detail = w.detail)
        ORDER BY 1, 2
      ON CONFLICT (activity, detail) DO UPDATE SET activity = excluded.activity
      RETURNING line_id, activity, detail
    ),
    lines AS (
      SELECT line_id, activity, detail FROM report_lines
      UNION ALL SELECT line_id, activity, detail FROM fresh
    )
    INSERT INTO report_person_months (person_id, month, organisation_id, mask, lines_lo, lines_hi)
      SELECT n.person_id, date_trunc('month', n.occurred_on)::date, coalesce(n.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid),
        bit_or(report_activity_bit(n.activity)), coalesce(bit_or(report_line_lo(l.line_id)), 0), coalesce(bit_or(report_line_hi(l.line_id)), 0)
      FROM new_rows n LEFT JOIN lines l ON l.activity = n.activity AND l.detail = coalesce(n.detail, '')
      WHERE n.person_id IS NOT NULL AND n.occurred_on IS NOT NULL
      GROUP BY 1, 2, 3
      ON CONFLICT (person_id, month, organisation_id) DO UPDATE
        SET mask = report_person_months.mask | excluded.mask,
          lines_lo = report_person_months.lines_lo | excluded.lines_lo,
          lines_hi = report_person_months.lines_hi | excluded.lines_hi;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- the months of what the modules already hold, lines included
SELECT report_rebuild();
