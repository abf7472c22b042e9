// Demo accounts and a demo consortium with a draft proposal, for trying the portal.
// Runs once, on a database that has no users yet.
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";
import { sealTotpSecret } from "../../lib/identity/totp-secret";
import { hashPassword } from "../../lib/passwords";
import { nextProposalReference } from "../../lib/proposals/reference";
import { importScreeningList } from "../../lib/screening/csl";

/** A small, fictional list in the Consolidated Screening List's format, for the demo and the tests. */
export const SAMPLE_SCREENING_LIST = fileURLToPath(new URL("./screening/csl-sample.csv", import.meta.url));

export const DEMO_PASSWORD = "demo-portal-2026";

/**
 * Government staff sign in with an authenticator app. The demo accounts come
 * enrolled with these published secrets, so the demo works on a fresh machine:
 * add one to an authenticator app, or print the current code with
 * `npm run demo:otp -- <email>`. Demo data only: never on a production database.
 */
export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: Role; what: string; totpSecret?: string }> = [
  { email: "member@atlas.example", name: "Maya Chen", role: "CONSORTIUM_MEMBER", what: "Consortium member (lead, Atlas AI Consortium)" },
  { email: "member@meridian.example", name: "Omar Haddad", role: "CONSORTIUM_MEMBER", what: "Consortium member (lead, Meridian Compute Alliance)" },
  { email: "reviewer@commerce.example", name: "Rachel Ortiz", role: "COMMERCE_REVIEWER", what: "Commerce license reviewer", totpSecret: "4FUFUPWDYAIFF6JLXBD5PZSCRAPMV6DE" },
  { email: "officer@exim.example", name: "Daniel Brooks", role: "EXIM_OFFICER", what: "EXIM financing officer", totpSecret: "32CDEFN6CGGE6JLLXRD5FGG2A6ZA7XY5" },
  { email: "admin@portal.example", name: "Priya Natarajan", role: "ADMINISTRATOR", what: "Program administrator", totpSecret: "IIK3YGGOGPEVHE7JEMGD7WQMN3AZNYX3" },
  { email: "analyst@commerce.example", name: "Samuel Lee", role: "COMMERCE_REVIEWER", what: "Commerce license reviewer who has not set up an authenticator app yet" },
];

