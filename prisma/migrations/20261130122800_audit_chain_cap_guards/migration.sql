-- Written by hand: the audit trail's hash chain, and the exposure-cap ledger's
-- guards and running balance. Grants to the portal's login role are not here:
-- they name a role the server's administrator chooses, so they are applied by
-- the grants step that runs after every migration deploy (scripts/db/grants.ts).

-- ─── Audit trail: one hash chain ────────────────────────────────────────────
-- Canonical content: each field as <length>:<text> ("~" when null), joined by
-- "|". The hash is SHA-256 (hex) of previousHash || "|" || content. lib/audit-chain.ts
-- recomputes it independently when verifying.
CREATE OR REPLACE FUNCTION audit_chain_field(value text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '~' ELSE char_length(value)::text || ':' || value END
$$;

CREATE OR REPLACE FUNCTION audit_event_hash(e "AuditEvent", previous_hash text) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(previous_hash || '|' || concat_ws('|',
    audit_chain_field(e."id"::text),
    audit_chain_field(to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS')),
    audit_chain_field(e."actorId"),
    audit_chain_field(e."actorRole"),
    audit_chain_field(e."action"),
    audit_chain_field(e."entityType"),
    audit_chain_field(e."entityId"),
    audit_chain_field(e."proposalId"),
    audit_chain_field(e."before"::text),
    audit_chain_field(e."after"::text)
  ), 'UTF8')), 'hex')
$$;

-- Appends the new event to the chain. The transaction-scoped advisory lock
-- (a fixed key for the audit chain) is held until commit, so the next writer
-- reads this event as the chain's head: concurrent writers never fork it.
-- The database sets position and hashes; whatever the writer sent is replaced.
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  head_position bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(4118007615942270363);
  SELECT "chainPosition", "hash" INTO head_position, head_hash
    FROM "AuditEvent" ORDER BY "chainPosition" DESC LIMIT 1;
  NEW."chainPosition" := COALESCE(head_position, 0) + 1;
  NEW."previousHash" := COALESCE(head_hash, '');
  NEW."hash" := audit_event_hash(NEW, NEW."previousHash");
  RETURN NEW;
END;
$$;

-- Events recorded before the chain existed join it in id order.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
  e "AuditEvent";
  position bigint := 0;
  previous text := '';
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
    position := position + 1;
    e."previousHash" := previous;
    previous := audit_event_hash(e, previous);
    UPDATE "AuditEvent" SET "chainPosition" = position, "previousHash" = e."previousHash", "hash" = previous WHERE "id" = e."id";
  END LOOP;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

CREATE UNIQUE INDEX "AuditEvent_chainPosition_key" ON "AuditEvent"("chainPosition");

CREATE TRIGGER "AuditEvent_chain"
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Verification runs are a record too.
CREATE TRIGGER "AuditVerification_append_only"
  BEFORE UPDATE OR DELETE ON "AuditVerification"
  FOR EACH ROW EXECUTE FUNCTION forbid_update_or_delete();

-- ─── Exposure-cap ledger: guards and running balance ────────────────────────
-- A draw is positive, a release negative and always names its proposal.
ALTER TABLE "ExposureCapEntry" ADD CONSTRAINT "ExposureCapEntry_amount_sign"
  CHECK (("kind" = 'DRAW' AND "amountCents" > 0) OR ("kind" = 'RELEASE' AND "amountCents" < 0 AND "proposalId" IS NOT NULL));

ALTER TABLE "ExposureCapBalance" ADD CONSTRAINT "ExposureCapBalance_single_row" CHECK ("id" = 1);
INSERT INTO "ExposureCapBalance" ("id", "ledgerSumCents", "entryCount", "updatedAt")
  SELECT 1, COALESCE(sum("amountCents"), 0), count(*), now() FROM "ExposureCapEntry";

-- Every ledger entry takes the cap lock (the same key as lockExposureCap in
-- lib/exposure-cap/service.ts; re-entrant when the caller holds it already),
-- refuses a release of more than the proposal's net draws, and moves the
-- running balance in the same transaction. SECURITY DEFINER: the portal's
-- role may read the balance but never write it.
CREATE OR REPLACE FUNCTION exposure_cap_entry_apply() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  net bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(7301246455019883);
  IF NEW."kind" = 'RELEASE' THEN
    SELECT COALESCE(sum("amountCents"), 0) INTO net FROM "ExposureCapEntry" WHERE "proposalId" = NEW."proposalId";
    IF net < 0 THEN
      RAISE EXCEPTION 'A release of % cents is more than proposal % has drawn', -NEW."amountCents", NEW."proposalId"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'ExposureCapEntry_release_within_draws';
    END IF;
  END IF;
  UPDATE "ExposureCapBalance"
    SET "ledgerSumCents" = "ledgerSumCents" + NEW."amountCents", "entryCount" = "entryCount" + 1, "updatedAt" = now()
    WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ExposureCapEntry_apply"
  AFTER INSERT ON "ExposureCapEntry"
  FOR EACH ROW EXECUTE FUNCTION exposure_cap_entry_apply();

CREATE TRIGGER "ExposureCapBalance_no_delete"
  BEFORE DELETE ON "ExposureCapBalance"
  FOR EACH ROW EXECUTE FUNCTION forbid_update_or_delete();
