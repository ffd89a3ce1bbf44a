CREATE TABLE "helper_trainings" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"helper_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"completed_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helper_trainings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "helpers" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"town_name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"home_area_id" uuid,
	"area_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"weekday_mask" smallint DEFAULT 0 NOT NULL,
	"time_note" text DEFAULT '' NOT NULL,
	"reward_note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"consent" jsonb,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helpers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "helpers_kind_check" CHECK ("helpers"."kind" in ('person', 'group')),
	CONSTRAINT "helpers_status_check" CHECK ("helpers"."status" in ('active', 'resting', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "helper_trainings" ADD CONSTRAINT "helper_trainings_tenant_id_helper_id_helpers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","helper_id") REFERENCES "public"."helpers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpers" ADD CONSTRAINT "helpers_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpers" ADD CONSTRAINT "helpers_tenant_id_home_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","home_area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helper_trainings_helper_idx" ON "helper_trainings" USING btree ("tenant_id","helper_id");--> statement-breakpoint
CREATE INDEX "helpers_kana_idx" ON "helpers" USING btree ("tenant_id","kana");--> statement-breakpoint
CREATE INDEX "helpers_skills_idx" ON "helpers" USING gin ("tenant_id","skills");