-- A protection case's town and nationality become codes (decision 0138-case-town-nationality-as-codes.md),
-- as an organisation's town did in 0044 and a shop's in 0048: each typed town folded the same
-- way against the same names, each typed nationality against the reporting rollup's country
-- names (report_place_codes, kind "country"). What is not recognised is never dropped: a town
-- becomes "other", a nationality stays empty, and the text as typed goes to code_flags (record
-- "case") for the admin on /admin/codes.
-- An anonymised case kept its region's name in "city" (0020): it moves to a region column of
-- its own (the profiles' region codes) and the town goes.
-- The flag types are made anew, as in 0044: a value added to a type cannot be used in the
-- transaction that adds it. The people view reads both columns, so it is dropped and made
-- again over the codes; while it is away, no row of the table may be updated (triggers).
ALTER TYPE "public"."code_flag_record" RENAME TO "code_flag_record_0048";--> statement-breakpoint
CREATE TYPE "public"."code_flag_record" AS ENUM('host', 'offer', 'training', 'organisation', 'shop', 'case');--> statement-breakpoint
ALTER TABLE "code_flags" ALTER COLUMN "record" SET DATA TYPE "public"."code_flag_record" USING "record"::text::"public"."code_flag_record";--> statement-breakpoint
DROP TYPE "public"."code_flag_record_0048";--> statement-breakpoint
ALTER TYPE "public"."code_flag_field" RENAME TO "code_flag_field_0032";--> statement-breakpoint
CREATE TYPE "public"."code_flag_field" AS ENUM('sector', 'city', 'languages', 'delivery_languages', 'nationality');--> statement-breakpoint
ALTER TABLE "code_flags" ALTER COLUMN "field" SET DATA TYPE "public"."code_flag_field" USING "field"::text::"public"."code_flag_field";--> statement-breakpoint
DROP TYPE "public"."code_flag_field_0032";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD COLUMN "region" text;--> statement-breakpoint
CREATE FUNCTION pg_temp.region_of_place(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT r.key FROM report_place_codes p JOIN (VALUES
    ('MA-01', 'tanger_tetouan_al_hoceima'),
    ('MA-02', 'oriental'),
    ('MA-03', 'fes_meknes'),
    ('MA-04', 'rabat_sale_kenitra'),
    ('MA-05', 'beni_mellal_khenifra'),
    ('MA-06', 'casablanca_settat'),
    ('MA-07', 'marrakech_safi'),
    ('MA-08', 'draa_tafilalet'),
    ('MA-09', 'souss_massa'),
    ('MA-10', 'guelmim_oued_noun'),
    ('MA-11', 'laayoune_sakia_el_hamra'),
    ('MA-12', 'dakhla_oued_ed_dahab')
  ) AS r(code, key) ON r.code = p.code
  WHERE p.kind = 'city' AND p.key = report_fold(v)
$$;--> statement-breakpoint
CREATE TEMP TABLE "case_town_aliases" ("alias" text PRIMARY KEY, "code" text NOT NULL) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "case_town_aliases" ("alias", "code") SELECT "alias", "code" FROM (VALUES
  ('tanger', 'tanger'),
  ('طنجة', 'tanger'),
  ('tangier', 'tanger'),
  ('tangiers', 'tanger'),
  ('tetouan', 'tetouan'),
  ('تطوان', 'tetouan'),
  ('alhoceima', 'al_hoceima'),
  ('الحسيمة', 'al_hoceima'),
  ('oujda', 'oujda'),
  ('وجدة', 'oujda'),
  ('nador', 'nador'),
  ('الناظور', 'nador'),
  ('berkane', 'berkane'),
  ('بركان', 'berkane'),
  ('fes', 'fes'),
  ('فاس', 'fes'),
  ('fez', 'fes'),
  ('meknes', 'meknes'),
  ('مكناس', 'meknes'),
  ('taza', 'taza'),
  ('تازة', 'taza'),
  ('rabat', 'rabat'),
  ('الرباط', 'rabat'),
  ('sale', 'sale'),
  ('سلا', 'sale'),
  ('kenitra', 'kenitra'),
  ('القنيطرة', 'kenitra'),
  ('temara', 'temara'),
  ('تمارة', 'temara'),
  ('benimellal', 'beni_mellal'),
  ('بنيملال', 'beni_mellal'),
  ('khouribga', 'khouribga'),
  ('خريبكة', 'khouribga'),
  ('casablanca', 'casablanca'),
  ('الدارالبيضاء', 'casablanca'),
  ('mohammedia', 'mohammedia'),
  ('المحمدية', 'mohammedia'),
  ('eljadida', 'el_jadida'),
  ('الجديدة', 'el_jadida'),
  ('settat', 'settat'),
  ('سطات', 'settat'),
  ('marrakech', 'marrakech'),
  ('مراكش', 'marrakech'),
  ('marrakesh', 'marrakech'),
  ('safi', 'safi'),
  ('آسفي', 'safi'),
  ('essaouira', 'essaouira'),
  ('الصويرة', 'essaouira'),
  ('errachidia', 'errachidia'),
  ('الرشيدية', 'errachidia'),
  ('ouarzazate', 'ouarzazate'),
  ('ورزازات', 'ouarzazate'),
  ('agadir', 'agadir'),
  ('أكادير', 'agadir'),
  ('inezgane', 'inezgane'),
  ('إنزكان', 'inezgane'),
  ('tiznit', 'tiznit'),
  ('تيزنيت', 'tiznit'),
  ('guelmim', 'guelmim'),
  ('كلميم', 'guelmim'),
  ('laayoune', 'laayoune'),
  ('العيون', 'laayoune'),
  ('elaaiun', 'laayoune'),
  ('dakhla', 'dakhla'),
  ('الداخلة', 'dakhla')
) AS a("alias", "code");--> statement-breakpoint
CREATE FUNCTION pg_temp.case_town_of(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.code FROM case_town_aliases a
  -- accents taken off before lower(), whose handling of non-ASCII letters depends on the database's locale
  WHERE a.alias = regexp_replace(lower(translate(v, 'àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ', 'aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn')), '[^a-z0-9ء-ي]', '', 'g')
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'case', "id", 'city', "city" FROM "beneficiary_cases"
  WHERE "anonymised_at" IS NULL AND btrim(coalesce("city", '')) <> '' AND pg_temp.case_town_of("city") IS NULL;--> statement-breakpoint
CREATE FUNCTION pg_temp.case_country_of(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT p.code FROM report_place_codes p WHERE p.kind = 'country' AND p.key = report_fold(v)
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'case', "id", 'nationality', "nationality" FROM "beneficiary_cases"
  WHERE btrim(coalesce("nationality", '')) <> '' AND pg_temp.case_country_of("nationality") IS NULL;--> statement-breakpoint
-- no row is updated (the rollup's triggers would fire): the columns are converted in place
DROP VIEW "report_people_source";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ALTER COLUMN "region" SET DATA TYPE text USING (
  CASE WHEN "anonymised_at" IS NOT NULL THEN pg_temp.region_of_place("city") END
);--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ALTER COLUMN "city" SET DATA TYPE "public"."city" USING (
  CASE WHEN "anonymised_at" IS NOT NULL OR btrim(coalesce("city", '')) = '' THEN NULL ELSE coalesce(pg_temp.case_town_of("city"), 'other') END
)::"public"."city";--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ALTER COLUMN "nationality" SET DATA TYPE text USING pg_temp.case_country_of("nationality");--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_nationality_check" CHECK ("beneficiary_cases"."nationality" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "beneficiary_cases" ADD CONSTRAINT "beneficiary_cases_region_check" CHECK ("beneficiary_cases"."region" in ('tanger_tetouan_al_hoceima', 'oriental', 'fes_meknes', 'rabat_sale_kenitra', 'beni_mellal_khenifra', 'casablanca_settat', 'marrakech_safi', 'draa_tafilalet', 'souss_massa', 'guelmim_oued_noun', 'laayoune_sakia_el_hamra', 'dakhla_oued_ed_dahab'));--> statement-breakpoint
-- One row per person: an applicant's own profile wins over what a case file says. A case's
-- nationality is a country code; its place is its town's region (every town of the
-- list has a place code since 0007), or the region an anonymised case kept.
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
    c.nationality,
    c.nationality <> 'MA',
    coalesce(cr.code, rr.code),
    2
  FROM beneficiary_cases c
  LEFT JOIN report_place_codes cr ON cr.kind = 'city' AND cr.key = report_fold(c.city::text)
  LEFT JOIN (VALUES
    ('tanger_tetouan_al_hoceima', 'MA-01'), ('oriental', 'MA-02'), ('fes_meknes', 'MA-03'), ('rabat_sale_kenitra', 'MA-04'),
    ('beni_mellal_khenifra', 'MA-05'), ('casablanca_settat', 'MA-06'), ('marrakech_safi', 'MA-07'), ('draa_tafilalet', 'MA-08'),
    ('souss_massa', 'MA-09'), ('guelmim_oued_noun', 'MA-10'), ('laayoune_sakia_el_hamra', 'MA-11'), ('dakhla_oued_ed_dahab', 'MA-12')
  ) AS rr(key, code) ON rr.key = c.region
) ps
ORDER BY person_key, priority;--> statement-breakpoint
-- the people whose nationality the migration could not read are described again (unknown until the admin chooses)
SELECT report_refresh_people(array_agg(DISTINCT coalesce(c.applicant_user_id, c.id)))
FROM beneficiary_cases c JOIN code_flags f ON f.record = 'case' AND f.record_id = c.id AND f.field = 'nationality';
