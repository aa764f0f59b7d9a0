ALTER TYPE "public"."role" ADD VALUE 'vendor';--> statement-breakpoint
CREATE TABLE "shops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shops_org_name_key" UNIQUE("organisation_id","name"),
	CONSTRAINT "shops_id_org_key" UNIQUE("id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "shop_id" uuid;--> statement-breakpoint
ALTER TABLE "vouchers" ADD COLUMN "expires_on" date;--> statement-breakpoint
-- vouchers issued before expiry existed: valid 90 days from their Moroccan day of issue (VOUCHER_VALID_DAYS)
UPDATE "vouchers" SET "expires_on" = ("issued_at" at time zone 'Africa/Casablanca')::date + 89;--> statement-breakpoint
ALTER TABLE "vouchers" ALTER COLUMN "expires_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "vouchers" ADD COLUMN "shop_id" uuid;--> statement-breakpoint
ALTER TABLE "shops" ADD CONSTRAINT "shops_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_shop_fk" FOREIGN KEY ("shop_id","organisation_id") REFERENCES "public"."shops"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_shop_fk" FOREIGN KEY ("shop_id","organisation_id") REFERENCES "public"."shops"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vouchers_shop_idx" ON "vouchers" USING btree ("shop_id","redeemed_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_vendor_shop_check" CHECK (("users"."role"::text = 'vendor') = ("users"."shop_id" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_shop_org_check" CHECK ("users"."shop_id" is null or "users"."organisation_id" is not null);--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_shop_redeemed_check" CHECK ("vouchers"."shop_id" is null or "vouchers"."redeemed_at" is not null);