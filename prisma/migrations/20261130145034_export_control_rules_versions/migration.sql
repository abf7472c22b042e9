-- AlterTable
ALTER TABLE "LicenseRequest" ADD COLUMN     "rulesVersionNumber" INTEGER;

-- CreateTable
CREATE TABLE "ExportControlRulesVersion" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rules" JSONB NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportControlRulesVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExportControlRulesVersion_number_key" ON "ExportControlRulesVersion"("number");

-- CreateIndex
CREATE INDEX "ExportControlRulesVersion_effectiveFrom_number_idx" ON "ExportControlRulesVersion"("effectiveFrom", "number");

-- AddForeignKey
ALTER TABLE "LicenseRequest" ADD CONSTRAINT "LicenseRequest_rulesVersionNumber_fkey" FOREIGN KEY ("rulesVersionNumber") REFERENCES "ExportControlRulesVersion"("number") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportControlRulesVersion" ADD CONSTRAINT "ExportControlRulesVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
