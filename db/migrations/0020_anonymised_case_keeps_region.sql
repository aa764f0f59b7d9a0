-- An anonymised case keeps its region, not its city (a town, with a nationality, a sex
-- and a year of birth, can point at one person). The region's name becomes the case's
-- place, and reads back as that region in the reports.
INSERT INTO report_place_codes (kind, key, code) VALUES
  ('city', 'tangertetouanalhoceima', 'MA-01'),
  ('city', 'loriental', 'MA-02'),
  ('city', 'fesmeknes', 'MA-03'),
  ('city', 'rabatsalekenitra', 'MA-04'),
  ('city', 'benimellalkhenifra', 'MA-05'),
  ('city', 'casablancasettat', 'MA-06'),
  ('city', 'marrakechsafi', 'MA-07'),
  ('city', 'draatafilalet', 'MA-08'),
  ('city', 'soussmassa', 'MA-09'),
  ('city', 'guelmimouednoun', 'MA-10'),
  ('city', 'laayounesakiaelhamra', 'MA-11'),
  ('city', 'dakhlaouededdahab', 'MA-12')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- the cases anonymised before: their city becomes its region, or goes when unrecognised
UPDATE beneficiary_cases c SET city = r.name
FROM (VALUES
  ('MA-01', 'Tanger-Tétouan-Al Hoceïma'),
  ('MA-02', 'L''Oriental'),
  ('MA-03', 'Fès-Meknès'),
  ('MA-04', 'Rabat-Salé-Kénitra'),
  ('MA-05', 'Béni Mellal-Khénifra'),
  ('MA-06', 'Casablanca-Settat'),
  ('MA-07', 'Marrakech-Safi'),
  ('MA-08', 'Drâa-Tafilalet'),
  ('MA-09', 'Souss-Massa'),
  ('MA-10', 'Guelmim-Oued Noun'),
  ('MA-11', 'Laâyoune-Sakia El Hamra'),
  ('MA-12', 'Dakhla-Oued Ed-Dahab')
) AS r(code, name), report_place_codes p
WHERE c.anonymised_at IS NOT NULL AND c.city IS NOT NULL
  AND p.kind = 'city' AND p.key = report_fold(c.city) AND p.code = r.code
  AND c.city IS DISTINCT FROM r.name;
--> statement-breakpoint
UPDATE beneficiary_cases SET city = NULL
WHERE anonymised_at IS NOT NULL AND city IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM report_place_codes p WHERE p.kind = 'city' AND p.key = report_fold(city));
