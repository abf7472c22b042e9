-- AlterTable (the number of submissions made before it existed follows their order)
ALTER TABLE "ProposalSubmission" ADD COLUMN     "number" INTEGER;
UPDATE "ProposalSubmission" s SET "number" = n.number
  FROM (SELECT id, row_number() OVER (PARTITION BY "proposalId" ORDER BY "version", "submittedAt") AS number FROM "ProposalSubmission") n
  WHERE s.id = n.id;
ALTER TABLE "ProposalSubmission" ALTER COLUMN "number" SET NOT NULL;

-- CreateTable
CREATE TABLE "RevisionRequest" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "submissionNumber" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "returnedById" TEXT NOT NULL,
    "returnedByRole" "Role" NOT NULL,
    "returnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevisionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RevisionRequest_proposalId_returnedAt_idx" ON "RevisionRequest"("proposalId", "returnedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSubmission_proposalId_number_key" ON "ProposalSubmission"("proposalId", "number");

-- AddForeignKey
ALTER TABLE "ProposalSubmission" ADD CONSTRAINT "ProposalSubmission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionRequest" ADD CONSTRAINT "RevisionRequest_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionRequest" ADD CONSTRAINT "RevisionRequest_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: what was submitted stays as it was submitted, and a request
-- for revision stays as the reviewer wrote it. The database refuses UPDATE and
-- DELETE whoever asks (the grants step also keeps the portal's role to SELECT, INSERT).
CREATE TRIGGER "ProposalSubmission_immutable"
  BEFORE UPDATE OR DELETE ON "ProposalSubmission"
  FOR EACH ROW EXECUTE FUNCTION forbid_update_or_delete();

CREATE TRIGGER "RevisionRequest_immutable"
  BEFORE UPDATE OR DELETE ON "RevisionRequest"
  FOR EACH ROW EXECUTE FUNCTION forbid_update_or_delete();
