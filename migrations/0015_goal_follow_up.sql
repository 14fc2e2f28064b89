CREATE TYPE "public"."annual_report_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('computed', 'manual');--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'indicator';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'annual_report';--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annual_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"status" "annual_report_status" DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"goal_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"published_at" timestamp with time zone,
	"published_by_person_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "annual_reports_year_unique" UNIQUE("year"),
	CONSTRAINT "annual_reports_year_check" CHECK ("annual_reports"."year" between 2000 and 2100),
	CONSTRAINT "annual_reports_published_check" CHECK (("annual_reports"."status" = 'published') = ("annual_reports"."snapshot" is not null and "annual_reports"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "outcomes_used_on" date;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "measured_on" date;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "kind" "indicator_kind" DEFAULT 'computed' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "direction" "indicator_direction" DEFAULT 'higher' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "brief_responses" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_published_by_person_id_people_id_fk" FOREIGN KEY ("published_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "unit";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "description";--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_year_check" CHECK ("indicator_values"."year" between 2000 and 2100);--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_source_check" CHECK ("indicator_values"."value" is null or ("indicator_values"."source" is not null and "indicator_values"."measured_on" is not null));--> statement-breakpoint
-- Answers accepted before the column existed: their last change is the best record of when.
UPDATE "brief_responses" SET "accepted_at" = "updated_at" WHERE "status" IN ('accepted', 'completed');
