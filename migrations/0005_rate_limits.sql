-- rate_limit_counts is UNLOGGED (edited by hand; drizzle-kit does not model it): counts cost no WAL, and a
-- crash only resets them. The salts stay logged, so every process keeps agreeing on them after a crash.
CREATE UNLOGGED TABLE "rate_limit_counts" (
	"scope" text NOT NULL,
	"key_hash" "bytea" NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_counts_scope_key_hash_window_ends_at_pk" PRIMARY KEY("scope","key_hash","window_ends_at")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_salts" (
	"hour_starts_at" timestamp with time zone PRIMARY KEY NOT NULL,
	"salt" "bytea" NOT NULL
);
