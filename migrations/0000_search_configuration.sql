-- Extensions and the text-search configuration that the generated search columns use.
-- unaccent() is not immutable, so a generated column cannot call it; a configuration that runs the
-- unaccent dictionary before Swedish stemming can be used there instead.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'samverkan_sv') THEN
    CREATE TEXT SEARCH CONFIGURATION samverkan_sv (COPY = swedish);
    ALTER TEXT SEARCH CONFIGURATION samverkan_sv
      ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
      WITH unaccent, swedish_stem;
  END IF;
END
$$;
