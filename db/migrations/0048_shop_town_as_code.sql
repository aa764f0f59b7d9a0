-- A partner shop's town becomes a code of the towns list, as an organisation's did in 0044
-- (decision 0130-shop-town-as-code.md): each typed town folded the same way against the same
-- names; a town not recognised becomes "other" and its text goes to code_flags (record
-- "shop") for the admin on /admin/codes; an empty town becomes null.
-- The flag record's type is made anew, as in 0044: a value added to a type cannot be used
-- in the transaction that adds it.
ALTER TYPE "public"."code_flag_record" RENAME TO "code_flag_record_0044";--> statement-breakpoint
CREATE TYPE "public"."code_flag_record" AS ENUM('host', 'offer', 'training', 'organisation', 'shop');--> statement-breakpoint
ALTER TABLE "code_flags" ALTER COLUMN "record" SET DATA TYPE "public"."code_flag_record" USING "record"::text::"public"."code_flag_record";--> statement-breakpoint
DROP TYPE "public"."code_flag_record_0044";--> statement-breakpoint
CREATE TEMP TABLE "shop_town_aliases" ("alias" text PRIMARY KEY, "code" text NOT NULL) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "shop_town_aliases" ("alias", "code") SELECT "alias", "code" FROM (VALUES
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
CREATE FUNCTION pg_temp.shop_town_of(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.code FROM shop_town_aliases a
  -- accents taken off before lower(), whose handling of non-ASCII letters depends on the database's locale
  WHERE a.alias = regexp_replace(lower(translate(v, 'àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ', 'aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn')), '[^a-z0-9ء-ي]', '', 'g')
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'shop', "id", 'city', "city" FROM "shops"
  WHERE btrim(coalesce("city", '')) <> '' AND pg_temp.shop_town_of("city") IS NULL;--> statement-breakpoint
ALTER TABLE "shops" ALTER COLUMN "city" SET DATA TYPE "public"."city" USING (
  CASE WHEN btrim(coalesce("city", '')) = '' THEN NULL ELSE coalesce(pg_temp.shop_town_of("city"), 'other') END
)::"public"."city";
