CREATE TYPE "public"."activity_kind" AS ENUM('research_project', 'ulf_project', 'placement_period', 'thesis_project', 'course', 'event');--> statement-breakpoint
CREATE TYPE "public"."agreement_kind" AS ENUM('collaboration', 'ulf', 'placement', 'research');--> statement-breakpoint
CREATE TYPE "public"."group_kind" AS ENUM('working_group', 'council', 'board', 'network');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('chair', 'vice_chair', 'secretary', 'member', 'co_opted', 'participant');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('municipality', 'administration', 'unit', 'committee', 'university', 'department', 'region', 'company', 'foundation', 'student_union');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"agreement_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(description, '')), 'B')) STORED,
	CONSTRAINT "activities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "activity_focus_areas" (
	"activity_id" integer NOT NULL,
	"focus_area_id" integer NOT NULL,
	CONSTRAINT "activity_focus_areas_activity_id_focus_area_id_pk" PRIMARY KEY("activity_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "activity_goals" (
	"activity_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	CONSTRAINT "activity_goals_activity_id_goal_id_pk" PRIMARY KEY("activity_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "activity_organisations" (
	"activity_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "activity_organisations_activity_id_organisation_id_pk" PRIMARY KEY("activity_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_focus_areas" (
	"agreement_id" integer NOT NULL,
	"focus_area_id" integer NOT NULL,
	CONSTRAINT "agreement_focus_areas_agreement_id_focus_area_id_pk" PRIMARY KEY("agreement_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"diarienummer" text,
	"signed_on" date,
	"valid_from" date,
	"valid_to" date,
	"description" text DEFAULT '' NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(title || ' ' || coalesce(diarienummer, ''), '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(description, '')), 'B')) STORED,
	CONSTRAINT "agreements_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "focus_areas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "focus_areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "focus_areas_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "page_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_path" text NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"short_title" text NOT NULL,
	"statement" text NOT NULL,
	CONSTRAINT "goals_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"target" numeric,
	"value" numeric,
	CONSTRAINT "indicator_values_indicator_id_year_unique" UNIQUE("indicator_id","year")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"goal_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "indicators_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "group_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"organisation_id" integer,
	"role" "member_role" NOT NULL,
	"seat_description" text,
	"person_name" text,
	"position" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "group_members_seat_unique" UNIQUE NULLS NOT DISTINCT("group_id","organisation_id","role","seat_description","person_name")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "group_kind" NOT NULL,
	"agreement_id" integer,
	"organisation_id" integer,
	"description" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(description, '')), 'B')) STORED,
	CONSTRAINT "groups_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" "organisation_kind" NOT NULL,
	"parent_id" integer,
	"website" text,
	"description" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(name || ' ' || coalesce(short_name, ''), '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(description, '')), 'B')) STORED,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "pages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"path" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"updated_on" date NOT NULL,
	"owner_organisation_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(body, '')), 'B')) STORED,
	CONSTRAINT "pages_slug_unique" UNIQUE("slug"),
	CONSTRAINT "pages_path_unique" UNIQUE("path")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_focus_areas" ADD CONSTRAINT "activity_focus_areas_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_focus_areas" ADD CONSTRAINT "activity_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_goals" ADD CONSTRAINT "activity_goals_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_goals" ADD CONSTRAINT "activity_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisations" ADD CONSTRAINT "activity_organisations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisations" ADD CONSTRAINT "activity_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_focus_areas" ADD CONSTRAINT "agreement_focus_areas_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_focus_areas" ADD CONSTRAINT "agreement_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pages" ADD CONSTRAINT "pages_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_agreement_id_index" ON "activities" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "activities_search_idx" ON "activities" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "activity_organisations_organisation_id_index" ON "activity_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_organisation_id_index" ON "agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreements_search_idx" ON "agreements" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "page_feedback_page_path_created_at_index" ON "page_feedback" USING btree ("page_path","created_at");--> statement-breakpoint
CREATE INDEX "indicators_goal_id_index" ON "indicators" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "group_members_organisation_id_index" ON "group_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "groups_agreement_id_index" ON "groups" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "groups_search_idx" ON "groups" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "pages_search_idx" ON "pages" USING gin ("search_vector");