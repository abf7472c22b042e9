-- AlterTable
ALTER TABLE "LicenseRequest" ADD COLUMN     "hasOpenScreeningHits" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "LicenseRequest_status_hasOpenScreeningHits_dueAt_id_idx" ON "LicenseRequest"("status", "hasOpenScreeningHits", "dueAt", "id");

-- ─── The flag follows the proposal's screening results ───────────────────────
-- A request's proposal has an open hit when any of its screening results is a
-- possible match nobody has reviewed or a confirmed one (lib/screening). The
-- license queue filters on the flag through the index above, so the filter costs
-- one index range however many results or hits there are. Statement-level
-- triggers with transition tables keep it in the same statement as each change
-- to the results (a bulk load included); a new request starts from the results
-- already there.
CREATE OR REPLACE FUNCTION license_request_sync_open_hits(proposal_ids text[]) RETURNS void
  LANGUAGE sql AS $$
  UPDATE "LicenseRequest" lr
     SET "hasOpenScreeningHits" = open_hit.found
    FROM (
      SELECT p.id, EXISTS (
        SELECT 1 FROM "ScreeningResult" s WHERE s."proposalId" = p.id AND s.outcome IN ('POSSIBLE_MATCH', 'CONFIRMED')
      ) AS found
      FROM unnest(proposal_ids) AS p(id)
    ) open_hit
   WHERE lr."proposalId" = open_hit.id AND lr."hasOpenScreeningHits" IS DISTINCT FROM open_hit.found;
$$;

CREATE OR REPLACE FUNCTION screening_result_sync_open_hits() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM license_request_sync_open_hits(ARRAY(SELECT DISTINCT "proposalId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM license_request_sync_open_hits(ARRAY(SELECT "proposalId" FROM new_rows UNION SELECT "proposalId" FROM old_rows));
  ELSE
    PERFORM license_request_sync_open_hits(ARRAY(SELECT DISTINCT "proposalId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ScreeningResult_open_hits_insert" AFTER INSERT ON "ScreeningResult"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_result_sync_open_hits();
CREATE TRIGGER "ScreeningResult_open_hits_update" AFTER UPDATE ON "ScreeningResult"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_result_sync_open_hits();
CREATE TRIGGER "ScreeningResult_open_hits_delete" AFTER DELETE ON "ScreeningResult"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_result_sync_open_hits();

CREATE OR REPLACE FUNCTION license_request_open_hits_at_insert() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."hasOpenScreeningHits" := EXISTS (
    SELECT 1 FROM "ScreeningResult" s WHERE s."proposalId" = NEW."proposalId" AND s.outcome IN ('POSSIBLE_MATCH', 'CONFIRMED')
  );
  RETURN NEW;
END;
$$;

CREATE TRIGGER "LicenseRequest_open_hits_at_insert" BEFORE INSERT ON "LicenseRequest"
  FOR EACH ROW EXECUTE FUNCTION license_request_open_hits_at_insert();

-- The requests already there.
UPDATE "LicenseRequest" lr SET "hasOpenScreeningHits" = true
 WHERE EXISTS (SELECT 1 FROM "ScreeningResult" s WHERE s."proposalId" = lr."proposalId" AND s.outcome IN ('POSSIBLE_MATCH', 'CONFIRMED'));
