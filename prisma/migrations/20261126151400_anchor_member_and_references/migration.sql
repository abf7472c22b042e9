-- Written by hand: what Prisma's schema language cannot express.

-- A consortium has at most one anchor member (services create the consortium
-- together with its anchor, so in practice exactly one).
CREATE UNIQUE INDEX "ConsortiumMembership_one_anchor_per_consortium"
  ON "ConsortiumMembership" ("consortiumId") WHERE "isAnchor";

-- Human-readable proposal references (AIE-2026-00042), unique without races.
CREATE SEQUENCE IF NOT EXISTS "proposal_reference_seq" START 1;

-- The exposure-cap ledger and the audit trail are append-only.
CREATE OR REPLACE FUNCTION forbid_update_or_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ExposureCapEntry_append_only"
  BEFORE UPDATE OR DELETE ON "ExposureCapEntry"
  FOR EACH ROW EXECUTE FUNCTION forbid_update_or_delete();

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION forbid_update_or_delete();
