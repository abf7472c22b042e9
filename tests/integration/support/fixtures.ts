// Builders for the people and packages tests need, through the real services
// wherever a service exists, so fixtures obey the same rules users do.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy";
import { addLineItem, createProposal, saveFinancingRequest } from "@/lib/proposals/service";
import { lineItemSchema, financingRequestSchema } from "@/lib/schemas/proposal";
import { decideFinancing, recordBoardDecision, recordCongressionalNotification } from "@/lib/financing/service";
import { boardDecisionSchema, congressionalNotificationSchema, financingDecisionSchema } from "@/lib/schemas/decisions";
import { addParty, saveSpecificEndUse } from "@/lib/proposals/parties";
import { partySchema } from "@/lib/schemas/parties";
import { saveOperationsStep } from "@/lib/proposals/steps";

const unique = () => randomBytes(4).toString("hex");

export async function createUser(client: Db, role: Role, name = `${role} ${unique()}`): Promise<Actor> {
  const email = `${unique()}@${role.toLowerCase().replaceAll("_", "-")}.test`;
  // No sign-in in these tests, so no real hash is needed; the column is never plaintext.
  const user = await client.user.create({ data: { email, name, role, passwordHash: "$argon2id$not-a-real-hash" } });
  return { userId: user.id, role, name, email };
}

/** A consortium with an anchor member organization and a member holding the given seat. */
export async function createConsortiumMember(client: Db, seatRole: "LEAD" | "CONTRIBUTOR" | "VIEWER" = "LEAD") {
  const actor = await createUser(client, "CONSORTIUM_MEMBER");
  const organization = await client.organization.create({
    data: { legalName: `Anchor ${unique()} Inc.`, countryOfIncorporationCode: "US", headquartersCountryCode: "US" },
  });
  const consortium = await client.consortium.create({
    data: {
      name: `Consortium ${unique()}`,
      memberships: { create: [{ organizationId: organization.id, isAnchor: true, layersSupplied: ["HARDWARE"] }] },
      users: { create: [{ userId: actor.userId, seatRole }] },
    },
  });
  return { actor, consortium, organization };
}

/** Adds a second person to an existing consortium. */
export async function addSeat(client: Db, consortiumId: string, seatRole: "LEAD" | "CONTRIBUTOR" | "VIEWER") {
  const actor = await createUser(client, "CONSORTIUM_MEMBER");
  await client.consortiumUser.create({ data: { consortiumId, userId: actor.userId, seatRole } });
  return actor;
}

type ItemOverrides = Partial<Record<"layer" | "description" | "quantity" | "unitPrice" | "usContent" | "eccn" | "totalProcessingPerformance", string>>;

export function lineItem(proposalId: string, overrides: ItemOverrides = {}) {
  return lineItemSchema.parse({
    proposalId,
    layer: "STORAGE",
    description: "Storage arrays",
    quantity: "10",
    unitPrice: "100,000.00",
    usContent: "80",
    ...overrides,
  });
}

/**
 * A draft with all four required layers and a financing request. The hardware
 * layer holds 4A090 servers (licensable to D:1/D:4/D:5 destinations).
 * Contract price $100M, US content $80M by default.
 */
export async function createCompleteDraft(
  client: Db,
  actor: Actor,
  { destination = "AE", requestedAmount = "60,000,000.00", eligibleForeignContent = "0" }: { destination?: string; requestedAmount?: string; eligibleForeignContent?: string } = {},
) {
  const proposal = await createProposal(client, actor, { title: "Sovereign compute campus", summary: "A full-stack AI package.", destinationCountryCode: destination });
  const items: ItemOverrides[] = [
    { layer: "HARDWARE", description: "Accelerator servers", quantity: "100", unitPrice: "400,000.00", eccn: "4A090", totalProcessingPerformance: "16000" },
    { layer: "STORAGE", description: "Storage arrays", quantity: "20", unitPrice: "1,000,000.00" },
    { layer: "CLOUD_NETWORKING", description: "Managed cloud and fabric", quantity: "1", unitPrice: "30,000,000.00" },
    { layer: "APPLICATION_SOFTWARE", description: "Government applications", quantity: "1", unitPrice: "10,000,000.00" },
  ];
  // Every item supplied by the consortium's anchor member.
  const supplier = await client.consortiumMembership.findFirstOrThrow({ where: { consortiumId: proposal.consortiumId }, orderBy: { isAnchor: "desc" } });
  for (const item of items) await addLineItem(client, actor, { ...lineItem(proposal.id, item), supplierOrganizationId: supplier.organizationId });
  await saveOperationsFor(client, actor, proposal.id, destination);
  for (const role of ["PURCHASER", "ULTIMATE_CONSIGNEE", "END_USER"] as const) {
    await addParty(client, actor, party(proposal.id, { role, name: `${role.toLowerCase().replaceAll("_", " ")} of ${proposal.reference}`, countryCode: destination, headquartersCountryCode: destination }));
  }
  await saveSpecificEndUse(client, actor, { proposalId: proposal.id, specificEndUse: "Sovereign government AI services in a national data center." });
  await saveFinancingRequest(
    client,
    actor,
    financingRequestSchema.parse({ proposalId: proposal.id, product: "DIRECT_LOAN", requestedAmount, eligibleForeignContent, repaymentYears: "10", obligorSector: "SOVEREIGN" }),
  );
  return client.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
}

