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
CREATE TABLE "referral_events" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"side" text DEFAULT 'sc' NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text DEFAULT '' NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "referral_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "referral_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "referral_events_side_check" CHECK ("referral_events"."side" in ('sc', 'provider', 'resident'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"need_id" uuid,
	"resident_id" uuid,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"target_name" text NOT NULL,
	"category" text NOT NULL,
	"area_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"sc_user_id" uuid,
	"sc_name" text NOT NULL,
	"proposed_on" date NOT NULL,
	"started_on" date,
	"closed_on" date,
	"follow_up_on" date,
	"outcome_reason" text DEFAULT '' NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "referrals_target_kind_check" CHECK ("referrals"."target_kind" in ('resource', 'helper', 'opportunity')),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('proposed', 'contacted', 'accepted', 'started', 'ongoing', 'ended', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "work_opportunities" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"organization_id" uuid,
	"offered_by" text DEFAULT '' NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"area_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"weekday_mask" smallint DEFAULT 0 NOT NULL,
	"time_note" text DEFAULT '' NOT NULL,
	"paid" boolean DEFAULT false NOT NULL,
	"reward_note" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"contact" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_opportunities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "work_opportunities_status_check" CHECK ("work_opportunities"."status" in ('open', 'paused', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "helper_trainings" ADD CONSTRAINT "helper_trainings_tenant_id_helper_id_helpers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","helper_id") REFERENCES "public"."helpers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpers" ADD CONSTRAINT "helpers_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpers" ADD CONSTRAINT "helpers_tenant_id_home_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","home_area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_tenant_id_referral_id_referrals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."referrals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_need_id_needs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","need_id") REFERENCES "public"."needs"("tenant_id","id") ON DELETE SET NULL ("need_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_resident_id_residents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_id") REFERENCES "public"."residents"("tenant_id","id") ON DELETE SET NULL ("resident_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_opportunities" ADD CONSTRAINT "work_opportunities_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helper_trainings_helper_idx" ON "helper_trainings" USING btree ("tenant_id","helper_id");--> statement-breakpoint
CREATE INDEX "helpers_kana_idx" ON "helpers" USING btree ("tenant_id","kana");--> statement-breakpoint
CREATE INDEX "helpers_updated_idx" ON "helpers" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "helpers_skills_idx" ON "helpers" USING gin ("tenant_id","skills");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("tenant_id","referral_id","seq");--> statement-breakpoint
CREATE INDEX "referrals_follow_up_idx" ON "referrals" USING btree ("tenant_id","follow_up_on");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("tenant_id","status","proposed_on");--> statement-breakpoint
CREATE INDEX "referrals_need_idx" ON "referrals" USING btree ("tenant_id","need_id");--> statement-breakpoint
CREATE INDEX "referrals_resident_idx" ON "referrals" USING btree ("tenant_id","resident_id");--> statement-breakpoint
CREATE INDEX "referrals_target_idx" ON "referrals" USING btree ("tenant_id","target_kind","target_id");--> statement-breakpoint
CREATE INDEX "work_opportunities_status_idx" ON "work_opportunities" USING btree ("tenant_id","status");