-- An organisation's town becomes a code of the towns list (decision 0117-organisation-town-as-code.md),
-- mapped as 0032 mapped an offer's town: each text folded (case, accents, spaces and
-- punctuation ignored) against the codes, their fr/ar/en names and a few known spellings.
-- What is not recognised is never dropped: the town becomes "other" and its text goes to
-- code_flags (record "organisation"), which the admin resolves on /admin/codes.
-- The flag record's type is made anew rather than given a value: a value added to a type
-- cannot be used in the transaction that adds it, and the migrations run in one.
ALTER TYPE "public"."code_flag_record" RENAME TO "code_flag_record_0032";--> statement-breakpoint
CREATE TYPE "public"."code_flag_record" AS ENUM('host', 'offer', 'training', 'organisation');--> statement-breakpoint
ALTER TABLE "code_flags" ALTER COLUMN "record" SET DATA TYPE "public"."code_flag_record" USING "record"::text::"public"."code_flag_record";--> statement-breakpoint
DROP TYPE "public"."code_flag_record_0032";--> statement-breakpoint
CREATE TEMP TABLE "town_aliases" ("alias" text PRIMARY KEY, "code" text NOT NULL) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "town_aliases" ("alias", "code") SELECT "alias", "code" FROM (VALUES
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
CREATE FUNCTION pg_temp.town_of(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.code FROM town_aliases a
  -- accents taken off before lower(), whose handling of non-ASCII letters depends on the database's locale
  WHERE a.alias = regexp_replace(lower(translate(v, 'àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ', 'aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn')), '[^a-z0-9ء-ي]', '', 'g')
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'organisation', "id", 'city', "city" FROM "organisations"
  WHERE btrim(coalesce("city", '')) <> '' AND pg_temp.town_of("city") IS NULL;--> statement-breakpoint
-- an empty town stays empty (null): it was never typed
ALTER TABLE "organisations" ALTER COLUMN "city" SET DATA TYPE "public"."city" USING (
  CASE WHEN btrim(coalesce("city", '')) = '' THEN NULL ELSE coalesce(pg_temp.town_of("city"), 'other') END
)::"public"."city";
