-- One list of region codes (decision 0145-one-region-code-list.md). Profiles, calls and
-- anonymised cases store the codes of the profile's list (`oriental`); the reports read a
-- profile's region by folding it against the French region names (`loriental` for
-- "L'Oriental"), so a profile in `oriental` was never counted in its region. From here the
-- rows of kind "region" of report_place_codes are that list (stored code → ISO code), and
-- the people view joins both profiles and anonymised cases on the code as stored.
-- A profile region outside the list (none is written by the form, which offers the list)
-- is mapped from its region's code, ISO code or French name; anything else stays as typed,
-- and the new check is NOT VALID for it (it holds for every write from now on).
DELETE FROM report_place_codes WHERE kind = 'region';--> statement-breakpoint
INSERT INTO report_place_codes (kind, key, code) VALUES
  ('region', 'tanger_tetouan_al_hoceima', 'MA-01'),
  ('region', 'oriental', 'MA-02'),
  ('region', 'fes_meknes', 'MA-03'),
  ('region', 'rabat_sale_kenitra', 'MA-04'),
  ('region', 'beni_mellal_khenifra', 'MA-05'),
  ('region', 'casablanca_settat', 'MA-06'),
  ('region', 'marrakech_safi', 'MA-07'),
  ('region', 'draa_tafilalet', 'MA-08'),
  ('region', 'souss_massa', 'MA-09'),
  ('region', 'guelmim_oued_noun', 'MA-10'),
  ('region', 'laayoune_sakia_el_hamra', 'MA-11'),
  ('region', 'dakhla_oued_ed_dahab', 'MA-12');--> statement-breakpoint
-- the view of 0053, with the region of a profile and of an anonymised case read from the one list
CREATE OR REPLACE VIEW report_people_source AS
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
  LEFT JOIN report_place_codes rn ON rn.kind = 'region' AND rn.key = p.region
  LEFT JOIN report_place_codes cr ON cr.kind = 'city' AND cr.key = report_fold(p.city)
  UNION ALL
  SELECT coalesce(c.applicant_user_id, c.id),
    CASE c.sex WHEN 'female' THEN 'f' WHEN 'male' THEN 'm' WHEN 'other' THEN 'other' END,
    coalesce(c.date_of_birth, (c.created_at::date - make_interval(years => c.estimated_age))::date),
    c.nationality,
    c.nationality <> 'MA',
    coalesce(cr.code, rr.code),
    2
  FROM beneficiary_cases c
  LEFT JOIN report_place_codes cr ON cr.kind = 'city' AND cr.key = report_fold(c.city::text)
  LEFT JOIN report_place_codes rr ON rr.kind = 'region' AND rr.key = c.region
) ps
ORDER BY person_key, priority;--> statement-breakpoint
-- profile regions written otherwise become the list's codes (the update trigger describes those people again)
UPDATE profiles p SET region = r.key
FROM (VALUES
  ('MA-01', 'tanger_tetouan_al_hoceima', 'Tanger-Tétouan-Al Hoceïma'),
  ('MA-02', 'oriental', 'L''Oriental'),
  ('MA-03', 'fes_meknes', 'Fès-Meknès'),
  ('MA-04', 'rabat_sale_kenitra', 'Rabat-Salé-Kénitra'),
  ('MA-05', 'beni_mellal_khenifra', 'Béni Mellal-Khénifra'),
  ('MA-06', 'casablanca_settat', 'Casablanca-Settat'),
  ('MA-07', 'marrakech_safi', 'Marrakech-Safi'),
  ('MA-08', 'draa_tafilalet', 'Drâa-Tafilalet'),
  ('MA-09', 'souss_massa', 'Souss-Massa'),
  ('MA-10', 'guelmim_oued_noun', 'Guelmim-Oued Noun'),
  ('MA-11', 'laayoune_sakia_el_hamra', 'Laâyoune-Sakia El Hamra'),
  ('MA-12', 'dakhla_oued_ed_dahab', 'Dakhla-Oued Ed-Dahab')
) AS r(iso, key, name)
WHERE p.region NOT IN (SELECT key FROM report_place_codes WHERE kind = 'region')
  AND (report_fold(p.region) IN (report_fold(r.key), report_fold(r.name)) OR upper(trim(p.region)) = r.iso);--> statement-breakpoint
-- the people of the Oriental, counted elsewhere (or nowhere) until now, are described again
SELECT report_refresh_people(array_agg(p.user_id)) FROM profiles p WHERE p.region = 'oriental';--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_region_check" CHECK ("profiles"."region" in ('tanger_tetouan_al_hoceima', 'oriental', 'fes_meknes', 'rabat_sale_kenitra', 'beni_mellal_khenifra', 'casablanca_settat', 'marrakech_safi', 'draa_tafilalet', 'souss_massa', 'guelmim_oued_noun', 'laayoune_sakia_el_hamra', 'dakhla_oued_ed_dahab')) NOT VALID;
