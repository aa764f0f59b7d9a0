-- Staff fields that were free text become code lists (decision 0100-staff-fields-as-codes.md):
-- a host's and an offer's sector, an offer's town and languages, a training's languages.
-- Each text is matched, folded (case, accents, spaces and punctuation ignored), against
-- the codes and their fr/ar/en labels (app/i18n/codes.ts) and a few known spellings.
-- What is not recognised is never dropped: it gets "other" (or the languages that were
-- recognised) and its text goes to code_flags, which the admin resolves on /admin/codes.
CREATE TYPE "public"."city" AS ENUM('tanger', 'tetouan', 'al_hoceima', 'oujda', 'nador', 'berkane', 'fes', 'meknes', 'taza', 'rabat', 'sale', 'kenitra', 'temara', 'beni_mellal', 'khouribga', 'casablanca', 'mohammedia', 'el_jadida', 'settat', 'marrakech', 'safi', 'essaouira', 'errachidia', 'ouarzazate', 'agadir', 'inezgane', 'tiznit', 'guelmim', 'laayoune', 'dakhla', 'other');--> statement-breakpoint
CREATE TYPE "public"."code_flag_field" AS ENUM('sector', 'city', 'languages', 'delivery_languages');--> statement-breakpoint
CREATE TYPE "public"."code_flag_record" AS ENUM('host', 'offer', 'training');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('ar', 'ary', 'fr', 'en', 'es', 'ber', 'ff', 'bm', 'wo', 'ln', 'other');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('agriculture', 'food_processing', 'trade', 'crafts', 'services', 'digital', 'textile', 'construction', 'other');--> statement-breakpoint
CREATE TABLE "code_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record" "code_flag_record" NOT NULL,
	"record_id" uuid NOT NULL,
	"field" "code_flag_field" NOT NULL,
	"original" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid
);
--> statement-breakpoint
CREATE TEMP TABLE "code_aliases" ("kind" text NOT NULL, "alias" text NOT NULL, "code" text NOT NULL, PRIMARY KEY ("kind", "alias")) ON COMMIT DROP;--> statement-breakpoint
INSERT INTO "code_aliases" ("kind", "alias", "code") VALUES
  ('sector', 'agriculture', 'agriculture'),
  ('sector', 'الفلاحة', 'agriculture'),
  ('sector', 'agricole', 'agriculture'),
  ('sector', 'elevage', 'agriculture'),
  ('sector', 'foodprocessing', 'food_processing'),
  ('sector', 'agroalimentaire', 'food_processing'),
  ('sector', 'الصناعةالغذائية', 'food_processing'),
  ('sector', 'alimentation', 'food_processing'),
  ('sector', 'boulangerie', 'food_processing'),
  ('sector', 'patisserie', 'food_processing'),
  ('sector', 'restauration', 'food_processing'),
  ('sector', 'trade', 'trade'),
  ('sector', 'commerce', 'trade'),
  ('sector', 'التجارة', 'trade'),
  ('sector', 'vente', 'trade'),
  ('sector', 'crafts', 'crafts'),
  ('sector', 'artisanat', 'crafts'),
  ('sector', 'الصناعةالتقليدية', 'crafts'),
  ('sector', 'services', 'services'),
  ('sector', 'الخدمات', 'services'),
  ('sector', 'service', 'services'),
  ('sector', 'nettoyage', 'services'),
  ('sector', 'hotellerie', 'services'),
  ('sector', 'tourisme', 'services'),
  ('sector', 'digital', 'digital'),
  ('sector', 'numerique', 'digital'),
  ('sector', 'الرقمي', 'digital'),
  ('sector', 'informatique', 'digital'),
  ('sector', 'it', 'digital'),
  ('sector', 'tic', 'digital'),
  ('sector', 'textile', 'textile'),
  ('sector', 'النسيج', 'textile'),
  ('sector', 'couture', 'textile'),
  ('sector', 'confection', 'textile'),
  ('sector', 'textileethabillement', 'textile'),
  ('sector', 'construction', 'construction'),
  ('sector', 'batiment', 'construction'),
  ('sector', 'البناء', 'construction'),
  ('sector', 'btp', 'construction'),
  ('city', 'tanger', 'tanger'),
  ('city', 'طنجة', 'tanger'),
  ('city', 'tangier', 'tanger'),
  ('city', 'tangiers', 'tanger'),
  ('city', 'tetouan', 'tetouan'),
  ('city', 'تطوان', 'tetouan'),
  ('city', 'alhoceima', 'al_hoceima'),
  ('city', 'الحسيمة', 'al_hoceima'),
  ('city', 'oujda', 'oujda'),
  ('city', 'وجدة', 'oujda'),
  ('city', 'nador', 'nador'),
  ('city', 'الناظور', 'nador'),
  ('city', 'berkane', 'berkane'),
  ('city', 'بركان', 'berkane'),
  ('city', 'fes', 'fes'),
  ('city', 'فاس', 'fes'),
  ('city', 'fez', 'fes'),
  ('city', 'meknes', 'meknes'),
  ('city', 'مكناس', 'meknes'),
  ('city', 'taza', 'taza'),
  ('city', 'تازة', 'taza'),
  ('city', 'rabat', 'rabat'),
  ('city', 'الرباط', 'rabat'),
  ('city', 'sale', 'sale'),
  ('city', 'سلا', 'sale'),
  ('city', 'kenitra', 'kenitra'),
  ('city', 'القنيطرة', 'kenitra'),
  ('city', 'temara', 'temara'),
  ('city', 'تمارة', 'temara'),
  ('city', 'benimellal', 'beni_mellal'),
  ('city', 'بنيملال', 'beni_mellal'),
  ('city', 'khouribga', 'khouribga'),
  ('city', 'خريبكة', 'khouribga'),
  ('city', 'casablanca', 'casablanca'),
  ('city', 'الدارالبيضاء', 'casablanca'),
  ('city', 'mohammedia', 'mohammedia'),
  ('city', 'المحمدية', 'mohammedia'),
  ('city', 'eljadida', 'el_jadida'),
  ('city', 'الجديدة', 'el_jadida'),
  ('city', 'settat', 'settat'),
  ('city', 'سطات', 'settat'),
  ('city', 'marrakech', 'marrakech'),
  ('city', 'مراكش', 'marrakech'),
  ('city', 'marrakesh', 'marrakech'),
  ('city', 'safi', 'safi'),
  ('city', 'آسفي', 'safi'),
  ('city', 'essaouira', 'essaouira'),
  ('city', 'الصويرة', 'essaouira'),
  ('city', 'errachidia', 'errachidia'),
  ('city', 'الرشيدية', 'errachidia'),
  ('city', 'ouarzazate', 'ouarzazate'),
  ('city', 'ورزازات', 'ouarzazate'),
  ('city', 'agadir', 'agadir'),
  ('city', 'أكادير', 'agadir'),
  ('city', 'inezgane', 'inezgane'),
  ('city', 'إنزكان', 'inezgane'),
  ('city', 'tiznit', 'tiznit'),
  ('city', 'تيزنيت', 'tiznit'),
  ('city', 'guelmim', 'guelmim'),
  ('city', 'كلميم', 'guelmim'),
  ('city', 'laayoune', 'laayoune'),
  ('city', 'العيون', 'laayoune'),
  ('city', 'elaaiun', 'laayoune'),
  ('city', 'dakhla', 'dakhla'),
  ('city', 'الداخلة', 'dakhla'),
  ('language', 'ar', 'ar'),
  ('language', 'arabe', 'ar'),
  ('language', 'العربية', 'ar'),
  ('language', 'arabic', 'ar'),
  ('language', 'arabeclassique', 'ar'),
  ('language', 'ary', 'ary'),
  ('language', 'darija', 'ary'),
  ('language', 'الدارجة', 'ary'),
  ('language', 'dialectemarocain', 'ary'),
  ('language', 'arabemarocain', 'ary'),
  ('language', 'fr', 'fr'),
  ('language', 'francais', 'fr'),
  ('language', 'الفرنسية', 'fr'),
  ('language', 'french', 'fr'),
  ('language', 'en', 'en'),
  ('language', 'anglais', 'en'),
  ('language', 'الإنجليزية', 'en'),
  ('language', 'english', 'en'),
  ('language', 'es', 'es'),
  ('language', 'espagnol', 'es'),
  ('language', 'الإسبانية', 'es'),
  ('language', 'spanish', 'es'),
  ('language', 'ber', 'ber'),
  ('language', 'amazighe', 'ber'),
  ('language', 'الأمازيغية', 'ber'),
  ('language', 'amazigh', 'ber'),
  ('language', 'tamazight', 'ber'),
  ('language', 'berbere', 'ber'),
  ('language', 'tachelhit', 'ber'),
  ('language', 'tarifit', 'ber'),
  ('language', 'ff', 'ff'),
  ('language', 'peul', 'ff'),
  ('language', 'الفولانية', 'ff'),
  ('language', 'fula', 'ff'),
  ('language', 'pulaar', 'ff'),
  ('language', 'fulfulde', 'ff'),
  ('language', 'poular', 'ff'),
  ('language', 'bm', 'bm'),
  ('language', 'bambara', 'bm'),
  ('language', 'البامبارا', 'bm'),
  ('language', 'bamanankan', 'bm'),
  ('language', 'wo', 'wo'),
  ('language', 'wolof', 'wo'),
  ('language', 'الولوف', 'wo'),
  ('language', 'ln', 'ln'),
  ('language', 'lingala', 'ln'),
  ('language', 'اللينغالا', 'ln')
