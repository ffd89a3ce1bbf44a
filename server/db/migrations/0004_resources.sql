CREATE TABLE "locations" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"area_id" uuid,
	"area_source" text,
	"accessibility" text DEFAULT '' NOT NULL,
	"transportation" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "locations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "resource_import_presets" (
	"tenant_id" char(6) NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resource_import_presets_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "resource_imports" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"status" text NOT NULL,
	"table" jsonb,
	"mapping" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "resource_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "resource_revisions" (
	"tenant_id" char(6) NOT NULL,
	"service_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "resource_revisions_tenant_id_service_id_revision_pk" PRIMARY KEY("tenant_id","service_id","revision")
);
--> statement-breakpoint
CREATE TABLE "service_at_locations" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	CONSTRAINT "service_at_locations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"alternate_name" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"sogo_type" text,
	"categories" text[] NOT NULL,
	"area_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"effective_area_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"eligibility" jsonb NOT NULL,
	"capacity" integer,
	"application_process" text DEFAULT '' NOT NULL,
	"fees" jsonb NOT NULL,
	"free" boolean NOT NULL,
	"schedules" jsonb NOT NULL,
	"weekday_mask" smallint DEFAULT 0 NOT NULL,
	"schedule_needs_review" boolean DEFAULT false NOT NULL,
	"phones" jsonb NOT NULL,
	"contacts" jsonb NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL,
	"last_verified_at" timestamp with time zone,
	"last_verified_by" text,
	"next_check_due" date,
	"source_system" text,
	"source_id" text,
	"source_fingerprint" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"tenant_id" char(6) NOT NULL,
	"code" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"parent_code" text,
	"portal_group" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"custom" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "taxonomy_terms_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_import_presets" ADD CONSTRAINT "resource_import_presets_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_imports" ADD CONSTRAINT "resource_imports_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_revisions" ADD CONSTRAINT "resource_revisions_tenant_id_service_id_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."services"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_locations" ADD CONSTRAINT "service_at_locations_tenant_id_service_id_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."services"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_locations" ADD CONSTRAINT "service_at_locations_tenant_id_location_id_locations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_terms" ADD CONSTRAINT "taxonomy_terms_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "locations_area_idx" ON "locations" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "service_at_locations_service_key" ON "service_at_locations" USING btree ("tenant_id","service_id");--> statement-breakpoint
CREATE INDEX "service_at_locations_location_idx" ON "service_at_locations" USING btree ("tenant_id","location_id");--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("tenant_id","search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "services_areas_idx" ON "services" USING gin ("tenant_id","effective_area_ids");--> statement-breakpoint
CREATE INDEX "services_categories_idx" ON "services" USING gin ("tenant_id","categories");--> statement-breakpoint
CREATE INDEX "services_check_idx" ON "services" USING btree ("tenant_id","next_check_due");--> statement-breakpoint
CREATE INDEX "services_updated_idx" ON "services" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "services_source_key" ON "services" USING btree ("tenant_id","source_system","source_id") WHERE "services"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "taxonomy_terms_id_key" ON "taxonomy_terms" USING btree ("tenant_id","id");