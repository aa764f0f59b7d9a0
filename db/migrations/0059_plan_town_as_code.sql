-- A business plan's town (summary.city, in the plan's JSON) becomes a code of the towns list
-- (decision 0168-plan-town-from-list), as a profile's did in 0057: each typed town folded the
-- same way against the same names (0057's alias table, and "other" read as itself). What is
-- not recognised is never dropped: the town becomes "other" and the text as typed goes to
-- code_flags (record "plan") for the admin on /admin/codes. Blank (or a JSON null) leaves
-- the plan without a town. Grant applications keep the plan as it was sent (their frozen
-- snapshot is not touched). A check then keeps every plan's town a code of the list.
-- The flag type is made anew, as in 0053 and 0057: a value added to a type cannot be used in
-- the transaction that adds it. No trigger reads business_plans; updated_at is left as it was.
ALTER TYPE "public"."code_flag_record" RENAME TO "code_flag_record_0057";--> statement-breakpoint
CREATE TYPE "public"."code_flag_record" AS ENUM('host', 'offer', 'training', 'organisation', 'shop', 'case', 'profile', 'plan');--> statement-breakpoint
ALTER TABLE "code_flags" ALTER COLUMN "record" SET DATA TYPE "public"."code_flag_record" USING "record"::text::"public"."code_flag_record";--> statement-breakpoint
DROP TYPE "public"."code_flag_record_0057";--> statement-breakpoint
CREATE TEMP TABLE "plan_town_aliases" ("alias" text PRIMARY KEY, "code" text NOT NULL) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "plan_town_aliases" ("alias", "code") SELECT "alias", "code" FROM (VALUES
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
  ('انزكان', 'inezgane'),
  ('other', 'other')
) AS a("alias", "code");--> statement-breakpoint
CREATE FUNCTION pg_temp.plan_town_of(v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.code FROM plan_town_aliases a
  -- accents taken off before lower(), whose handling of non-ASCII letters depends on the database's locale
  WHERE a.alias = regexp_replace(lower(translate(v, 'àâäáãåéèêëíìîïóòôöõúùûüçñÿÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇÑ', 'aaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucn')), '[^a-z0-9ء-ي]', '', 'g')
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'plan', "id", 'city', "summary" ->> 'city' FROM "business_plans"
  WHERE btrim(coalesce("summary" ->> 'city', '')) <> '' AND pg_temp.plan_town_of("summary" ->> 'city') IS NULL;--> statement-breakpoint
UPDATE "business_plans" SET "summary" = CASE
    WHEN btrim(coalesce("summary" ->> 'city', '')) = '' THEN "summary" - 'city'
    ELSE jsonb_set("summary", '{city}', to_jsonb(coalesce(pg_temp.plan_town_of("summary" ->> 'city'), 'other')))
  END
  WHERE "summary" ? 'city';--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_city_check" CHECK (("business_plans"."summary" ->> 'city') is null or ("business_plans"."summary" ->> 'city')::city is not null);
