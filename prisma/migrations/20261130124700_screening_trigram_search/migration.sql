-- Restricted-party screening matches names in PostgreSQL: pg_trgm scores the
-- similarity of normalized names, unaccent folds the diacritics. Both extensions
-- ship with PostgreSQL's contrib modules (and in the embedded server).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads a dictionary); an index needs an IMMUTABLE
-- wrapper naming the dictionary explicitly.
CREATE OR REPLACE FUNCTION screening_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- Names and aliases, searched by trigram similarity (the % operator and similarity()).
-- The import flushes the index's pending list (gin_clean_pending_list) once it has
-- loaded a list: a large pending list makes the planner (rightly) prefer a scan.
CREATE INDEX "ScreeningEntryName_normalized_trgm_idx" ON "ScreeningEntryName" USING gin ("normalized" gin_trgm_ops);

-- Line items saved before ECCNs were parsed: their base code, for the queue's filter.
UPDATE "LineItem"
SET "eccnBase" = CASE WHEN upper(trim("eccn")) = 'EAR99' THEN 'EAR99' ELSE upper(split_part(trim("eccn"), '.', 1)) END
WHERE "eccn" IS NOT NULL AND "eccnBase" IS NULL;
