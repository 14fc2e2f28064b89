CREATE TABLE "seed_marks" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"record_id" integer NOT NULL,
	CONSTRAINT "seed_marks_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
-- Added by hand: an installation seeded before the marks existed found seed items by slug; every record there
-- now counts as added, so the seed adds nothing twice after this (the member key as seeds/apply-seed.ts makes it).
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'organisation', "slug", "id" FROM "organisations";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'focus_area', "slug", "id" FROM "focus_areas";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'agreement', "slug", "id" FROM "agreements";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'goal', "slug", "id" FROM "goals";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'group', "slug", "id" FROM "groups";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'activity', "slug", "id" FROM "activities";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id") SELECT 'page', "slug", "id" FROM "pages";--> statement-breakpoint
INSERT INTO "seed_marks" ("kind", "key", "record_id")
SELECT 'member', concat_ws('|', g."slug", coalesce(o."slug", ''), m."role"::text, coalesce(m."seat_description", ''), coalesce(m."person_name", '')), m."id"
  FROM "group_members" m JOIN "groups" g ON g."id" = m."group_id" LEFT JOIN "organisations" o ON o."id" = m."organisation_id"
ON CONFLICT DO NOTHING;
