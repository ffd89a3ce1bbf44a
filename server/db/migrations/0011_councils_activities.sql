CREATE TABLE "activities" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"sc_user_id" uuid NOT NULL,
	"sc_name" text NOT NULL,
	"occurred_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"type" text NOT NULL,
	"layer" integer NOT NULL,
	"functions" text[] NOT NULL,
	"headlines" text[] NOT NULL,
	"yoko_tasks" text[] DEFAULT '{}'::text[] NOT NULL,
	"support" text NOT NULL,
	"area_ids" uuid[] NOT NULL,
	"organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"need_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"referral_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"council_id" uuid,
	"project_id" uuid,
	"summary" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "activities_minutes_check" CHECK ("activities"."minutes" between 1 and 1440),
	CONSTRAINT "activities_layer_check" CHECK ("activities"."layer" between 1 and 3),
	CONSTRAINT "activities_functions_check" CHECK (cardinality("activities"."functions") >= 1),
	CONSTRAINT "activities_areas_check" CHECK (cardinality("activities"."area_ids") >= 1)
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"step" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cell_area_id" uuid,
	"cell_category" text,
	"need_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"project_id" uuid,
	"carried_from_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"ideas" text[] DEFAULT '{}'::text[] NOT NULL,
	"carry_over" boolean DEFAULT false NOT NULL,
	"homework" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agenda_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agenda_items_cell_check" CHECK (("agenda_items"."cell_area_id" is null) = ("agenda_items"."cell_category" is null))
);
--> statement-breakpoint
CREATE TABLE "council_groups" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "council_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"role" text NOT NULL,
	"term_start" date,
	"term_end" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "council_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "council_members_who_check" CHECK ("council_members"."person_id" is not null or "council_members"."organization_id" is not null),
	CONSTRAINT "council_members_term_check" CHECK ("council_members"."term_start" is null or "council_members"."term_end" is null or "council_members"."term_end" >= "council_members"."term_start")
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"layer" integer NOT NULL,
	"area_id" uuid NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"sc_user_id" uuid,
	"agenda_template" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "councils_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "councils_layer_check" CHECK ("councils"."layer" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text,
	"ends_at" text,
	"place" text DEFAULT '' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"guests" integer DEFAULT 0 NOT NULL,
	"guests_note" text DEFAULT '' NOT NULL,
	"review" text DEFAULT '' NOT NULL,
	"next_note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "meetings_guests_check" CHECK ("meetings"."guests" >= 0)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"organization_id" uuid,
	"area_id" uuid,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "people_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_resources" (
	"tenant_id" char(6) NOT NULL,
	"project_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"linked_on" date NOT NULL,
	"linked_by" text NOT NULL,
	CONSTRAINT "project_resources_tenant_id_project_id_resource_id_pk" PRIMARY KEY("tenant_id","project_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "project_trials" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"tried_on" date NOT NULL,
	"what" text NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"participants" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_trials_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"group_id" uuid,
	"name" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"issue" text DEFAULT '' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planning' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "projects_status_check" CHECK ("projects"."status" in ('planning', 'trial', 'running', 'done', 'paused'))
);
--> statement-breakpoint
CREATE TABLE "sc_tasks" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"council_id" uuid,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"project_id" uuid,
	"done_on" date,
	"done_note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sc_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sc_tasks_status_check" CHECK ("sc_tasks"."status" in ('open', 'done', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_sc_user_id_users_id_fk" FOREIGN KEY ("sc_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_groups" ADD CONSTRAINT "council_groups_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_groups" ADD CONSTRAINT "council_groups_tenant_id_council_id_councils_tenant_id_id_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_tenant_id_council_id_councils_tenant_id_id_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_tenant_id_organization_id_organizations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."organizations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_sc_user_id_users_id_fk" FOREIGN KEY ("sc_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_tenant_id_council_id_councils_tenant_id_id_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_organization_id_organizations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organization_id") REFERENCES "public"."organizations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_resources" ADD CONSTRAINT "project_resources_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_resources" ADD CONSTRAINT "project_resources_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_trials" ADD CONSTRAINT "project_trials_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_trials" ADD CONSTRAINT "project_trials_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_council_id_councils_tenant_id_id_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_group_id_council_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."council_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sc_tasks" ADD CONSTRAINT "sc_tasks_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sc_tasks" ADD CONSTRAINT "sc_tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sc_tasks" ADD CONSTRAINT "sc_tasks_tenant_id_council_id_councils_tenant_id_id_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sc_tasks" ADD CONSTRAINT "sc_tasks_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sc_tasks" ADD CONSTRAINT "sc_tasks_tenant_id_agenda_item_id_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "public"."agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sc_tasks" ADD CONSTRAINT "sc_tasks_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_day_idx" ON "activities" USING btree ("tenant_id","occurred_on");--> statement-breakpoint
CREATE INDEX "activities_sc_idx" ON "activities" USING btree ("tenant_id","sc_user_id","occurred_on");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("tenant_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("tenant_id","council_id");--> statement-breakpoint
CREATE INDEX "council_members_person_idx" ON "council_members" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "meetings_council_idx" ON "meetings" USING btree ("tenant_id","council_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "people_user_key" ON "people" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("tenant_id","kana","name");--> statement-breakpoint
CREATE INDEX "project_trials_project_idx" ON "project_trials" USING btree ("tenant_id","project_id","tried_on");--> statement-breakpoint
CREATE INDEX "projects_council_idx" ON "projects" USING btree ("tenant_id","council_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "sc_tasks_owner_idx" ON "sc_tasks" USING btree ("tenant_id","owner_user_id","status","due_on");--> statement-breakpoint
CREATE INDEX "sc_tasks_meeting_idx" ON "sc_tasks" USING btree ("tenant_id","meeting_id");