-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CONSORTIUM_MEMBER', 'COMMERCE_REVIEWER', 'EXIM_OFFICER', 'ADMINISTRATOR');

-- CreateEnum
CREATE TYPE "ConsortiumSeatRole" AS ENUM ('LEAD', 'CONTRIBUTOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_LICENSE_REVIEW', 'IN_FINANCING_REVIEW', 'APPROVED', 'DECLINED', 'WITHDRAWN', 'RETURNED_FOR_REVISION');

-- CreateEnum
CREATE TYPE "StackLayer" AS ENUM ('HARDWARE', 'STORAGE', 'CLOUD_NETWORKING', 'DATA_PIPELINES', 'AI_MODELS', 'SECURITY', 'APPLICATION_SOFTWARE');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('PURCHASER', 'INTERMEDIATE_CONSIGNEE', 'ULTIMATE_CONSIGNEE', 'END_USER', 'DATA_CENTER_BUILDER', 'DATA_CENTER_OWNER', 'DATA_CENTER_OPERATOR', 'LENDER', 'GUARANTOR');

-- CreateEnum
CREATE TYPE "LicenseRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'APPROVED_WITH_CONDITIONS', 'PARTIALLY_APPROVED', 'DENIED', 'RETURNED_WITHOUT_ACTION');

-- CreateEnum
CREATE TYPE "FinancingProduct" AS ENUM ('LOAN_GUARANTEE', 'DIRECT_LOAN', 'EXPORT_CREDIT_INSURANCE');

-- CreateEnum
CREATE TYPE "ObligorSector" AS ENUM ('SOVEREIGN', 'PUBLIC_NON_SOVEREIGN', 'PRIVATE');

-- CreateEnum
CREATE TYPE "FinancingStage" AS ENUM ('LETTER_OF_INTEREST', 'PRELIMINARY_COMMITMENT', 'FINAL_COMMITMENT');

