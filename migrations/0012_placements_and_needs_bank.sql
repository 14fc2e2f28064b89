CREATE TYPE "public"."brief_kind" AS ENUM('research_question', 'thesis', 'course_project', 'ulf_question', 'guest_lecture', 'staff_development');--> statement-breakpoint
CREATE TYPE "public"."brief_responder_role" AS ENUM('researcher', 'teacher', 'student', 'staff');--> statement-breakpoint
CREATE TYPE "public"."brief_response_status" AS ENUM('submitted', 'in_review', 'accepted', 'declined', 'completed');--> statement-breakpoint
CREATE TYPE "public"."placement_kind" AS ENUM('vfu_teacher', 'vfu_care', 'apl', 'internship');--> statement-breakpoint
CREATE TYPE "public"."placement_request_status" AS ENUM('submitted', 'in_review', 'confirmed', 'declined', 'completed', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."membership_role" ADD VALUE 'placement_coordinator';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'placement_offer';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'placement_request';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'placement_need';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'brief';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'brief_response';--> statement-breakpoint
CREATE TABLE "brief_focus_areas" (
	"brief_id" integer NOT NULL,
	"focus_area_id" integer NOT NULL,
	CONSTRAINT "brief_focus_areas_brief_id_focus_area_id_pk" PRIMARY KEY("brief_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "brief_goals" (
	"brief_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	CONSTRAINT "brief_goals_brief_id_goal_id_pk" PRIMARY KEY("brief_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "brief_institutions" (
	"brief_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "brief_institutions_brief_id_organisation_id_pk" PRIMARY KEY("brief_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "brief_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "brief_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"brief_id" integer NOT NULL,
	"responder_person_id" integer,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" "brief_responder_role" DEFAULT 'researcher' NOT NULL,
	"institution_id" integer,
	"other_institution" text,
	"programme" text DEFAULT '' NOT NULL,
	"approach" text NOT NULL,
	"timing" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" "brief_response_status" DEFAULT 'submitted' NOT NULL,
	"reason" text,
	"activity_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "brief_subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "brief_subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"kind" "brief_kind",
	"focus_area_id" integer,
	"confirm_token_hash" text,
	"unsubscribe_token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brief_subscriptions_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "brief_subscriptions_unsubscribe_token_hash_unique" UNIQUE("unsubscribe_token_hash")
);
--> statement-breakpoint
CREATE TABLE "brief_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subscription_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "briefs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"kind" "brief_kind" NOT NULL,
	"title" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"question" text NOT NULL,
	"intended_use" text NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"offering" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text,
	"deadline" date,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"alerted_at" timestamp with time zone,
	"author_person_id" integer,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"internal_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(background || ' ' || question || ' ' || intended_use, '')), 'B')) STORED,
	CONSTRAINT "briefs_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "placement_needs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "placement_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"university_id" integer NOT NULL,
	"author_person_id" integer,
	"term" text NOT NULL,
	"kind" "placement_kind" NOT NULL,
	"programme" text NOT NULL,
	"study_level" text DEFAULT '' NOT NULL,
	"students" integer NOT NULL,
	"weeks" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"area" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "placement_needs_term_check" CHECK ("placement_needs"."term" ~ '^(VT|HT)[0-9]{4}$'),
	CONSTRAINT "placement_needs_students_check" CHECK ("placement_needs"."students" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "placement_offers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "placement_offers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer NOT NULL,
	"term" text NOT NULL,
	"kind" "placement_kind" NOT NULL,
	"programme" text NOT NULL,
	"study_level" text DEFAULT '' NOT NULL,
	"places" integer NOT NULL,
	"confirmed_places" integer DEFAULT 0 NOT NULL,
	"supervisors" integer DEFAULT 0 NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"address" text DEFAULT '' NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"copied_from_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "placement_offers_term_check" CHECK ("placement_offers"."term" ~ '^(VT|HT)[0-9]{4}$'),
	CONSTRAINT "placement_offers_places_check" CHECK ("placement_offers"."places" between 0 and 10000),
	CONSTRAINT "placement_offers_confirmed_check" CHECK ("placement_offers"."confirmed_places" >= 0 and "placement_offers"."confirmed_places" <= "placement_offers"."places")
);
--> statement-breakpoint
CREATE TABLE "placement_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "placement_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"offer_id" integer NOT NULL,
	"university_id" integer NOT NULL,
	"requester_person_id" integer,
	"need_id" integer,
	"places" integer NOT NULL,
	"status" "placement_request_status" DEFAULT 'submitted' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"reason" text,
	"proposed_offer_id" integer,
	"preference" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "placement_requests_places_check" CHECK ("placement_requests"."places" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "placement_students" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "placement_students_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"first_name" text NOT NULL,
	"programme" text DEFAULT '' NOT NULL,
	"remove_after" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "brief_focus_areas" ADD CONSTRAINT "brief_focus_areas_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_focus_areas" ADD CONSTRAINT "brief_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_goals" ADD CONSTRAINT "brief_goals_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_goals" ADD CONSTRAINT "brief_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_institutions" ADD CONSTRAINT "brief_institutions_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_institutions" ADD CONSTRAINT "brief_institutions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_responses" ADD CONSTRAINT "brief_responses_brief_id_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."briefs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_responses" ADD CONSTRAINT "brief_responses_responder_person_id_people_id_fk" FOREIGN KEY ("responder_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_responses" ADD CONSTRAINT "brief_responses_institution_id_organisations_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_responses" ADD CONSTRAINT "brief_responses_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_subscriptions" ADD CONSTRAINT "brief_subscriptions_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_unsubscribe_tokens" ADD CONSTRAINT "brief_unsubscribe_tokens_subscription_id_brief_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."brief_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_needs" ADD CONSTRAINT "placement_needs_university_id_organisations_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_needs" ADD CONSTRAINT "placement_needs_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_offers" ADD CONSTRAINT "placement_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_requests" ADD CONSTRAINT "placement_requests_offer_id_placement_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."placement_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_requests" ADD CONSTRAINT "placement_requests_university_id_organisations_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_requests" ADD CONSTRAINT "placement_requests_requester_person_id_people_id_fk" FOREIGN KEY ("requester_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_requests" ADD CONSTRAINT "placement_requests_need_id_placement_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."placement_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_requests" ADD CONSTRAINT "placement_requests_proposed_offer_id_placement_offers_id_fk" FOREIGN KEY ("proposed_offer_id") REFERENCES "public"."placement_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_students" ADD CONSTRAINT "placement_students_request_id_placement_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."placement_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brief_focus_areas_focus_area_id_index" ON "brief_focus_areas" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "brief_goals_goal_id_index" ON "brief_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "brief_institutions_organisation_id_index" ON "brief_institutions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "brief_responses_brief_idx" ON "brief_responses" USING btree ("brief_id","status");--> statement-breakpoint
CREATE INDEX "brief_responses_responder_idx" ON "brief_responses" USING btree ("responder_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "brief_responses_one_per_person" ON "brief_responses" USING btree ("brief_id","responder_person_id");--> statement-breakpoint
CREATE INDEX "brief_subscriptions_email_idx" ON "brief_subscriptions" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "brief_unsubscribe_tokens_subscription_id_index" ON "brief_unsubscribe_tokens" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "briefs_search_idx" ON "briefs" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "briefs_kind_idx" ON "briefs" USING btree ("kind","published_at");--> statement-breakpoint
CREATE INDEX "briefs_organisation_idx" ON "briefs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "placement_needs_term_idx" ON "placement_needs" USING btree ("term","kind");--> statement-breakpoint
CREATE INDEX "placement_offers_term_idx" ON "placement_offers" USING btree ("term","kind");--> statement-breakpoint
CREATE INDEX "placement_offers_organisation_idx" ON "placement_offers" USING btree ("organisation_id","term");--> statement-breakpoint
CREATE INDEX "placement_requests_offer_idx" ON "placement_requests" USING btree ("offer_id","status");--> statement-breakpoint
CREATE INDEX "placement_requests_university_idx" ON "placement_requests" USING btree ("university_id","status");--> statement-breakpoint
CREATE INDEX "placement_requests_need_idx" ON "placement_requests" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "placement_students_request_idx" ON "placement_students" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "placement_students_remove_idx" ON "placement_students" USING btree ("remove_after");