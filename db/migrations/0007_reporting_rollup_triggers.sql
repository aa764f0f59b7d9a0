-- The reporting rollup (see db/schema/reporting.ts): what each module's records
-- count for in the indicators, kept in report_events and report_people by triggers.
-- One view per source gives the rows of its records; the triggers rewrite the rows of
-- the records a statement touched, in the statement's transaction. The views are also
-- the reference: report_rebuild() recomputes everything from them, and a test holds
-- the incremental rows equal to a rebuild after a series of writes.
--
-- Folding of free text (accents, case, punctuation), the same as foldKey/foldSql in
-- app/modules/reporting/mappings.ts; a test holds them together.
CREATE FUNCTION report_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT regexp_replace(lower(translate(value, 'àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ', 'aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn')), '[^a-zء-ي]', '', 'g') $$;
--> statement-breakpoint
INSERT INTO report_place_codes (kind, key, code) VALUES
  ('country', 'ma', 'MA'),
  ('country', 'maroc', 'MA'),
  ('country', 'morocco', 'MA'),
  ('country', 'marocaine', 'MA'),
  ('country', 'marocain', 'MA'),
  ('country', 'moroccan', 'MA'),
  ('country', 'المغرب', 'MA'),
  ('country', 'مغربي', 'MA'),
  ('country', 'مغربية', 'MA'),
  ('country', 'gn', 'GN'),
  ('country', 'guinee', 'GN'),
  ('country', 'guinea', 'GN'),
  ('country', 'guineeconakry', 'GN'),
  ('country', 'guineenne', 'GN'),
  ('country', 'guineen', 'GN'),
  ('country', 'غينيا', 'GN'),
  ('country', 'ng', 'NG'),
  ('country', 'nigeria', 'NG'),
  ('country', 'nigeriane', 'NG'),
  ('country', 'nigerian', 'NG'),
  ('country', 'نيجيريا', 'NG'),
  ('country', 'ml', 'ML'),
  ('country', 'mali', 'ML'),
  ('country', 'malienne', 'ML'),
  ('country', 'malien', 'ML'),
  ('country', 'مالي', 'ML'),
  ('country', 'ci', 'CI'),
  ('country', 'cotedivoire', 'CI'),
  ('country', 'ivorycoast', 'CI'),
  ('country', 'ivoirienne', 'CI'),
  ('country', 'ivoirien', 'CI'),
  ('country', 'ساحلالعاج', 'CI'),
  ('country', 'كوتديفوار', 'CI'),
  ('country', 'cm', 'CM'),
  ('country', 'cameroun', 'CM'),
  ('country', 'cameroon', 'CM'),
  ('country', 'camerounaise', 'CM'),
  ('country', 'camerounais', 'CM'),
  ('country', 'الكاميرون', 'CM'),
  ('country', 'ye', 'YE'),
  ('country', 'yemen', 'YE'),
  ('country', 'yemenite', 'YE'),
  ('country', 'اليمن', 'YE'),
  ('country', 'يمني', 'YE'),
  ('country', 'sd', 'SD'),
  ('country', 'soudan', 'SD'),
  ('country', 'sudan', 'SD'),
  ('country', 'soudanaise', 'SD'),
  ('country', 'soudanais', 'SD'),
  ('country', 'السودان', 'SD'),
  ('country', 'سوداني', 'SD'),
  ('country', 'sn', 'SN'),
  ('country', 'senegal', 'SN'),
  ('country', 'senegalaise', 'SN'),
  ('country', 'senegalais', 'SN'),
  ('country', 'السنغال', 'SN'),
  ('country', 'cd', 'CD'),
  ('country', 'rdc', 'CD'),
  ('country', 'rdcongo', 'CD'),
  ('country', 'republiquedemocratiqueducongo', 'CD'),
  ('country', 'drcongo', 'CD'),
  ('country', 'congokinshasa', 'CD'),
  ('country', 'الكونغوالديمقراطية', 'CD'),
  ('country', 'cg', 'CG'),
  ('country', 'congo', 'CG'),
  ('country', 'congobrazzaville', 'CG'),
  ('country', 'bf', 'BF'),
  ('country', 'burkinafaso', 'BF'),
  ('country', 'burkina', 'BF'),
  ('country', 'بوركينافاسو', 'BF'),
  ('country', 'ne', 'NE'),
  ('country', 'niger', 'NE'),
  ('country', 'النيجر', 'NE'),
  ('country', 'gh', 'GH'),
  ('country', 'ghana', 'GH'),
  ('country', 'غانا', 'GH'),
  ('country', 'gm', 'GM'),
  ('country', 'gambie', 'GM'),
  ('country', 'gambia', 'GM'),
  ('country', 'غامبيا', 'GM'),
  ('country', 'sl', 'SL'),
  ('country', 'sierraleone', 'SL'),
  ('country', 'سيراليون', 'SL'),
  ('country', 'lr', 'LR'),
  ('country', 'liberia', 'LR'),
  ('country', 'ليبيريا', 'LR'),
  ('country', 'td', 'TD'),
  ('country', 'tchad', 'TD'),
  ('country', 'chad', 'TD'),
  ('country', 'تشاد', 'TD'),
  ('country', 'sy', 'SY'),
  ('country', 'syrie', 'SY'),
  ('country', 'syria', 'SY'),
  ('country', 'سوريا', 'SY'),
  ('country', 'dz', 'DZ'),
  ('country', 'algerie', 'DZ'),
  ('country', 'algeria', 'DZ'),
  ('country', 'الجزائر', 'DZ'),
  ('country', 'er', 'ER'),
  ('country', 'erythree', 'ER'),
  ('country', 'eritrea', 'ER'),
  ('country', 'إريتريا', 'ER'),
  ('country', 'et', 'ET'),
  ('country', 'ethiopie', 'ET'),
  ('country', 'ethiopia', 'ET'),
  ('country', 'إثيوبيا', 'ET'),
  ('country', 'ss', 'SS'),
  ('country', 'soudandusud', 'SS'),
  ('country', 'southsudan', 'SS'),
  ('country', 'جنوبالسودان', 'SS'),
  ('city', 'tanger', 'MA-01'),
  ('city', 'tetouan', 'MA-01'),
  ('city', 'alhoceima', 'MA-01'),
  ('city', 'larache', 'MA-01'),
  ('city', 'chefchaouen', 'MA-01'),
  ('city', 'oujda', 'MA-02'),
  ('city', 'nador', 'MA-02'),
  ('city', 'berkane', 'MA-02'),
  ('city', 'taourirt', 'MA-02'),
  ('city', 'figuig', 'MA-02'),
  ('city', 'fes', 'MA-03'),
  ('city', 'meknes', 'MA-03'),
  ('city', 'taza', 'MA-03'),
  ('city', 'ifrane', 'MA-03'),
  ('city', 'sefrou', 'MA-03'),
  ('city', 'rabat', 'MA-04'),
  ('city', 'sale', 'MA-04'),
  ('city', 'kenitra', 'MA-04'),
  ('city', 'temara', 'MA-04'),
  ('city', 'khemisset', 'MA-04'),
  ('city', 'benimellal', 'MA-05'),
  ('city', 'khenifra', 'MA-05'),
  ('city', 'khouribga', 'MA-05'),
  ('city', 'casablanca', 'MA-06'),
  ('city', 'mohammedia', 'MA-06'),
  ('city', 'settat', 'MA-06'),
  ('city', 'eljadida', 'MA-06'),
  ('city', 'berrechid', 'MA-06'),
  ('city', 'marrakech', 'MA-07'),
  ('city', 'safi', 'MA-07'),
  ('city', 'essaouira', 'MA-07'),
  ('city', 'elkelaadessraghna', 'MA-07'),
  ('city', 'errachidia', 'MA-08'),
  ('city', 'ouarzazate', 'MA-08'),
  ('city', 'midelt', 'MA-08'),
  ('city', 'zagora', 'MA-08'),
  ('city', 'tinghir', 'MA-08'),
  ('city', 'agadir', 'MA-09'),
  ('city', 'inezgane', 'MA-09'),
  ('city', 'taroudant', 'MA-09'),
  ('city', 'tiznit', 'MA-09'),
  ('city', 'guelmim', 'MA-10'),
  ('city', 'tantan', 'MA-10'),
  ('city', 'sidiifni', 'MA-10'),
  ('city', 'laayoune', 'MA-11'),
  ('city', 'boujdour', 'MA-11'),
  ('city', 'tarfaya', 'MA-11'),
  ('city', 'dakhla', 'MA-12'),
  ('city', 'tangier', 'MA-01'),
  ('city', 'الرباط', 'MA-04'),
  ('city', 'الدارالبيضاء', 'MA-06'),
  ('city', 'وجدة', 'MA-02'),
  ('city', 'طنجة', 'MA-01'),
  ('city', 'فاس', 'MA-03'),
  ('region', 'ma', 'MA-12'),
  ('region', 'tangertetouanalhoceima', 'MA-01'),
  ('region', 'loriental', 'MA-02'),
  ('region', 'fesmeknes', 'MA-03'),
  ('region', 'rabatsalekenitra', 'MA-04'),
  ('region', 'benimellalkhenifra', 'MA-05'),
  ('region', 'casablancasettat', 'MA-06'),
  ('region', 'marrakechsafi', 'MA-07'),
  ('region', 'draatafilalet', 'MA-08'),
  ('region', 'soussmassa', 'MA-09'),
  ('region', 'guelmimouednoun', 'MA-10'),
  ('region', 'laayounesakiaelhamra', 'MA-11'),
  ('region', 'dakhlaouededdahab', 'MA-12');
