CREATE TABLE "need_events" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "need_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "need_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"category" text NOT NULL,
	"area_id" uuid NOT NULL,
	"source" text NOT NULL,
	"resident_id" uuid,
	"people" integer DEFAULT 1 NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"raised_on" date NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "needs_people_check" CHECK ("needs"."people" >= 1),
	CONSTRAINT "needs_status_check" CHECK ("needs"."status" in ('new', 'in_progress', 'referred', 'resolved', 'watching', 'unresolved'))
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"birth_date" date,
	"town_name" text DEFAULT '' NOT NULL,
	"area_id" uuid,
	"address" text DEFAULT '' NOT NULL,
	"household" text DEFAULT 'unknown' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"consent" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "residents_household_check" CHECK ("residents"."household" in ('alone', 'elderly_only', 'with_family', 'other', 'unknown'))
);
--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_tenant_id_need_id_needs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","need_id") REFERENCES "public"."needs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_tenant_id_resident_id_residents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_id") REFERENCES "public"."residents"("tenant_id","id") ON DELETE SET NULL ("resident_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_events_need_idx" ON "need_events" USING btree ("tenant_id","need_id","seq");--> statement-breakpoint
CREATE INDEX "needs_area_idx" ON "needs" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("tenant_id","status","raised_on");--> statement-breakpoint
CREATE INDEX "needs_resident_idx" ON "needs" USING btree ("tenant_id","resident_id");--> statement-breakpoint
CREATE INDEX "residents_area_idx" ON "residents" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "residents_kana_idx" ON "residents" USING btree ("tenant_id","kana");