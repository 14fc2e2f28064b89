CREATE TYPE "public"."group_site_role" AS ENUM('council', 'foundation_network');--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "site_role" "group_site_role";--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_site_role_unique" UNIQUE("site_role");--> statement-breakpoint
-- Existing installations: the seeded council and network get their roles (added by hand to the generated file).
UPDATE "groups" SET "site_role" = 'council' WHERE "slug" = 'hogskoleradet';--> statement-breakpoint
UPDATE "groups" SET "site_role" = 'foundation_network' WHERE "slug" = 'flemingsberg-science-parter';
