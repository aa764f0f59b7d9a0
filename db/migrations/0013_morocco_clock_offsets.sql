-- Until issue 12, typed wall-clock times were turned into instants with a literal +01:00:
-- a training session's date and time, and a call's opening day (00:00:00+01:00) and
-- closing and review days (23:59:59+01:00). Morocco is UTC+0 during Ramadan, so the rows
-- typed for a Ramadan day are an hour early. Each such row is moved to the instant at which
-- Morocco's clock reads what was typed (PostgreSQL's own Africa/Casablanca data, as the
-- reports use); rows of UTC+1 days read the same and are left alone. Grant calls are only
-- touched where they carry the exact pattern the form wrote (the seed and imports write
-- other instants); the closing instants become the end of the Moroccan day as the app now
-- writes it (the millisecond before the next day's 00:00).
UPDATE "training_sessions"
SET "starts_at" = (("starts_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca'
WHERE date_trunc('minute', "starts_at") = "starts_at"
  AND (("starts_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "starts_at";
--> statement-breakpoint
-- one statement, so that the three move together under grant_calls_dates_check
UPDATE "grant_calls"
SET
  "opens_at" = CASE WHEN ((("opens_at" AT TIME ZONE 'UTC') + interval '1 hour')::time = '00:00:00' AND (("opens_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "opens_at")
    THEN (("opens_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' ELSE "opens_at" END,
  "closes_at" = CASE WHEN ((("closes_at" AT TIME ZONE 'UTC') + interval '1 hour')::time = '23:59:59' AND (("closes_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "closes_at")
    THEN (((("closes_at" AT TIME ZONE 'UTC') + interval '1 hour') + interval '1 second') AT TIME ZONE 'Africa/Casablanca') - interval '1 millisecond' ELSE "closes_at" END,
  "review_deadline" = CASE WHEN ((("review_deadline" AT TIME ZONE 'UTC') + interval '1 hour')::time = '23:59:59' AND (("review_deadline" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "review_deadline")
    THEN (((("review_deadline" AT TIME ZONE 'UTC') + interval '1 hour') + interval '1 second') AT TIME ZONE 'Africa/Casablanca') - interval '1 millisecond' ELSE "review_deadline" END
WHERE ((("opens_at" AT TIME ZONE 'UTC') + interval '1 hour')::time = '00:00:00' AND (("opens_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "opens_at")
  OR ((("closes_at" AT TIME ZONE 'UTC') + interval '1 hour')::time = '23:59:59' AND (("closes_at" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "closes_at")
  OR ((("review_deadline" AT TIME ZONE 'UTC') + interval '1 hour')::time = '23:59:59' AND (("review_deadline" AT TIME ZONE 'UTC') + interval '1 hour') AT TIME ZONE 'Africa/Casablanca' <> "review_deadline");
