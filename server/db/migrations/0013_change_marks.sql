CREATE TABLE "change_marks" (
	"tenant_id" char(6) NOT NULL,
	"source" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "change_marks_tenant_id_source_pk" PRIMARY KEY("tenant_id","source")
);
--> statement-breakpoint
ALTER TABLE "change_marks" ADD CONSTRAINT "change_marks_tenant_id_tenants_code_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Bumps the tenant's change mark for TG_ARGV[0] once per transaction that wrote any of its rows
-- (decision 0012). Deferred to commit: the mark and the write become visible together, and the
-- row lock on the mark is held only for the moment of commit, so a long import does not hold up
-- the town's other edits. A transaction-local setting makes the rest of its rows a no-op.
CREATE FUNCTION change_marks_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tenant char(6) := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  done text := 'sasaeai.marked_' || TG_ARGV[0] || '_' || tenant;
BEGIN
  IF current_setting(done, true) IS DISTINCT FROM '1' THEN
    PERFORM set_config(done, '1', true);
    INSERT INTO change_marks (tenant_id, source, n) VALUES (tenant, TG_ARGV[0], 1)
      ON CONFLICT (tenant_id, source) DO UPDATE SET n = change_marks.n + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER services_change_mark AFTER INSERT OR UPDATE OR DELETE ON services
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_marks_bump('resources');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER service_at_locations_change_mark AFTER INSERT OR UPDATE OR DELETE ON service_at_locations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_marks_bump('resources');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER locations_change_mark AFTER UPDATE ON locations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_marks_bump('resources');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER helpers_change_mark AFTER INSERT OR UPDATE OR DELETE ON helpers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_marks_bump('helpers');