/** Names the data-center builder, owner and operator, and states a security plan. */
export async function saveOperationsFor(client: Db, actor: Actor, proposalId: string, country = "AE") {
  const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  return saveOperationsStep(client, actor, {
    proposalId,
    expectedVersion: version,
    builderName: "Gulf Construction Co.",
    builderCountryCode: country,
    ownerName: "National Data Halls LLC",
    ownerCountryCode: country,
    operatorName: "Data Hall Operations LLC",
    operatorCountryCode: country,
    securityPlan: "Guarded perimeter, two-person rule in the data halls, model weights encrypted at rest.",
  });
}

const decision = async (client: Db, proposalId: string, amount: string, extra: Record<string, string> = {}) => {
  const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  return financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: String(version), approvedAmount: amount, reason: "Sound credit.", ...extra });
};

/** Issues the next financing stage (letter of interest, preliminary or final commitment) for `amount`. */
export async function issueNextStage(client: Db, officer: Actor, proposalId: string, amount: string, extra: Record<string, string> = {}) {
  return decideFinancing(client, officer, await decision(client, proposalId, amount, extra));
}

/**
 * Takes a proposal through the letter of interest and the preliminary commitment,
 * and puts the authority the final commitment of `amount` needs on record: the
 * board's decision above $25M, and above $100M a notification 40 days ago.
 */
export async function readyForFinalCommitment(client: Db, officer: Actor, proposalId: string, amount: string) {
  await issueNextStage(client, officer, proposalId, amount);
  await issueNextStage(client, officer, proposalId, amount);
  const cents = financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: "1", approvedAmount: amount, reason: "x" }).approvedAmountCents!;
  const version = async () => String((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version);
  if (cents > 2_500_000_000n) {
    await recordBoardDecision(client, officer, boardDecisionSchema.parse({ proposalId, expectedVersion: await version(), boardDecidedAt: "2026-11-02", boardMinuteReference: "BD-2026-117" }));
  }
  if (cents > 10_000_000_000n) {
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await recordCongressionalNotification(client, officer, congressionalNotificationSchema.parse({ proposalId, expectedVersion: await version(), congressNotifiedAt: fortyDaysAgo }));
  }
}

/**
 * `count` copies of a proposal (its line items, destinations, financing request
 * and members' screening), in the same status: many proposals in a few statements, for load.
 */
export async function copyProposal(client: Db, proposalId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `copy${randomBytes(10).toString("hex")}`);
  await client.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Proposal" ("id", "reference", "consortiumId", "title", "summary", "status", "version", "createdById", "submittedAt", "createdAt", "updatedAt")
      SELECT c.id, p."reference" || '-' || substr(c.id, 5, 12), p."consortiumId", p."title", p."summary", p."status", p."version", p."createdById", p."submittedAt", now(), now()
        FROM "Proposal" p, unnest(${ids}::text[]) AS c(id) WHERE p."id" = ${proposalId}`;
    await tx.$executeRaw`
      INSERT INTO "ProposalCountry" ("proposalId", "countryCode")
      SELECT c.id, pc."countryCode" FROM "ProposalCountry" pc, unnest(${ids}::text[]) AS c(id) WHERE pc."proposalId" = ${proposalId}`;
    await tx.$executeRaw`
      INSERT INTO "LineItem" ("id", "proposalId", "layer", "description", "quantity", "unitPriceCents", "currency", "usContentBasisPoints", "eccn", "totalProcessingPerformance", "position", "updatedAt")
      SELECT md5(c.id || li."id"), c.id, li."layer", li."description", li."quantity", li."unitPriceCents", li."currency", li."usContentBasisPoints", li."eccn", li."totalProcessingPerformance", li."position", now()
        FROM "LineItem" li, unnest(${ids}::text[]) AS c(id) WHERE li."proposalId" = ${proposalId}`;
    await tx.$executeRaw`
      INSERT INTO "FinancingRequest" ("id", "proposalId", "product", "requestedAmountCents", "eligibleForeignContentCents", "localCostsCents", "repaymentYears", "obligorSector", "stage", "status", "startingPoint", "boardDecidedAt", "boardMinuteReference", "congressNotifiedAt", "updatedAt")
      SELECT md5(c.id), c.id, f."product", f."requestedAmountCents", f."eligibleForeignContentCents", f."localCostsCents", f."repaymentYears", f."obligorSector", f."stage", f."status", f."startingPoint", f."boardDecidedAt", f."boardMinuteReference", f."congressNotifiedAt", now()
        FROM "FinancingRequest" f, unnest(${ids}::text[]) AS c(id) WHERE f."proposalId" = ${proposalId}`;
    // The member organizations' screening, as the submission's job recorded it.
    await tx.$executeRaw`
      INSERT INTO "ScreeningResult" ("id", "proposalId", "organizationId", "subjectKind", "listId", "listVersion", "query", "topScore", "outcome", "hits", "screenedAt")
      SELECT md5(c.id || s.id), c.id, s."organizationId", s."subjectKind", s."listId", s."listVersion", s."query", s."topScore", s."outcome", s."hits", s."screenedAt"
        FROM "ScreeningResult" s, unnest(${ids}::text[]) AS c(id) WHERE s."proposalId" = ${proposalId} AND s."organizationId" IS NOT NULL`;
  });
  return ids;
}

type PartyOverrides = Partial<Record<"role" | "name" | "address" | "countryCode" | "headquartersCountryCode" | "parentName" | "parentCountryCode", string>>;

export function party(proposalId: string, overrides: PartyOverrides = {}) {
  return partySchema.parse({
    proposalId,
    role: "END_USER",
    name: "National AI Authority",
    address: "1 Government Avenue",
    countryCode: "AE",
    headquartersCountryCode: "AE",
    parentName: "",
    parentCountryCode: "",
    ...overrides,
  });
}
