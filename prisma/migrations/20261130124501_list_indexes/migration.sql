-- DropIndex
DROP INDEX "Proposal_consortiumId_updatedAt_idx";

-- DropIndex
DROP INDEX "Proposal_status_submittedAt_idx";

-- DropIndex
DROP INDEX "Proposal_publishedAt_idx";

-- DropIndex
DROP INDEX "LicenseRequest_status_dueAt_idx";

-- CreateIndex
CREATE INDEX "Proposal_consortiumId_updatedAt_id_idx" ON "Proposal"("consortiumId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Proposal_updatedAt_id_idx" ON "Proposal"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Proposal_status_updatedAt_id_idx" ON "Proposal"("status", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Proposal_status_submittedAt_id_idx" ON "Proposal"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "LicenseRequest_status_dueAt_id_idx" ON "LicenseRequest"("status", "dueAt", "id");
