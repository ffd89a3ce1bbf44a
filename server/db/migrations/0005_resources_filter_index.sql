DROP INDEX "services_search_idx";--> statement-breakpoint
DROP INDEX "services_areas_idx";--> statement-breakpoint
DROP INDEX "services_categories_idx";--> statement-breakpoint
CREATE INDEX "services_filter_idx" ON "services" USING gin ("tenant_id","search_text" gin_trgm_ops,"effective_area_ids","categories");