-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainPosition" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "previousHash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ExposureCapBalance" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "ledgerSumCents" BIGINT NOT NULL DEFAULT 0,
    "entryCount" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExposureCapBalance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" BIGSERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ranBy" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "eventsChecked" BIGINT NOT NULL,
    "headPosition" BIGINT,
    "headHash" TEXT,
    "firstBadEventId" BIGINT,
    "problem" TEXT,
    "capBalanceOk" BOOLEAN NOT NULL,
    "capBalanceNote" TEXT NOT NULL,

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditVerification_finishedAt_idx" ON "AuditVerification"("finishedAt");

-- "AuditEvent_chainPosition_key" is created by the next migration, once the
-- existing events have their chain positions.
