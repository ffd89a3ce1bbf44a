ALTER TABLE "tenants" ADD COLUMN "open_data_licence" text DEFAULT 'CC BY 4.0' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "portal_contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "strengths" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "concerns" text DEFAULT '' NOT NULL;