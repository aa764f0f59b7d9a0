-- An applicant's town becomes a code of the towns list (decision 0157-profile-town-from-list.md),
-- as a protection case's did in 0053: each typed town folded the same way against the same
-- names (accents and case taken off, spaces and punctuation dropped, Latin and Arabic
-- spellings). What is not recognised is never dropped: the town becomes "other" and the text
-- as typed goes to code_flags (record "profile") for the admin on /admin/codes. Blank becomes
-- null.
-- The flag type is made anew, as in 0053: a value added to a type cannot be used in the
-- transaction that adds it. The people view reads the column, so it is dropped and made
-- again over the code; the column is converted in place, so no row is updated (triggers).
ALTER TYPE "public"."code_flag_record" RENAME TO "code_flag_record_0053";--> statement-breakpoint
CREATE TYPE "public"."code_flag_record" AS ENUM('host', 'offer', 'training', 'organisation', 'shop', 'case', 'profile');--> statement-breakpoint
ALTER TABLE "code_flags" ALTER COLUMN "record" SET DATA TYPE "public"."code_flag_record" USING "record"::text::"public"."code_flag_record";--> statement-breakpoint
DROP TYPE "public"."code_flag_record_0053";--> statement-breakpoint
CREATE TEMP TABLE "profile_town_aliases" ("alias" text PRIMARY KEY, "code" text NOT NULL) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "profile_town_aliases" ("alias", "code") SELECT "alias", "code" FROM (VALUES
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
  ('الداخلة', 'dakhla'),
  ('casa', 'casablanca'),
  ('اسفي', 'safi'),
  ('اكادير', 'agadir'),
  ('انزكان', 'inezgane')
) AS a("alias", "code");--> statement-breakpoint
CREATE FUNCTION pg_temp.profile_town_of(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.code FROM profile_town_aliases a
  -- accents taken off before lower(), whose handling of non-ASCII letters depends on the database's locale
  WHERE a.alias = regexp_replace(lower(translate(v, 'àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ', 'aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn')), '[^a-z0-9ء-ي]', '', 'g')
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'profile', "user_id", 'city', "city" FROM "profiles"
  WHERE btrim(coalesce("city", '')) <> '' AND pg_temp.profile_town_of("city") IS NULL;--> statement-breakpoint
DROP VIEW "report_people_source";--> statement-breakpoint
ALTER TABLE "profiles" ALTER COLUMN "city" SET DATA TYPE "public"."city" USING (
  CASE WHEN btrim(coalesce("city", '')) = '' THEN NULL ELSE coalesce(pg_temp.profile_town_of("city"), 'other') END
)::"public"."city";--> statement-breakpoint
-- the view of 0055, with a profile's town read as the case's is (its code folded against the place codes)
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
  LEFT JOIN report_place_codes rn ON rn.kind = 'region' AND rn.key = p.region
  LEFT JOIN report_place_codes cr ON cr.kind = 'city' AND cr.key = report_fold(p.city::text)
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
-- the people whose town went to the admin are described again: the rollup may have read a region from the text
SELECT report_refresh_people(array_agg(f.record_id))
FROM code_flags f WHERE f.record = 'profile' AND f.field = 'city' AND f.resolved_at IS NULL;
