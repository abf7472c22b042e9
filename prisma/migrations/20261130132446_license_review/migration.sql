-- CreateEnum
CREATE TYPE "ScreeningOutcome" AS ENUM ('NO_MATCH', 'POSSIBLE_MATCH', 'CLEARED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "specificEndUse" TEXT;

-- AlterTable
ALTER TABLE "LineItem" ADD COLUMN     "eccnBase" TEXT;

-- AlterTable
ALTER TABLE "Party" ADD COLUMN     "headquartersCountryCode" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ScreeningResult" DROP COLUMN "clearedAt",
DROP COLUMN "clearedById",
ADD COLUMN     "listId" TEXT,
ADD COLUMN     "organizationId" TEXT,
ADD COLUMN     "proposalId" TEXT NOT NULL,
ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "subjectKind" TEXT NOT NULL,
ALTER COLUMN "partyId" DROP NOT NULL,
DROP COLUMN "outcome",
ADD COLUMN     "outcome" "ScreeningOutcome" NOT NULL;

-- AlterTable
ALTER TABLE "LicenseRequest" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assignedReviewerId" TEXT,
ADD COLUMN     "determinationReasons" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "ruleVersion" TEXT;

-- AlterTable
ALTER TABLE "LicenseDecision" ADD COLUMN     "conditionList" JSONB;

-- CreateTable
CREATE TABLE "ScreeningList" (
    "id" TEXT NOT NULL,
    "listDate" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedById" TEXT,

    CONSTRAINT "ScreeningList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningEntry" (
    "id" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "entityNumber" TEXT,
    "type" TEXT,
    "programs" TEXT,
    "name" TEXT NOT NULL,
    "addresses" TEXT,
    "altNames" TEXT[],
    "details" JSONB NOT NULL,

    CONSTRAINT "ScreeningEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningEntryName" (
    "id" BIGSERIAL NOT NULL,
    "entryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "isAlias" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ScreeningEntryName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictOfInterest" (
    "id" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "note" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictOfInterest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScreeningEntry_listId_idx" ON "ScreeningEntry"("listId");

-- CreateIndex
CREATE INDEX "ScreeningEntryName_entryId_idx" ON "ScreeningEntryName"("entryId");

-- CreateIndex
CREATE INDEX "ConflictOfInterest_organizationId_idx" ON "ConflictOfInterest"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictOfInterest_reviewerId_organizationId_key" ON "ConflictOfInterest"("reviewerId", "organizationId");

-- CreateIndex
CREATE INDEX "LineItem_eccnBase_idx" ON "LineItem"("eccnBase");

-- CreateIndex
CREATE INDEX "ScreeningResult_proposalId_outcome_idx" ON "ScreeningResult"("proposalId", "outcome");

-- CreateIndex
CREATE INDEX "LicenseRequest_status_registeredAt_id_idx" ON "LicenseRequest"("status", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "LicenseRequest_destinationCountryCode_status_dueAt_id_idx" ON "LicenseRequest"("destinationCountryCode", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "LicenseRequest_assignedReviewerId_status_dueAt_id_idx" ON "LicenseRequest"("assignedReviewerId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "LicenseRequestItem_lineItemId_idx" ON "LicenseRequestItem"("lineItemId");

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_headquartersCountryCode_fkey" FOREIGN KEY ("headquartersCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningResult" ADD CONSTRAINT "ScreeningResult_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningResult" ADD CONSTRAINT "ScreeningResult_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningResult" ADD CONSTRAINT "ScreeningResult_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ScreeningList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningResult" ADD CONSTRAINT "ScreeningResult_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningList" ADD CONSTRAINT "ScreeningList_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningEntry" ADD CONSTRAINT "ScreeningEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ScreeningList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningEntryName" ADD CONSTRAINT "ScreeningEntryName_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ScreeningEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseRequest" ADD CONSTRAINT "LicenseRequest_assignedReviewerId_fkey" FOREIGN KEY ("assignedReviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
