CREATE TYPE "public"."import_kind" AS ENUM('cases');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('previewed', 'confirmed');--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "import_kind" NOT NULL,
	"file_hash" text NOT NULL,
	"filename" text NOT NULL,
	"locale" "locale" NOT NULL,
	"row_count" integer NOT NULL,
	"status" "import_status" DEFAULT 'previewed' NOT NULL,
	"rows_enc" text,
	"written_count" integer,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by_id" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "import_batches_hash_check" CHECK ("import_batches"."file_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "import_batches_rows_check" CHECK ("import_batches"."rows_enc" is null or "import_batches"."rows_enc" ~ '^v[0-9]+:[A-Za-z0-9+/=]+$'),
	CONSTRAINT "import_batches_confirmed_check" CHECK (("import_batches"."status" = 'confirmed') = ("import_batches"."confirmed_at" is not null and "import_batches"."written_count" is not null))
);
--> statement-breakpoint
CREATE TABLE "imported_rows" (
	"organisation_id" uuid NOT NULL,
	"kind" "import_kind" NOT NULL,
	"row_key" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_rows_organisation_id_kind_row_key_pk" PRIMARY KEY("organisation_id","kind","row_key")
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_rows" ADD CONSTRAINT "imported_rows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_rows" ADD CONSTRAINT "imported_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batches_org_idx" ON "import_batches" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_file_once_idx" ON "import_batches" USING btree ("organisation_id","kind","file_hash") WHERE "import_batches"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "imported_rows_batch_idx" ON "imported_rows" USING btree ("batch_id");