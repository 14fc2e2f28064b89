CREATE TYPE "public"."action_status" AS ENUM('not_started', 'in_progress', 'done', 'struck');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('present', 'absent', 'co_opted');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."minutes_status" AS ENUM('draft', 'ready', 'approved');--> statement-breakpoint
CREATE TYPE "public"."participant_kind" AS ENUM('member', 'guest');--> statement-breakpoint
CREATE TYPE "public"."standing_item_kind" AS ENUM('opening', 'adjuster', 'previous_minutes', 'action_follow_up');--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'meeting';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'agenda_item';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'meeting_action';--> statement-breakpoint
CREATE TABLE "agenda_item_documents" (
	"agenda_item_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	CONSTRAINT "agenda_item_documents_agenda_item_id_document_id_pk" PRIMARY KEY("agenda_item_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_focus_areas" (
	"agenda_item_id" integer NOT NULL,
	"focus_area_id" integer NOT NULL,
	CONSTRAINT "agenda_item_focus_areas_agenda_item_id_focus_area_id_pk" PRIMARY KEY("agenda_item_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_goals" (
	"agenda_item_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	CONSTRAINT "agenda_item_goals_agenda_item_id_goal_id_pk" PRIMARY KEY("agenda_item_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"position" integer NOT NULL,
	"standing_kind" "standing_item_kind",
	"title" text NOT NULL,
	"presenter" text DEFAULT '' NOT NULL,
	"start_time" time,
	"proposed_decision" text DEFAULT '' NOT NULL,
	"agreement_id" integer,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"internal_reason" text,
	"notes" text DEFAULT '' NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('samverkan_sv'::regconfig, coalesce(decision, '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_feeds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "meeting_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"agenda_item_id" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_person_id" integer,
	"owner_organisation_id" integer,
	"due_on" date,
	"status" "action_status" DEFAULT 'not_started' NOT NULL,
	"status_note" text DEFAULT '' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"internal_reason" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_adjusters" (
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"approved_at" timestamp with time zone,
	CONSTRAINT "meeting_adjusters_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"kind" "participant_kind" NOT NULL,
	"person_id" integer,
	"name" text DEFAULT '' NOT NULL,
	"organisation_name" text DEFAULT '' NOT NULL,
	"email" text,
	"attendance" "attendance",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"video_url" text,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"cancelled_reason" text,
	"secretary_person_id" integer,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	"internal_reason" text,
	"minutes_status" "minutes_status" DEFAULT 'draft' NOT NULL,
	"minutes_ready_at" timestamp with time zone,
	"adjustment_due_on" date,
	"minutes_approved_at" timestamp with time zone,
	"minutes_kept_at" text,
	"called_at" timestamp with time zone,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "minutes_corrections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "minutes_corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"agenda_item_id" integer,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_person_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "agreement_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "meeting_id" integer;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "adjustment_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "minutes_kept_at" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "agenda_item_documents" ADD CONSTRAINT "agenda_item_documents_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_documents" ADD CONSTRAINT "agenda_item_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_focus_areas" ADD CONSTRAINT "agenda_item_focus_areas_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_focus_areas" ADD CONSTRAINT "agenda_item_focus_areas_focus_area_id_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_goals" ADD CONSTRAINT "agenda_item_goals_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_goals" ADD CONSTRAINT "agenda_item_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_adjusters" ADD CONSTRAINT "meeting_adjusters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_adjusters" ADD CONSTRAINT "meeting_adjusters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_secretary_person_id_people_id_fk" FOREIGN KEY ("secretary_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_corrections" ADD CONSTRAINT "minutes_corrections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_corrections" ADD CONSTRAINT "minutes_corrections_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_corrections" ADD CONSTRAINT "minutes_corrections_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_documents_document_id_index" ON "agenda_item_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "agenda_item_focus_areas_focus_area_id_index" ON "agenda_item_focus_areas" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "agenda_item_goals_goal_id_index" ON "agenda_item_goals" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_id_position_index" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_agreement_id_index" ON "agenda_items" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agenda_items_search_idx" ON "agenda_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "calendar_feeds_person_id_index" ON "calendar_feeds" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_group_id_status_due_on_index" ON "meeting_actions" USING btree ("group_id","status","due_on");--> statement-breakpoint
CREATE INDEX "meeting_actions_meeting_id_index" ON "meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_owner_person_id_index" ON "meeting_actions" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_owner_organisation_id_index" ON "meeting_actions" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "meeting_adjusters_person_id_index" ON "meeting_adjusters" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting_id_index" ON "meeting_participants" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_person_id_index" ON "meeting_participants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_person_unique" ON "meeting_participants" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "meetings_group_id_starts_at_index" ON "meetings" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_secretary_person_id_index" ON "meetings" USING btree ("secretary_person_id");--> statement-breakpoint
CREATE INDEX "minutes_corrections_meeting_id_index" ON "minutes_corrections" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_meeting_id_index" ON "documents" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_check" CHECK (num_nonnulls("documents"."agreement_id", "documents"."meeting_id") = 1);