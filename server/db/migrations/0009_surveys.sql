CREATE TABLE "survey_imports" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"encoding" text NOT NULL,
	"status" text NOT NULL,
	"content" text NOT NULL,
	"planned" text,
	"header_rows" smallint NOT NULL,
	"columns" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "survey_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"respondent_no" text DEFAULT '' NOT NULL,
	"resident_id" uuid,
	"area_id" uuid,
	"sex" char(1),
	"age" smallint,
	"answered_on" date,
	"mode" text NOT NULL,
	"answers" text[] NOT NULL,
	"tallies" smallint[] NOT NULL,
	"import_id" uuid,
	"entered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "survey_responses_sex_check" CHECK ("survey_responses"."sex" in ('1', '2'))
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"instrument" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "survey_imports" ADD CONSTRAINT "survey_imports_tenant_id_survey_id_surveys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_survey_id_surveys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_resident_id_residents_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_id") REFERENCES "public"."residents"("tenant_id","id") ON DELETE SET NULL ("resident_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("tenant_id","survey_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_number_idx" ON "survey_responses" USING btree ("tenant_id","survey_id","respondent_no") WHERE "survey_responses"."respondent_no" <> '';