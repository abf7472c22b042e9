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
CREATE INDEX "ScreeningEntryName_normalized_trgm_idx" ON "ScreeningEntryName" USING gin ("normalized" gin_trgm_ops);

-- Run by the import once it has loaded a list: moves the new names from the
-- index's pending list into the index proper (a large pending list makes the
-- planner, rightly, prefer a scan) and refreshes the statistics. Both need the
-- owner's rights, which the portal's role doesn't have: SECURITY DEFINER, with
-- the search path fixed to the migration's.
CREATE OR REPLACE FUNCTION screening_refresh_names_index() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
  AS $$
BEGIN
  PERFORM gin_clean_pending_list('"ScreeningEntryName_normalized_trgm_idx"'::regclass);
  ANALYZE "ScreeningEntryName";
END
$$;

-- Line items saved before ECCNs were parsed: their base code, for the queue's filter.
UPDATE "LineItem"
SET "eccnBase" = CASE WHEN upper(trim("eccn")) = 'EAR99' THEN 'EAR99' ELSE upper(split_part(trim("eccn"), '.', 1)) END
WHERE "eccn" IS NOT NULL AND "eccnBase" IS NULL;
