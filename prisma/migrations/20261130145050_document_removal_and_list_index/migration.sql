-- DropIndex
DROP INDEX "Document_proposalId_idx";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "removedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Document_proposalId_createdAt_id_idx" ON "Document"("proposalId", "createdAt", "id");