export async function seedDemoData(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await prisma.$transaction(async (tx) => {
    const org = (legalName: string, uei: string) =>
      tx.organization.create({
        data: { legalName, uei, countryOfIncorporationCode: "US", headquartersCountryCode: "US" },
      });
    const atlasCompute = await org("Atlas Compute Systems, Inc.", "ATLASCMP0001");
    const cumulus = await org("Cumulus Storage LLC", "CUMULUS00002");
    const nimbus = await org("Nimbus Cloud Networks, Inc.", "NIMBUSNET003");
    const lattice = await org("Lattice Applications Corp.", "LATTICEAPP04");
    const meridian = await org("Meridian Silicon, Inc.", "MERIDIANSI05");

    const users = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          ...(account.totpSecret ? { totpSecretSealed: sealTotpSecret(account.totpSecret), totpEnrolledAt: new Date() } : {}),
          organizationId: account.email.endsWith("@atlas.example") ? atlasCompute.id : account.email.endsWith("@meridian.example") ? meridian.id : null,
        },
      });
      users.set(account.email, user.id);
    }

    const atlas = await tx.consortium.create({
      data: {
        name: "Atlas AI Consortium",
        memberships: {
          create: [
            { organizationId: atlasCompute.id, isAnchor: true, layersSupplied: ["HARDWARE", "AI_MODELS"] },
            { organizationId: cumulus.id, layersSupplied: ["STORAGE", "DATA_PIPELINES"] },
            { organizationId: nimbus.id, layersSupplied: ["CLOUD_NETWORKING", "SECURITY"] },
            { organizationId: lattice.id, layersSupplied: ["APPLICATION_SOFTWARE"] },
          ],
        },
        users: { create: [{ userId: users.get("member@atlas.example")!, seatRole: "LEAD" }] },
      },
    });
    const meridianAlliance = await tx.consortium.create({
      data: {
        name: "Meridian Compute Alliance",
        memberships: { create: [{ organizationId: meridian.id, isAnchor: true, layersSupplied: ["HARDWARE"] }] },
        users: { create: [{ userId: users.get("member@meridian.example")!, seatRole: "LEAD" }] },
      },
    });

    const draft = async (consortiumId: string, createdById: string, title: string, summary: string, country: string) => {
      const proposal = await tx.proposal.create({
        data: {
          reference: await nextProposalReference(tx),
          consortiumId,
          createdById,
          title,
          summary,
          targetCountries: { create: [{ countryCode: country }] },
        },
      });
      await tx.auditEvent.create({
        data: { actorId: createdById, actorRole: "CONSORTIUM_MEMBER", action: "proposal.created", entityType: "Proposal", entityId: proposal.id, proposalId: proposal.id, after: { title, status: "DRAFT" } },
      });
      return proposal;
    };

    const gulf = await draft(
      atlas.id,
      users.get("member@atlas.example")!,
      "Sovereign AI compute campus, Abu Dhabi",
      "A full-stack AI package for a 40 MW sovereign compute campus: accelerator servers, all-flash storage, managed cloud and networking, and Arabic-language government applications.",
      "AE",
    );
    await tx.lineItem.createMany({
      data: [
        { proposalId: gulf.id, layer: "HARDWARE", description: "8-GPU accelerator servers", supplierOrganizationId: atlasCompute.id, manufacturer: "Atlas Compute Systems", model: "AX-8800", quantity: 500, unitPriceCents: 38_000_000n, usContentBasisPoints: 7200, eccn: "4A090.a", eccnBase: "4A090", totalProcessingPerformance: 16_000, designedForDataCenter: true },
        { proposalId: gulf.id, layer: "STORAGE", description: "All-flash storage arrays, 20 PB", supplierOrganizationId: cumulus.id, manufacturer: "Cumulus Storage", model: "CS-Flash 9", quantity: 40, unitPriceCents: 45_000_000n, usContentBasisPoints: 6500, eccn: "5A992.c", eccnBase: "5A992" },
        { proposalId: gulf.id, layer: "CLOUD_NETWORKING", description: "Managed cloud platform and 800G fabric, 5 years", supplierOrganizationId: nimbus.id, quantity: 1, unitPriceCents: 2_400_000_000n, usContentBasisPoints: 8000, eccn: "5A992.c", eccnBase: "5A992" },
      ],
    });
    await tx.party.createMany({
      data: [
        { proposalId: gulf.id, role: "PURCHASER", name: "Emirates Sovereign Compute PJSC", address: "Al Maryah Island, Abu Dhabi", countryCode: "AE", headquartersCountryCode: "AE" },
        { proposalId: gulf.id, role: "ULTIMATE_CONSIGNEE", name: "Abu Dhabi National Data Halls LLC", address: "Khalifa Industrial Zone, Abu Dhabi", countryCode: "AE", headquartersCountryCode: "AE", parentName: "Emirates Sovereign Compute PJSC", parentCountryCode: "AE" },
        { proposalId: gulf.id, role: "END_USER", name: "UAE Government Digital Services Authority", address: "Government District, Abu Dhabi", countryCode: "AE", headquartersCountryCode: "AE" },
      ],
    });
    await tx.proposal.update({
      where: { id: gulf.id },
      data: { specificEndUse: "Training and serving Arabic-language models for government e-services, in a sovereign data center with no third-party tenants." },
    });
    await draft(
      meridianAlliance.id,
      users.get("member@meridian.example")!,
      "AI factory for Singapore research institutes",
      "Accelerator clusters and software for a national research AI factory.",
      "SG",
    );
  });
  await importScreeningList(prisma, createReadStream(SAMPLE_SCREENING_LIST), { fileName: "csl-sample.csv", listDate: new Date("2026-11-28T00:00:00Z") });
  return true;
}
