CREATE TABLE "resource_changes" (
	"tenant_id" char(6) NOT NULL,
	"xid" bigint NOT NULL,
	"service_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "resource_changes_tenant_id_xid_service_id_pk" PRIMARY KEY("tenant_id","xid","service_id")
);
--> statement-breakpoint
-- Notes which resources a statement changed, in the writing transaction (decision 0015): a search
-- index in any process compares these rows with the snapshot it was read in. More than 100 rows
-- in one statement (an import batch) are noted as the nil UUID, "reload the tenant".
CREATE FUNCTION resource_changes_add(tenants char(6)[], ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tx bigint := pg_current_xact_id()::text::bigint;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  IF cardinality(ids) > 100 THEN
    INSERT INTO resource_changes (tenant_id, xid, service_id)
      SELECT DISTINCT t, tx, '00000000-0000-0000-0000-000000000000'::uuid FROM unnest(tenants) t
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO resource_changes (tenant_id, xid, service_id)
      SELECT DISTINCT t, tx, s FROM unnest(tenants, ids) u(t, s)
      ON CONFLICT DO NOTHING;
  END IF;
  -- Now and then, forget what is over a day old (an index that has not looked for 12 hours
  -- reloads whole); rows another writer is pruning are left to it rather than waited for.
  IF tx % 64 = 0 THEN
    DELETE FROM resource_changes WHERE ctid IN (
      SELECT ctid FROM resource_changes
        WHERE tenant_id = ANY (tenants) AND at < clock_timestamp() - interval '1 day'
        FOR UPDATE SKIP LOCKED);
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION services_note_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM resource_changes_add(array_agg(tenant_id), array_agg(id)) FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM resource_changes_add(array_agg(tenant_id), array_agg(id)) FROM old_rows;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION service_at_locations_note_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM resource_changes_add(array_agg(tenant_id), array_agg(service_id)) FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM resource_changes_add(array_agg(tenant_id), array_agg(service_id)) FROM old_rows;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A place or a 主体 shows in the list rows of the resources that point at it.
CREATE FUNCTION locations_note_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM resource_changes_add(array_agg(l.tenant_id), array_agg(l.service_id))
    FROM service_at_locations l JOIN old_rows o ON o.tenant_id = l.tenant_id AND o.id = l.location_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION organizations_note_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM resource_changes_add(array_agg(s.tenant_id), array_agg(s.id))
    FROM services s JOIN old_rows o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER services_changes_insert AFTER INSERT ON services
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION services_note_changes();
--> statement-breakpoint
CREATE TRIGGER services_changes_update AFTER UPDATE ON services
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION services_note_changes();
--> statement-breakpoint
CREATE TRIGGER services_changes_delete AFTER DELETE ON services
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION services_note_changes();
--> statement-breakpoint
CREATE TRIGGER service_at_locations_changes_insert AFTER INSERT ON service_at_locations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION service_at_locations_note_changes();
--> statement-breakpoint
CREATE TRIGGER service_at_locations_changes_update AFTER UPDATE ON service_at_locations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION service_at_locations_note_changes();
--> statement-breakpoint
CREATE TRIGGER service_at_locations_changes_delete AFTER DELETE ON service_at_locations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION service_at_locations_note_changes();
--> statement-breakpoint
CREATE TRIGGER locations_changes_update AFTER UPDATE ON locations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION locations_note_changes();
--> statement-breakpoint
CREATE TRIGGER locations_changes_delete AFTER DELETE ON locations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION locations_note_changes();
--> statement-breakpoint
CREATE TRIGGER organizations_changes_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations_note_changes();
--> statement-breakpoint
CREATE TRIGGER organizations_changes_delete AFTER DELETE ON organizations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations_note_changes();