-- CreateEnum
CREATE TYPE "FinancingStatus" AS ENUM ('REQUESTED', 'APPROVED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ExposureCapEntryKind" AS ENUM ('DRAW', 'RELEASE');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "countryOfIncorporationCode" TEXT NOT NULL,
    "headquartersCountryCode" TEXT NOT NULL,
    "ultimateParentName" TEXT,
    "ultimateParentCountryCode" TEXT,
    "uei" TEXT,
    "ein" TEXT,
    "duns" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consortium" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consortium_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsortiumMembership" (
    "id" TEXT NOT NULL,
    "consortiumId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "isAnchor" BOOLEAN NOT NULL DEFAULT false,
    "layersSupplied" "StackLayer"[],
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsortiumMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsortiumUser" (
    "id" TEXT NOT NULL,
    "consortiumId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "seatRole" "ConsortiumSeatRole" NOT NULL DEFAULT 'CONTRIBUTOR',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsortiumUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "consortiumId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "securityPlan" TEXT,
    "complianceStatement" TEXT,
    "createdById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalCountry" (
    "proposalId" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,

    CONSTRAINT "ProposalCountry_pkey" PRIMARY KEY ("proposalId","countryCode")
);

-- CreateTable
CREATE TABLE "ProposalSubmission" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" TEXT NOT NULL,

    CONSTRAINT "ProposalSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineItem" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "layer" "StackLayer" NOT NULL,
    "description" TEXT NOT NULL,
    "supplierOrganizationId" TEXT,
    "manufacturer" TEXT,
    "model" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "usContentBasisPoints" INTEGER NOT NULL,
    "eccn" TEXT,
    "totalProcessingPerformance" INTEGER,
    "performanceDensity" DECIMAL(10,2),
    "designedForDataCenter" BOOLEAN,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LineItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "role" "PartyRole" NOT NULL,
    "name" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "address" TEXT,
    "parentName" TEXT,
    "parentCountryCode" TEXT,
    "specificEndUse" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningResult" (
    "id" TEXT NOT NULL,
    "partyId" TEXT NOT NULL,
    "listVersion" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "topScore" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "hits" JSONB NOT NULL,
    "screenedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedById" TEXT,
    "clearedAt" TIMESTAMP(3),

    CONSTRAINT "ScreeningResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenseRequest" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "destinationCountryCode" TEXT NOT NULL,
    "status" "LicenseRequestStatus" NOT NULL DEFAULT 'PENDING',
    "determinationReason" TEXT NOT NULL,
    "licenseExceptionClaimed" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "licenseNumber" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LicenseRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenseRequestItem" (
    "licenseRequestId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,

    CONSTRAINT "LicenseRequestItem_pkey" PRIMARY KEY ("licenseRequestId","lineItemId")
);

-- CreateTable
CREATE TABLE "LicenseDecision" (
    "id" TEXT NOT NULL,
    "licenseRequestId" TEXT NOT NULL,
    "outcome" "LicenseRequestStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "conditions" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LicenseDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancingRequest" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "product" "FinancingProduct" NOT NULL,
    "requestedAmountCents" BIGINT NOT NULL,
    "eligibleForeignContentCents" BIGINT NOT NULL DEFAULT 0,
    "localCostsCents" BIGINT NOT NULL DEFAULT 0,
    "repaymentYears" INTEGER NOT NULL,
    "obligorSector" "ObligorSector" NOT NULL DEFAULT 'PRIVATE',
    "stage" "FinancingStage" NOT NULL DEFAULT 'LETTER_OF_INTEREST',
    "status" "FinancingStatus" NOT NULL DEFAULT 'REQUESTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinancingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinancingDecision" (
    "id" TEXT NOT NULL,
    "financingRequestId" TEXT NOT NULL,
    "outcome" "FinancingStatus" NOT NULL,
    "approvedAmountCents" BIGINT,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinancingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExposureCapEntry" (
    "id" BIGSERIAL NOT NULL,
    "kind" "ExposureCapEntryKind" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "proposalId" TEXT,
    "financingDecisionId" TEXT,
    "createdById" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExposureCapEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "proposalId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isCountryOfConcern" BOOLEAN NOT NULL DEFAULT false,
    "isHighIncomeOecd" BOOLEAN NOT NULL DEFAULT false,
    "oecdRiskCategory" INTEGER,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CountryGroup" (
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "CountryGroup_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CountryGroupMembership" (
    "countryCode" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,

    CONSTRAINT "CountryGroupMembership_pkey" PRIMARY KEY ("countryCode","groupCode")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_uei_key" ON "Organization"("uei");

-- CreateIndex
CREATE INDEX "Organization_legalName_idx" ON "Organization"("legalName");

-- CreateIndex
CREATE INDEX "ConsortiumMembership_organizationId_idx" ON "ConsortiumMembership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsortiumMembership_consortiumId_organizationId_key" ON "ConsortiumMembership"("consortiumId", "organizationId");

-- CreateIndex
CREATE INDEX "ConsortiumUser_userId_idx" ON "ConsortiumUser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsortiumUser_consortiumId_userId_key" ON "ConsortiumUser"("consortiumId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_reference_key" ON "Proposal"("reference");

-- CreateIndex
CREATE INDEX "Proposal_consortiumId_updatedAt_idx" ON "Proposal"("consortiumId", "updatedAt");

-- CreateIndex
CREATE INDEX "Proposal_status_submittedAt_idx" ON "Proposal"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Proposal_publishedAt_idx" ON "Proposal"("publishedAt");

-- CreateIndex
CREATE INDEX "ProposalCountry_countryCode_idx" ON "ProposalCountry"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSubmission_proposalId_version_key" ON "ProposalSubmission"("proposalId", "version");

-- CreateIndex
CREATE INDEX "LineItem_proposalId_layer_idx" ON "LineItem"("proposalId", "layer");

-- CreateIndex
CREATE INDEX "Party_proposalId_role_idx" ON "Party"("proposalId", "role");

-- CreateIndex
CREATE INDEX "Party_name_idx" ON "Party"("name");

-- CreateIndex
CREATE INDEX "ScreeningResult_partyId_screenedAt_idx" ON "ScreeningResult"("partyId", "screenedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseRequest_licenseNumber_key" ON "LicenseRequest"("licenseNumber");

-- CreateIndex
CREATE INDEX "LicenseRequest_status_dueAt_idx" ON "LicenseRequest"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseRequest_proposalId_destinationCountryCode_key" ON "LicenseRequest"("proposalId", "destinationCountryCode");

-- CreateIndex
CREATE INDEX "LicenseDecision_licenseRequestId_decidedAt_idx" ON "LicenseDecision"("licenseRequestId", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FinancingRequest_proposalId_key" ON "FinancingRequest"("proposalId");

-- CreateIndex
CREATE INDEX "FinancingRequest_status_idx" ON "FinancingRequest"("status");

-- CreateIndex
CREATE INDEX "FinancingDecision_financingRequestId_decidedAt_idx" ON "FinancingDecision"("financingRequestId", "decidedAt");

-- CreateIndex
CREATE INDEX "ExposureCapEntry_proposalId_idx" ON "ExposureCapEntry"("proposalId");

-- CreateIndex
CREATE INDEX "ExposureCapEntry_createdAt_idx" ON "ExposureCapEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_proposalId_occurredAt_idx" ON "AuditEvent"("proposalId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "Comment_proposalId_createdAt_idx" ON "Comment"("proposalId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_proposalId_idx" ON "Document"("proposalId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "CountryGroupMembership_groupCode_idx" ON "CountryGroupMembership"("groupCode");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_countryOfIncorporationCode_fkey" FOREIGN KEY ("countryOfIncorporationCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_headquartersCountryCode_fkey" FOREIGN KEY ("headquartersCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_ultimateParentCountryCode_fkey" FOREIGN KEY ("ultimateParentCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsortiumMembership" ADD CONSTRAINT "ConsortiumMembership_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsortiumMembership" ADD CONSTRAINT "ConsortiumMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsortiumUser" ADD CONSTRAINT "ConsortiumUser_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsortiumUser" ADD CONSTRAINT "ConsortiumUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_consortiumId_fkey" FOREIGN KEY ("consortiumId") REFERENCES "Consortium"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCountry" ADD CONSTRAINT "ProposalCountry_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCountry" ADD CONSTRAINT "ProposalCountry_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSubmission" ADD CONSTRAINT "ProposalSubmission_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineItem" ADD CONSTRAINT "LineItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineItem" ADD CONSTRAINT "LineItem_supplierOrganizationId_fkey" FOREIGN KEY ("supplierOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_parentCountryCode_fkey" FOREIGN KEY ("parentCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningResult" ADD CONSTRAINT "ScreeningResult_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseRequest" ADD CONSTRAINT "LicenseRequest_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseRequest" ADD CONSTRAINT "LicenseRequest_destinationCountryCode_fkey" FOREIGN KEY ("destinationCountryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseRequestItem" ADD CONSTRAINT "LicenseRequestItem_licenseRequestId_fkey" FOREIGN KEY ("licenseRequestId") REFERENCES "LicenseRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseRequestItem" ADD CONSTRAINT "LicenseRequestItem_lineItemId_fkey" FOREIGN KEY ("lineItemId") REFERENCES "LineItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseDecision" ADD CONSTRAINT "LicenseDecision_licenseRequestId_fkey" FOREIGN KEY ("licenseRequestId") REFERENCES "LicenseRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseDecision" ADD CONSTRAINT "LicenseDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingRequest" ADD CONSTRAINT "FinancingRequest_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingDecision" ADD CONSTRAINT "FinancingDecision_financingRequestId_fkey" FOREIGN KEY ("financingRequestId") REFERENCES "FinancingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinancingDecision" ADD CONSTRAINT "FinancingDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureCapEntry" ADD CONSTRAINT "ExposureCapEntry_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureCapEntry" ADD CONSTRAINT "ExposureCapEntry_financingDecisionId_fkey" FOREIGN KEY ("financingDecisionId") REFERENCES "FinancingDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureCapEntry" ADD CONSTRAINT "ExposureCapEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryGroupMembership" ADD CONSTRAINT "CountryGroupMembership_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountryGroupMembership" ADD CONSTRAINT "CountryGroupMembership_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "CountryGroup"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
