-- CreateEnum
CREATE TYPE "ExposureFeePayment" AS ENUM ('UP_FRONT', 'AS_DRAWN');

-- CreateEnum
CREATE TYPE "ReferenceTableKind" AS ENUM ('CIRR', 'EXPOSURE_FEE');

-- AlterEnum
ALTER TYPE "ProposalStatus" ADD VALUE 'CANCELLED';

-- AlterEnum
ALTER TYPE "FinancingStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "FinancingRequest" ADD COLUMN     "boardDecidedAt" DATE,
ADD COLUMN     "boardMinuteReference" TEXT,
ADD COLUMN     "congressNotifiedAt" DATE,
ADD COLUMN     "startingPoint" DATE,
ALTER COLUMN "stage" DROP NOT NULL,
ALTER COLUMN "stage" DROP DEFAULT;

-- AlterTable
ALTER TABLE "FinancingDecision" ADD COLUMN     "exposureFeeBasisPoints" INTEGER,
ADD COLUMN     "exposureFeeCents" BIGINT,
ADD COLUMN     "exposureFeeFinanced" BOOLEAN,
ADD COLUMN     "exposureFeePayment" "ExposureFeePayment",
ADD COLUMN     "product" "FinancingProduct",
ADD COLUMN     "rateBasisPoints" INTEGER,
ADD COLUMN     "repaymentYears" INTEGER,
ADD COLUMN     "stage" "FinancingStage";

-- CreateTable
CREATE TABLE "ReferenceTableVersion" (
    "id" TEXT NOT NULL,
    "kind" "ReferenceTableKind" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "data" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceTableVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceTableVersion_kind_effectiveFrom_key" ON "ReferenceTableVersion"("kind", "effectiveFrom");

-- AddForeignKey
ALTER TABLE "ReferenceTableVersion" ADD CONSTRAINT "ReferenceTableVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