;--> statement-breakpoint
CREATE FUNCTION pg_temp.code_fold(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(translate(lower(v), 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿœ', 'aaaaaaceeeeiiiinooooouuuuyyo'), '[^a-z0-9ء-ي]', '', 'g')
$$;--> statement-breakpoint
CREATE FUNCTION pg_temp.code_of(k text, v text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.code FROM code_aliases a WHERE a.kind = k AND a.alias = pg_temp.code_fold(v)
$$;--> statement-breakpoint
-- a list as typed ("darija, français", "Français et anglais"): its parts, in order
CREATE FUNCTION pg_temp.code_parts(v text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT p FROM regexp_split_to_table(coalesce(v, ''), '\s*(,|;|/|\+|&|،|\s+et\s+|\s+and\s+|\s+و\s*)\s*') AS p WHERE btrim(p) <> ''
$$;--> statement-breakpoint
CREATE FUNCTION pg_temp.codes_of(k text, v text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(code ORDER BY first), '{}') FROM (
    SELECT c.code, min(p.n) AS first
    FROM pg_temp.code_parts(v) WITH ORDINALITY AS p(part, n)
    JOIN code_aliases c ON c.kind = k AND c.alias = pg_temp.code_fold(p.part)
    GROUP BY c.code
  ) found
$$;--> statement-breakpoint
CREATE FUNCTION pg_temp.codes_complete(k text, v text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM pg_temp.code_parts(v) AS p WHERE pg_temp.code_of(k, p) IS NULL)
$$;--> statement-breakpoint
INSERT INTO "code_flags" ("record", "record_id", "field", "original")
  SELECT 'host'::"code_flag_record", "organisation_id", 'sector'::"code_flag_field", "sector" FROM "host_details" WHERE pg_temp.code_of('sector', "sector") IS NULL
  UNION ALL
  SELECT 'offer', "id", 'sector', "sector" FROM "internship_offers" WHERE pg_temp.code_of('sector', "sector") IS NULL
  UNION ALL
  SELECT 'offer', "id", 'city', "city" FROM "internship_offers" WHERE pg_temp.code_of('city', "city") IS NULL
  UNION ALL
  SELECT 'offer', "id", 'languages', "languages" FROM "internship_offers" WHERE NOT pg_temp.codes_complete('language', "languages")
  UNION ALL
  SELECT 'training', "id", 'delivery_languages', "delivery_language" FROM "trainings"
    WHERE NOT pg_temp.codes_complete('language', "delivery_language") OR cardinality(pg_temp.codes_of('language', "delivery_language")) = 0;--> statement-breakpoint
ALTER TABLE "host_details" ALTER COLUMN "sector" SET DATA TYPE "public"."sector" USING coalesce(pg_temp.code_of('sector', "sector"), 'other')::"public"."sector";--> statement-breakpoint
ALTER TABLE "internship_offers" ALTER COLUMN "sector" SET DATA TYPE "public"."sector" USING coalesce(pg_temp.code_of('sector', "sector"), 'other')::"public"."sector";--> statement-breakpoint
ALTER TABLE "internship_offers" ALTER COLUMN "city" SET DATA TYPE "public"."city" USING coalesce(pg_temp.code_of('city', "city"), 'other')::"public"."city";--> statement-breakpoint
ALTER TABLE "internship_offers" ALTER COLUMN "languages" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "internship_offers" ALTER COLUMN "languages" SET DATA TYPE "public"."language"[] USING (
  CASE WHEN NOT pg_temp.codes_complete('language', "languages") THEN array_append(pg_temp.codes_of('language', "languages"), 'other') ELSE pg_temp.codes_of('language', "languages") END
)::"public"."language"[];--> statement-breakpoint
ALTER TABLE "internship_offers" ALTER COLUMN "languages" SET DEFAULT '{}'::"public"."language"[];--> statement-breakpoint
ALTER TABLE "trainings" ALTER COLUMN "delivery_language" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "trainings" ALTER COLUMN "delivery_language" SET DATA TYPE "public"."language"[] USING (
  CASE WHEN NOT pg_temp.codes_complete('language', "delivery_language") OR cardinality(pg_temp.codes_of('language', "delivery_language")) = 0
    THEN array_append(pg_temp.codes_of('language', "delivery_language"), 'other') ELSE pg_temp.codes_of('language', "delivery_language") END
)::"public"."language"[];--> statement-breakpoint
ALTER TABLE "trainings" RENAME COLUMN "delivery_language" TO "delivery_languages";--> statement-breakpoint
ALTER TABLE "code_flags" ADD CONSTRAINT "code_flags_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "code_flags_field_key" ON "code_flags" USING btree ("record","record_id","field");--> statement-breakpoint
CREATE INDEX "code_flags_open_idx" ON "code_flags" USING btree ("created_at") WHERE "code_flags"."resolved_at" is null;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_delivery_languages_check" CHECK (cardinality("trainings"."delivery_languages") > 0);