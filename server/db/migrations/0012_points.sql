CREATE TABLE "helper_course_attendance" (
	"tenant_id" char(6) NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helper_course_attendance_tenant_id_session_id_participant_id_pk" PRIMARY KEY("tenant_id","session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "helper_course_completions" (
	"tenant_id" char(6) NOT NULL,
	"course_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"certificate_no" integer NOT NULL,
	"completed_on" date NOT NULL,
	"training_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helper_course_completions_tenant_id_course_id_participant_id_pk" PRIMARY KEY("tenant_id","course_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "helper_course_participants" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"helper_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"kana" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helper_course_participants_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "helper_course_sessions" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"on" date NOT NULL,
	"starts_at" text DEFAULT '' NOT NULL,
	"ends_at" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helper_course_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "helper_courses" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"area_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "helper_courses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "helper_courses_capacity_check" CHECK (coalesce("helper_courses"."capacity", 1) >= 1)
);
--> statement-breakpoint
CREATE TABLE "point_accounts" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"helper_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "point_accounts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "point_accounts_kind_check" CHECK ("point_accounts"."kind" in ('member', 'issuance', 'redemption')),
	CONSTRAINT "point_accounts_member_check" CHECK (("point_accounts"."kind" = 'member') = ("point_accounts"."helper_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "point_activities" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"helper_id" uuid NOT NULL,
	"on" date NOT NULL,
	"kind" text,
	"kind_label" text DEFAULT '' NOT NULL,
	"minutes" integer,
	"host" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"requested_points" integer NOT NULL,
	"awarded_points" integer,
	"cap_note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"host_confirmed_by" text DEFAULT '' NOT NULL,
	"host_confirmed_on" date,
	"confirmed_by" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"returned_reason" text DEFAULT '' NOT NULL,
	"transaction_id" uuid,
	"recorded_by" text NOT NULL,
	"client_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "point_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "point_activities_status_check" CHECK ("point_activities"."status" in ('pending', 'confirmed', 'returned')),
	CONSTRAINT "point_activities_points_check" CHECK ("point_activities"."requested_points" >= 0 and coalesce("point_activities"."awarded_points", 0) between 0 and "point_activities"."requested_points")
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"tenant_id" char(6) NOT NULL,
	"transaction_id" uuid NOT NULL,
	"line" smallint NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "point_entries_tenant_id_transaction_id_line_pk" PRIMARY KEY("tenant_id","transaction_id","line"),
	CONSTRAINT "point_entries_amount_check" CHECK ("point_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "point_schemes" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"points_per_hour" integer,
	"activity_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"yearly_cap" integer,
	"redemption_kind" text DEFAULT 'cash' NOT NULL,
	"yen_per_point" integer DEFAULT 1 NOT NULL,
	"redemption_note" text DEFAULT '' NOT NULL,
	"yearly_redemption_cap" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "point_schemes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "point_schemes_redemption_kind_check" CHECK ("point_schemes"."redemption_kind" in ('cash', 'goods')),
	CONSTRAINT "point_schemes_amounts_check" CHECK (coalesce("point_schemes"."points_per_hour", 0) >= 0 and coalesce("point_schemes"."yearly_cap", 0) >= 0 and "point_schemes"."yen_per_point" >= 0 and coalesce("point_schemes"."yearly_redemption_cap", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "point_transactions" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "point_transactions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"description" text NOT NULL,
	"helper_id" uuid NOT NULL,
	"activity_id" uuid,
	"reverses" uuid,
	"year_end_id" uuid,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "point_transactions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "point_transactions_kind_check" CHECK ("point_transactions"."kind" in ('activity', 'redemption', 'year_end', 'correction')),
	CONSTRAINT "point_transactions_reverses_check" CHECK (("point_transactions"."kind" = 'correction') = ("point_transactions"."reverses" is not null))
);
--> statement-breakpoint
CREATE TABLE "point_year_ends" (
	"tenant_id" char(6) NOT NULL,
	"id" uuid NOT NULL,
	"scheme_id" uuid NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"members" integer NOT NULL,
	"points" integer NOT NULL,
	"yen" integer NOT NULL,
	"posted_by" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "point_year_ends_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "helper_course_attendance" ADD CONSTRAINT "helper_course_attendance_tenant_id_session_id_helper_course_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."helper_course_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_attendance" ADD CONSTRAINT "helper_course_attendance_tenant_id_participant_id_helper_course_participants_tenant_id_id_fk" FOREIGN KEY ("tenant_id","participant_id") REFERENCES "public"."helper_course_participants"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_completions" ADD CONSTRAINT "helper_course_completions_tenant_id_course_id_helper_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."helper_courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_completions" ADD CONSTRAINT "helper_course_completions_tenant_id_participant_id_helper_course_participants_tenant_id_id_fk" FOREIGN KEY ("tenant_id","participant_id") REFERENCES "public"."helper_course_participants"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_completions" ADD CONSTRAINT "helper_course_completions_tenant_id_training_id_helper_trainings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","training_id") REFERENCES "public"."helper_trainings"("tenant_id","id") ON DELETE SET NULL ("training_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_participants" ADD CONSTRAINT "helper_course_participants_tenant_id_course_id_helper_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."helper_courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_participants" ADD CONSTRAINT "helper_course_participants_tenant_id_helper_id_helpers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","helper_id") REFERENCES "public"."helpers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_course_sessions" ADD CONSTRAINT "helper_course_sessions_tenant_id_course_id_helper_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."helper_courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_courses" ADD CONSTRAINT "helper_courses_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_courses" ADD CONSTRAINT "helper_courses_tenant_id_area_id_areas_tenant_id_id_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_accounts" ADD CONSTRAINT "point_accounts_tenant_id_scheme_id_point_schemes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","scheme_id") REFERENCES "public"."point_schemes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_accounts" ADD CONSTRAINT "point_accounts_tenant_id_helper_id_helpers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","helper_id") REFERENCES "public"."helpers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_activities" ADD CONSTRAINT "point_activities_tenant_id_scheme_id_point_schemes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","scheme_id") REFERENCES "public"."point_schemes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_activities" ADD CONSTRAINT "point_activities_tenant_id_helper_id_helpers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","helper_id") REFERENCES "public"."helpers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_tenant_id_transaction_id_point_transactions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","transaction_id") REFERENCES "public"."point_transactions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_tenant_id_account_id_point_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."point_accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_schemes" ADD CONSTRAINT "point_schemes_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_transactions" ADD CONSTRAINT "point_transactions_tenant_id_scheme_id_point_schemes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","scheme_id") REFERENCES "public"."point_schemes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_transactions" ADD CONSTRAINT "point_transactions_tenant_id_reverses_point_transactions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reverses") REFERENCES "public"."point_transactions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_year_ends" ADD CONSTRAINT "point_year_ends_tenant_id_scheme_id_point_schemes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","scheme_id") REFERENCES "public"."point_schemes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helper_course_attendance_participant_idx" ON "helper_course_attendance" USING btree ("tenant_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "helper_course_completions_no_idx" ON "helper_course_completions" USING btree ("tenant_id","course_id","certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "helper_course_participants_helper_idx" ON "helper_course_participants" USING btree ("tenant_id","course_id","helper_id");--> statement-breakpoint
CREATE INDEX "helper_course_sessions_course_idx" ON "helper_course_sessions" USING btree ("tenant_id","course_id","on");--> statement-breakpoint
CREATE INDEX "helper_courses_fy_idx" ON "helper_courses" USING btree ("tenant_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "point_accounts_member_idx" ON "point_accounts" USING btree ("tenant_id","scheme_id","helper_id") WHERE "point_accounts"."kind" = 'member';--> statement-breakpoint
CREATE UNIQUE INDEX "point_accounts_system_idx" ON "point_accounts" USING btree ("tenant_id","scheme_id","kind") WHERE "point_accounts"."kind" <> 'member';--> statement-breakpoint
CREATE INDEX "point_activities_status_idx" ON "point_activities" USING btree ("tenant_id","status","on");--> statement-breakpoint
CREATE INDEX "point_activities_helper_idx" ON "point_activities" USING btree ("tenant_id","helper_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "point_activities_client_idx" ON "point_activities" USING btree ("tenant_id","client_id");--> statement-breakpoint
CREATE INDEX "point_entries_account_idx" ON "point_entries" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "point_transactions_helper_idx" ON "point_transactions" USING btree ("tenant_id","helper_id","on","seq");--> statement-breakpoint
CREATE INDEX "point_transactions_reverses_idx" ON "point_transactions" USING btree ("tenant_id","reverses");--> statement-breakpoint
CREATE UNIQUE INDEX "point_transactions_activity_idx" ON "point_transactions" USING btree ("tenant_id","activity_id") WHERE "point_transactions"."kind" = 'activity';--> statement-breakpoint
CREATE UNIQUE INDEX "point_year_ends_fy_idx" ON "point_year_ends" USING btree ("tenant_id","scheme_id","fiscal_year");--> statement-breakpoint
-- The point ledger is append-only: corrections are new transactions, never edits. Refuse UPDATE and
-- DELETE at the database, whatever the caller (the same guard as the audit log's).
CREATE OR REPLACE FUNCTION point_ledger_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: record a correction instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER point_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON point_entries
  FOR EACH ROW EXECUTE FUNCTION point_ledger_is_append_only();
--> statement-breakpoint
CREATE TRIGGER point_transactions_no_update_delete
  BEFORE UPDATE OR DELETE ON point_transactions
  FOR EACH ROW EXECUTE FUNCTION point_ledger_is_append_only();
--> statement-breakpoint
CREATE TRIGGER point_accounts_no_update_delete
  BEFORE UPDATE OR DELETE ON point_accounts
  FOR EACH ROW EXECUTE FUNCTION point_ledger_is_append_only();
--> statement-breakpoint
CREATE TRIGGER point_year_ends_no_update_delete
  BEFORE UPDATE OR DELETE ON point_year_ends
  FOR EACH ROW EXECUTE FUNCTION point_ledger_is_append_only();
--> statement-breakpoint
-- Double entry: at commit, every transaction touched has two or more entries summing to zero. Deferred,
-- so that a transaction and its lines can be written one statement after another.
CREATE OR REPLACE FUNCTION point_transaction_is_balanced() RETURNS trigger AS $$
DECLARE
  total bigint;
  lines int;
BEGIN
  SELECT coalesce(sum(amount), 0), count(*) INTO total, lines
    FROM point_entries WHERE tenant_id = NEW.tenant_id AND transaction_id = NEW.transaction_id;
  IF lines < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'point transaction % does not balance (% lines, sum %)', NEW.transaction_id, lines, total;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER point_entries_balanced
  AFTER INSERT ON point_entries DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION point_transaction_is_balanced();
--> statement-breakpoint
-- A transaction written without any entry would escape the check above: check it from its own side.
CREATE OR REPLACE FUNCTION point_transaction_has_entries() RETURNS trigger AS $$
BEGIN
  IF (SELECT count(*) FROM point_entries WHERE tenant_id = NEW.tenant_id AND transaction_id = NEW.id) < 2 THEN
    RAISE EXCEPTION 'point transaction % has fewer than two entries', NEW.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER point_transactions_have_entries
  AFTER INSERT ON point_transactions DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION point_transaction_has_entries();