--> statement-breakpoint
-- a number typed into a jsonb detail: never let a malformed one fail a module's write
CREATE FUNCTION report_int(value text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value ~ '^\s*\d{1,9}\s*$' THEN value::bigint ELSE 0 END $$;
--> statement-breakpoint
-- An activity's bit, as activityMasks() in app/modules/reporting/frameworks.ts gives it
-- (a test holds the two together).
CREATE FUNCTION report_activity_bit(activity text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE activity WHEN 'medical_consultation' THEN 1 WHEN 'health_referral' THEN 2 WHEN 'mental_health' THEN 4 WHEN 'shelter' THEN 8 WHEN 'legal_assistance' THEN 16 WHEN 'avrr' THEN 32 WHEN 'aid_kit' THEN 64 WHEN 'voucher' THEN 128 WHEN 'career_guidance' THEN 256 WHEN 'language_training' THEN 512 WHEN 'training_completed' THEN 1024 WHEN 'internship' THEN 2048 WHEN 'internship_outcome' THEN 4096 WHEN 'entrepreneurship_orientation' THEN 8192 WHEN 'business_plan_submitted' THEN 16384 WHEN 'grant_application' THEN 32768 WHEN 'grant_awarded' THEN 65536 WHEN 'grant_disbursed' THEN 131072 WHEN 'business_started' THEN 262144 ELSE 0 END $$;
--> statement-breakpoint
-- protection services: consultations, referrals (any status: the outputs show them by
-- status), mental health, shelter nights, legal assistance, voluntary return
CREATE VIEW report_src_case_services AS
SELECT 'case_services'::text AS source, s.id AS source_id,
  CASE s.kind WHEN 'medical' THEN 'medical_consultation' WHEN 'hospital_referral' THEN 'health_referral'
    WHEN 'mental_health' THEN 'mental_health' WHEN 'shelter' THEN 'shelter' WHEN 'legal' THEN 'legal_assistance'
    WHEN 'avrr' THEN 'avrr' END AS activity,
  CASE s.kind WHEN 'medical' THEN s.details->>'reasonCategory' WHEN 'mental_health' THEN s.details->>'sessionType'
    WHEN 'legal' THEN s.details->>'legalType' WHEN 'hospital_referral' THEN s.status WHEN 'avrr' THEN s.status END AS detail,
  coalesce(c.applicant_user_id, c.id) AS person_key,
  s.service_date AS occurred_on,
  coalesce(u.organisation_id, c.organisation_id) AS organisation_id,
  CASE WHEN s.kind = 'shelter' THEN report_int(s.details->>'nights') ELSE 1 END AS quantity,
  coalesce(s.cost_centimes, 0)::bigint AS value_centimes
FROM case_services s
JOIN beneficiary_cases c ON c.id = s.case_id
LEFT JOIN users u ON u.id = s.recorded_by_id
WHERE s.kind IN ('hospital_referral', 'avrr')
   OR s.status NOT IN ('cancelled', 'planned', 'withdrawn', 'not_attended');
--> statement-breakpoint
-- kits: one row per item of the round, times the household when the round is per household
CREATE VIEW report_src_distributions AS
SELECT 'distributions'::text AS source, d.id AS source_id, 'aid_kit'::text AS activity, i.kind::text AS detail,
  coalesce(c.applicant_user_id, c.id) AS person_key,
  (d.created_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on,
  r.organisation_id,
  coalesce(ri.quantity * (CASE WHEN r.per_household THEN c.household_size ELSE 1 END), 1)::bigint AS quantity,
  (coalesce(i.face_value_centimes, 0) * ri.quantity * (CASE WHEN r.per_household THEN c.household_size ELSE 1 END))::bigint AS value_centimes
FROM distributions d
JOIN distribution_rounds r ON r.id = d.round_id
JOIN round_items ri ON ri.round_id = r.id
JOIN aid_items i ON i.id = ri.item_id
JOIN beneficiary_cases c ON c.id = d.case_id;
--> statement-breakpoint
CREATE VIEW report_src_vouchers AS
SELECT 'vouchers'::text AS source, v.id AS source_id, 'voucher'::text AS activity,
  CASE WHEN v.redeemed_at IS NULL THEN 'issued' ELSE 'redeemed' END AS detail,
  coalesce(c.applicant_user_id, c.id) AS person_key,
  (v.issued_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on,
  v.organisation_id, 1::bigint AS quantity, coalesce(v.value_centimes, 0)::bigint AS value_centimes
FROM vouchers v JOIN beneficiary_cases c ON c.id = v.case_id;
--> statement-breakpoint
-- a certificate is issued when the completion rule is met; orientation and language
-- trainings count apart
CREATE VIEW report_src_training_certificates AS
SELECT 'training_certificates'::text AS source, tc.id AS source_id,
  CASE WHEN t.category IN ('entrepreneurship_orientation', 'auto_entrepreneur') THEN 'entrepreneurship_orientation'
       WHEN t.category = 'language_culture' THEN 'language_training'
       ELSE 'training_completed' END AS activity,
  t.category::text AS detail, tc.user_id AS person_key,
  (tc.issued_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on,
  NULL::uuid AS organisation_id, 1::bigint AS quantity, 0::bigint AS value_centimes
FROM training_certificates tc
JOIN training_cohorts co ON co.id = tc.cohort_id
JOIN trainings t ON t.id = co.training_id
WHERE tc.revoked_at IS NULL;
--> statement-breakpoint
CREATE VIEW report_src_guidance_sessions AS
SELECT 'guidance_sessions'::text AS source, g.id AS source_id, 'career_guidance'::text AS activity, 'interview'::text AS detail,
  g.beneficiary_id AS person_key, g.held_on AS occurred_on, NULL::uuid AS organisation_id, 1::bigint AS quantity, 0::bigint AS value_centimes
FROM guidance_sessions g;
--> statement-breakpoint
CREATE VIEW report_src_job_search_logs AS
SELECT 'job_search_logs'::text AS source, j.id AS source_id, 'career_guidance'::text AS activity, 'job_search'::text AS detail,
  j.beneficiary_id AS person_key, j.logged_on AS occurred_on, NULL::uuid AS organisation_id,
  coalesce(j.cvs_sent + j.interviews + j.contacts, 1)::bigint AS quantity, 0::bigint AS value_centimes
FROM job_search_logs j;
--> statement-breakpoint
CREATE VIEW report_src_placements AS
SELECT 'placements'::text AS source, p.id AS source_id, 'internship'::text AS activity, p.status::text AS detail,
  p.beneficiary_id AS person_key, p.starts_on AS occurred_on, NULL::uuid AS organisation_id,
  1::bigint AS quantity, coalesce(p.stipend_centimes, 0)::bigint AS value_centimes
FROM placements p
WHERE p.status IN ('accepted', 'ongoing', 'completed', 'ended_early');
--> statement-breakpoint
CREATE VIEW report_src_placement_outcomes AS
SELECT 'placement_outcomes'::text AS source, o.id AS source_id, 'internship_outcome'::text AS activity,
  o.checkpoint::text || ':' || o.employment_status::text AS detail,
  p.beneficiary_id AS person_key, o.recorded_on AS occurred_on, NULL::uuid AS organisation_id, 1::bigint AS quantity, 0::bigint AS value_centimes
FROM placement_outcomes o JOIN placements p ON p.id = o.placement_id;
--> statement-breakpoint
-- a plan is submitted by applying with it to a call (the plan is frozen then)
CREATE VIEW report_src_grant_applications AS
SELECT 'grant_applications'::text AS source, a.id AS source_id, 'business_plan_submitted'::text AS activity, NULL::text AS detail,
  a.applicant_id AS person_key, (a.submitted_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on, NULL::uuid AS organisation_id,
  1::bigint AS quantity, coalesce(a.requested_centimes, 0)::bigint AS value_centimes
FROM grant_applications a WHERE a.status <> 'withdrawn'
UNION ALL
SELECT 'grant_applications', a.id, 'grant_application', a.status::text,
  a.applicant_id, (a.submitted_at AT TIME ZONE 'Africa/Casablanca')::date, NULL::uuid,
  1, coalesce(a.requested_centimes, 0)::bigint
FROM grant_applications a;
--> statement-breakpoint
CREATE VIEW report_src_grant_awards AS
SELECT 'grant_awards'::text AS source, w.id AS source_id, 'grant_awarded'::text AS activity, NULL::text AS detail,
  a.applicant_id AS person_key, (w.approved_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on, NULL::uuid AS organisation_id,
  1::bigint AS quantity, coalesce(w.amount_centimes, 0)::bigint AS value_centimes
FROM grant_awards w JOIN grant_applications a ON a.id = w.application_id;
--> statement-breakpoint
-- each tranche paid; the coach's confirmation that the business has started
CREATE VIEW report_src_grant_tranches AS
SELECT 'grant_tranches'::text AS source, t.id AS source_id, 'grant_disbursed'::text AS activity, t.condition::text AS detail,
  a.applicant_id AS person_key, (t.paid_at AT TIME ZONE 'Africa/Casablanca')::date AS occurred_on, NULL::uuid AS organisation_id,
  1::bigint AS quantity, coalesce(t.amount_centimes, 0)::bigint AS value_centimes
FROM grant_tranches t JOIN grant_awards w ON w.id = t.award_id JOIN grant_applications a ON a.id = w.application_id
WHERE t.paid_at IS NOT NULL
UNION ALL
SELECT 'grant_tranches', t.id, 'business_started', NULL::text,
  a.applicant_id, (t.condition_confirmed_at AT TIME ZONE 'Africa/Casablanca')::date, NULL::uuid, 1, 0
FROM grant_tranches t JOIN grant_awards w ON w.id = t.award_id JOIN grant_applications a ON a.id = w.application_id
WHERE t.condition = 'business_started' AND t.condition_confirmed_at IS NOT NULL;
--> statement-breakpoint
CREATE VIEW report_event_source AS
SELECT * FROM report_src_case_services
UNION ALL SELECT * FROM report_src_distributions
UNION ALL SELECT * FROM report_src_vouchers
UNION ALL SELECT * FROM report_src_training_certificates
UNION ALL SELECT * FROM report_src_guidance_sessions
UNION ALL SELECT * FROM report_src_job_search_logs
UNION ALL SELECT * FROM report_src_placements
UNION ALL SELECT * FROM report_src_placement_outcomes
UNION ALL SELECT * FROM report_src_grant_applications
UNION ALL SELECT * FROM report_src_grant_awards
UNION ALL SELECT * FROM report_src_grant_tranches;
--> statement-breakpoint
-- One row per person: an applicant's own profile wins over what a case file says.
-- Case files hold free text: nationalities and cities are folded to codes, anything
-- unrecognised is 'other' (never the typed text).
CREATE VIEW report_people_source AS
SELECT DISTINCT ON (person_key) person_key, sex, birth_date, nationality, is_migrant, region
FROM (
  SELECT p.user_id AS person_key,
    CASE p.sex WHEN 'female' THEN 'f' WHEN 'male' THEN 'm' END AS sex,
    p.birth_date,
    p.nationality,
    CASE WHEN p.resident_status IS NOT NULL THEN p.resident_status = 'migrant'
         WHEN p.nationality IS NOT NULL THEN p.nationality <> 'MA' END AS is_migrant,
    coalesce(rn.code, cr.code) AS region,
    1 AS priority
  FROM profiles p
  LEFT JOIN report_place_codes rn ON rn.kind = 'region' AND rn.key = report_fold(p.region)
  LEFT JOIN report_place_codes cr ON cr.kind = 'city' AND cr.key = report_fold(p.city)
  UNION ALL
  SELECT coalesce(c.applicant_user_id, c.id),
    CASE c.sex WHEN 'female' THEN 'f' WHEN 'male' THEN 'm' WHEN 'other' THEN 'other' END,
    coalesce(c.date_of_birth, (c.created_at::date - make_interval(years => c.estimated_age))::date),
    CASE WHEN c.nationality IS NULL OR btrim(c.nationality) = '' THEN NULL ELSE coalesce(cn.code, 'other') END,
    CASE WHEN c.nationality IS NULL OR btrim(c.nationality) = '' THEN NULL ELSE coalesce(cn.code, 'other') <> 'MA' END,
    cr.code,
    2
  FROM beneficiary_cases c
  LEFT JOIN report_place_codes cn ON cn.kind = 'country' AND cn.key = report_fold(c.nationality)
  LEFT JOIN report_place_codes cr ON cr.kind = 'city' AND cr.key = report_fold(c.city)
) ps
ORDER BY person_key, priority;
--> statement-breakpoint
-- Writers about one person take turns. A trigger computes rows from what is committed
-- when its statement starts: two transactions writing about the same person (a case
-- linked to an account while its profile is saved, a service recorded while its case
-- is re-linked) would each miss the other's change. So each refresh first locks the
-- people it touches (advisory, until commit, in a fixed order), then reads in a new
-- statement, which sees whatever the previous holder committed. A bulk statement (over
-- 500 people) takes the one exclusive lock every per-person locker shares instead of
-- filling the lock table.
CREATE FUNCTION report_lock_people(p_keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_keys IS NULL OR cardinality(p_keys) = 0 THEN RETURN; END IF;
  IF cardinality(p_keys) > 500 THEN
    PERFORM pg_advisory_xact_lock(727275, 0);
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(727275, 0);
  PERFORM pg_advisory_xact_lock(727276, k)
  FROM (SELECT DISTINCT hashtext(key::text) AS k FROM unnest(p_keys) AS key WHERE key IS NOT NULL ORDER BY 1) x;
END $$;
--> statement-breakpoint
-- Rewrite the rows of some records of one source. Planned with the ids in hand
-- (EXECUTE), so one record is an index lookup and a bulk insert a hash.
CREATE FUNCTION report_refresh_events(p_source text, p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  keys uuid[];
  fresh uuid[];
  people text := format('SELECT array_agg(DISTINCT person_key) FROM (
      SELECT person_key FROM %I WHERE source_id = ANY($1)
      UNION ALL SELECT person_key FROM report_events WHERE source = $2 AND source_id = ANY($1)) k', 'report_src_' || p_source);
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN RETURN; END IF;
  EXECUTE people INTO keys USING p_ids, p_source;
  PERFORM report_lock_people(keys);
  -- read again under the lock: a writer we waited for may have moved these records to
  -- someone else (a case linked to an account), who must be locked and numbered too
  EXECUTE people INTO fresh USING p_ids, p_source;
  IF EXISTS (SELECT 1 FROM unnest(fresh) AS f WHERE f IS NOT NULL AND f <> ALL (array_remove(coalesce(keys, '{}'), NULL))) THEN
    PERFORM report_lock_people(fresh);
  END IF;
  INSERT INTO report_person_ids (person_key) SELECT k FROM unnest(fresh) AS k WHERE k IS NOT NULL ON CONFLICT DO NOTHING;
  EXECUTE 'DELETE FROM report_events WHERE source = $1 AND source_id = ANY($2)' USING p_source, p_ids;
  EXECUTE format(
    'INSERT INTO report_events (source, source_id, activity, detail, person_key, person_id, occurred_on, organisation_id, quantity, value_centimes)
     SELECT e.source, e.source_id, e.activity, e.detail, e.person_key, i.person_id, e.occurred_on, e.organisation_id, e.quantity, e.value_centimes
     FROM %I e LEFT JOIN report_person_ids i ON i.person_key = e.person_key WHERE e.source_id = ANY($1)', 'report_src_' || p_source) USING p_ids;
END $$;
--> statement-breakpoint
-- Describe some people again (upsert: two transactions touching one person wait for
-- each other instead of colliding); forget those no module describes any more.
CREATE FUNCTION report_refresh_people(p_keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_keys IS NULL OR cardinality(p_keys) = 0 THEN RETURN; END IF;
  PERFORM report_lock_people(p_keys);
  INSERT INTO report_person_ids (person_key) SELECT k FROM unnest(p_keys) AS k WHERE k IS NOT NULL ON CONFLICT DO NOTHING;
  EXECUTE 'INSERT INTO report_people (person_key, person_id, sex, birth_date, nationality, is_migrant, region)
    SELECT s.person_key, i.person_id, s.sex, s.birth_date, s.nationality, s.is_migrant, s.region
    FROM report_people_source s JOIN report_person_ids i ON i.person_key = s.person_key WHERE s.person_key = ANY($1)
    ON CONFLICT (person_key) DO UPDATE SET person_id = excluded.person_id, sex = excluded.sex, birth_date = excluded.birth_date,
      nationality = excluded.nationality, is_migrant = excluded.is_migrant, region = excluded.region' USING p_keys;
  EXECUTE 'DELETE FROM report_people r WHERE r.person_key = ANY($1)
    AND NOT EXISTS (SELECT 1 FROM profiles p WHERE p.user_id = r.person_key)
    AND NOT EXISTS (SELECT 1 FROM beneficiary_cases c WHERE coalesce(c.applicant_user_id, c.id) = r.person_key)' USING p_keys;
END $$;
--> statement-breakpoint
-- Everything again from the views (after a bulk load with triggers off, or to check).
-- Person ids are kept: they are given once per person and never reused.
CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727275, 0);
  TRUNCATE report_events, report_people, report_person_months;
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
-- The ids a statement touched, from its transition tables.
CREATE FUNCTION report_on_source_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN SELECT array_agg(id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(id) INTO ids FROM old_rows;
  ELSE SELECT array_agg(id) INTO ids FROM (SELECT id FROM new_rows UNION SELECT id FROM old_rows) x;
  END IF;
  PERFORM report_refresh_events(TG_ARGV[0], ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_services', 'distributions', 'vouchers', 'training_certificates', 'guidance_sessions',
    'job_search_logs', 'placements', 'placement_outcomes', 'grant_applications', 'grant_awards', 'grant_tranches'] LOOP
    EXECUTE format('CREATE TRIGGER report_%1$s_ins AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_source_change(%1$L)', t);
    EXECUTE format('CREATE TRIGGER report_%1$s_upd AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_source_change(%1$L)', t);
    EXECUTE format('CREATE TRIGGER report_%1$s_del AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_source_change(%1$L)', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- What a change to a record that others hang from means for them: a case (the key its
-- services, kits and vouchers count under, its association, its household), a
-- profile, a user's association, a round, its items, a training, a cohort, a
-- placement, an application, an award.
CREATE FUNCTION report_on_parent_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF TG_TABLE_NAME = 'beneficiary_cases' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM report_refresh_people(ARRAY(SELECT coalesce(applicant_user_id, id) FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM report_refresh_people(ARRAY(SELECT coalesce(applicant_user_id, id) FROM old_rows));
    ELSE
      ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.applicant_user_id, n.organisation_id, n.household_size) IS DISTINCT FROM (o.applicant_user_id, o.organisation_id, o.household_size));
      -- lock first: the statements below then see what other writers about these people committed
      PERFORM report_lock_people(ARRAY(
        SELECT coalesce(n.applicant_user_id, n.id) FROM new_rows n WHERE n.id = ANY(ids)
        UNION SELECT coalesce(o.applicant_user_id, o.id) FROM old_rows o WHERE o.id = ANY(ids)));
      PERFORM report_refresh_people(ARRAY(
        SELECT coalesce(n.applicant_user_id, n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.applicant_user_id, n.sex, n.date_of_birth, n.estimated_age, n.nationality, n.city, n.created_at)
          IS DISTINCT FROM (o.applicant_user_id, o.sex, o.date_of_birth, o.estimated_age, o.nationality, o.city, o.created_at)
        UNION SELECT coalesce(o.applicant_user_id, o.id) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.applicant_user_id IS DISTINCT FROM o.applicant_user_id));
      IF cardinality(ids) > 0 THEN
        PERFORM report_refresh_events('case_services', ARRAY(SELECT id FROM case_services WHERE case_id = ANY(ids)));
        PERFORM report_refresh_events('distributions', ARRAY(SELECT id FROM distributions WHERE case_id = ANY(ids)));
        PERFORM report_refresh_events('vouchers', ARRAY(SELECT id FROM vouchers WHERE case_id = ANY(ids)));
      END IF;
    END IF;
  ELSIF TG_TABLE_NAME = 'profiles' THEN
    IF TG_OP = 'INSERT' THEN PERFORM report_refresh_people(ARRAY(SELECT user_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN PERFORM report_refresh_people(ARRAY(SELECT user_id FROM old_rows));
    ELSE PERFORM report_refresh_people(ARRAY(SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows));
    END IF;
  ELSIF TG_TABLE_NAME = 'users' THEN
    ids := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.organisation_id IS DISTINCT FROM o.organisation_id);
    IF cardinality(ids) > 0 THEN
      PERFORM report_refresh_events('case_services', ARRAY(SELECT id FROM case_services WHERE recorded_by_id = ANY(ids)));
    END IF;
  ELSIF TG_TABLE_NAME = 'distribution_rounds' THEN
    PERFORM report_refresh_events('distributions', ARRAY(SELECT d.id FROM distributions d JOIN new_rows n ON n.id = d.round_id));
  ELSIF TG_TABLE_NAME = 'round_items' THEN
    IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT round_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT round_id FROM old_rows);
    ELSE ids := ARRAY(SELECT round_id FROM new_rows UNION SELECT round_id FROM old_rows);
    END IF;
    PERFORM report_refresh_events('distributions', ARRAY(SELECT id FROM distributions WHERE round_id = ANY(ids)));
  ELSIF TG_TABLE_NAME = 'aid_items' THEN
    PERFORM report_refresh_events('distributions', ARRAY(
      SELECT d.id FROM distributions d JOIN round_items ri ON ri.round_id = d.round_id JOIN new_rows n ON n.id = ri.item_id));
  ELSIF TG_TABLE_NAME = 'trainings' THEN
    PERFORM report_refresh_events('training_certificates', ARRAY(
      SELECT tc.id FROM training_certificates tc JOIN training_cohorts co ON co.id = tc.cohort_id JOIN new_rows n ON n.id = co.training_id));
  ELSIF TG_TABLE_NAME = 'training_cohorts' THEN
    PERFORM report_refresh_events('training_certificates', ARRAY(
      SELECT tc.id FROM training_certificates tc JOIN new_rows n ON n.id = tc.cohort_id));
  ELSIF TG_TABLE_NAME = 'placements' THEN
    PERFORM report_refresh_events('placement_outcomes', ARRAY(
      SELECT o.id FROM placement_outcomes o JOIN new_rows n ON n.id = o.placement_id));
  ELSIF TG_TABLE_NAME = 'grant_applications' THEN
    ids := ARRAY(SELECT w.id FROM grant_awards w JOIN new_rows n ON n.id = w.application_id);
    PERFORM report_refresh_events('grant_awards', ids);
    PERFORM report_refresh_events('grant_tranches', ARRAY(SELECT id FROM grant_tranches WHERE award_id = ANY(ids)));
  ELSIF TG_TABLE_NAME = 'grant_awards' THEN
    PERFORM report_refresh_events('grant_tranches', ARRAY(SELECT t.id FROM grant_tranches t JOIN new_rows n ON n.id = t.award_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_people_cases_ins AFTER INSERT ON beneficiary_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_people_cases_upd AFTER UPDATE ON beneficiary_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_people_cases_del AFTER DELETE ON beneficiary_cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_people_profiles_ins AFTER INSERT ON profiles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_people_profiles_upd AFTER UPDATE ON profiles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_people_profiles_del AFTER DELETE ON profiles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_users_upd AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_rounds_upd AFTER UPDATE ON distribution_rounds REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_round_items_ins AFTER INSERT ON round_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_round_items_upd AFTER UPDATE ON round_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_round_items_del AFTER DELETE ON round_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_aid_items_upd AFTER UPDATE ON aid_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_trainings_upd AFTER UPDATE ON trainings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_cohorts_upd AFTER UPDATE ON training_cohorts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_placements_parent_upd AFTER UPDATE ON placements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_applications_parent_upd AFTER UPDATE ON grant_applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
CREATE TRIGGER report_awards_parent_upd AFTER UPDATE ON grant_awards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_parent_change();
--> statement-breakpoint
-- report_person_months from report_events: new events OR their bits into their
-- person's month; deleted ones have their months recomputed from what is left. The
-- refreshes above delete then insert, each under the person's lock, so two writers
-- never fold the same person's month at once.
CREATE FUNCTION report_on_events_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- the months that still hold events get their mask recomputed, the others go
    INSERT INTO report_person_months (person_id, month, organisation_id, mask)
      SELECT e.person_id, t.month, t.organisation_id, bit_or(report_activity_bit(e.activity))
      FROM (SELECT DISTINCT person_id, date_trunc('month', occurred_on)::date AS month,
              coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id
            FROM old_rows WHERE person_id IS NOT NULL AND occurred_on IS NOT NULL) t
      JOIN report_events e ON e.person_id = t.person_id AND e.occurred_on >= t.month AND e.occurred_on < (t.month + interval '1 month')::date
        AND coalesce(e.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = t.organisation_id
      GROUP BY e.person_id, t.month, t.organisation_id
      ON CONFLICT (person_id, month, organisation_id) DO UPDATE SET mask = excluded.mask;
    DELETE FROM report_person_months m
      USING (SELECT DISTINCT person_id, date_trunc('month', occurred_on)::date AS month,
               coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) AS organisation_id
             FROM old_rows WHERE person_id IS NOT NULL AND occurred_on IS NOT NULL) t
      WHERE m.person_id = t.person_id AND m.month = t.month AND m.organisation_id = t.organisation_id
        AND NOT EXISTS (SELECT 1 FROM report_events e WHERE e.person_id = t.person_id
          AND e.occurred_on >= t.month AND e.occurred_on < (t.month + interval '1 month')::date
          AND coalesce(e.organisation_id, '00000000-0000-0000-0000-000000000000'::uuid) = t.organisation_id);
  ELSE
    INSERT INTO report_person_months (person_id, month, organisation_id, mask)
      SELECT person_id, date_trunc('month', occurred_on)::date, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid),
        bit_or(report_activity_bit(activity))
      FROM new_rows WHERE person_id IS NOT NULL AND occurred_on IS NOT NULL
      GROUP BY 1, 2, 3
      ON CONFLICT (person_id, month, organisation_id) DO UPDATE SET mask = report_person_months.mask | excluded.mask;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_events_months_ins AFTER INSERT ON report_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_events_change();
--> statement-breakpoint
CREATE TRIGGER report_events_months_del AFTER DELETE ON report_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_on_events_change();
--> statement-breakpoint
-- what the modules already hold
SELECT report_rebuild();
