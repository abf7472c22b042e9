// The consortium workspace: creating a consortium with its anchor member, and
// the lead's work on members. Every query is scoped by lib/policy.ts.
import type { Db, Tx } from "@/lib/db";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import { authorize, consortiumScope, type Actor } from "@/lib/policy";
import type { CreateConsortiumInput, MemberInput } from "@/lib/schemas/consortium";
import { memberIneligibility, type CountriesOfConcern, type MemberForEligibility } from "./eligibility";

type OrganizationInput = Omit<MemberInput, "consortiumId" | "layersSupplied">;

export async function countriesOfConcern(client: Db | Tx): Promise<CountriesOfConcern> {
  const rows = await client.country.findMany({ where: { isCountryOfConcern: true }, select: { code: true, name: true } });
  return new Map(rows.map((row) => [row.code, row.name]));
}

async function requireCountries(tx: Tx, input: OrganizationInput) {
  const codes = [input.countryOfIncorporationCode, input.headquartersCountryCode, input.ultimateParentCountryCode].filter((c): c is string => Boolean(c));
  const found = new Set((await tx.country.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code));
  const fields = ["countryOfIncorporationCode", "headquartersCountryCode", "ultimateParentCountryCode"] as const;
  for (const field of fields) {
    const code = input[field];
    if (code && !found.has(code)) throw new RuleViolationError("Choose the country from the list.", [], field);
  }
}

/**
 * The organization a form names: the one already registered under its Unique
 * Entity ID (an organization may belong to several consortia), or a new one.
 */
async function findOrCreateOrganization(tx: Tx, input: OrganizationInput) {
  await requireCountries(tx, input);
  if (input.uei) {
    const existing = await tx.organization.findUnique({ where: { uei: input.uei } });
    if (existing) {
      if (existing.legalName.toLowerCase() !== input.legalName.toLowerCase()) {
        throw new RuleViolationError(`That Unique Entity ID belongs to ${existing.legalName}. Check the ID, or use that legal name.`, [], "uei");
      }
      return existing;
    }
  }
  return tx.organization.create({
    data: {
      legalName: input.legalName,
      countryOfIncorporationCode: input.countryOfIncorporationCode,
      headquartersCountryCode: input.headquartersCountryCode,
      ultimateParentName: input.ultimateParentName,
      ultimateParentCountryCode: input.ultimateParentCountryCode,
      uei: input.uei,
      ein: input.ein,
    },
  });
}

/** A lead creates a consortium: their organization becomes its anchor member, and they its first lead. */
export async function createConsortium(client: Db, actor: Actor, input: CreateConsortiumInput) {
  authorize(actor, "consortium:create");
  return client.$transaction(async (tx) => {
    const organization = await findOrCreateOrganization(tx, input);
    const consortium = await tx.consortium.create({
      data: {
        name: input.name,
        memberships: { create: [{ organizationId: organization.id, isAnchor: true, layersSupplied: input.layersSupplied }] },
        users: { create: [{ userId: actor.userId, seatRole: "LEAD" }] },
      },
    });
    await tx.user.updateMany({ where: { id: actor.userId, organizationId: null }, data: { organizationId: organization.id } });
    await recordAudit(tx, actor, {
      action: "consortium.created",
      entityType: "Consortium",
      entityId: consortium.id,
      after: auditSnapshot({ name: input.name, anchor: organization.legalName }),
    });
    return consortium;
  });
}

/** The consortia the actor holds a seat in, with their role there. */
const CONSORTIUM_LIST_ORDER = { key: "name", order: "asc", idOrder: "asc" } as const;

/** The consortia the actor holds a seat in, a page at a time by name. */
export async function myConsortia(client: Db, actor: Actor, request: PageRequest = {}) {
  const scope = consortiumScope(actor, "consortium:read");
  return readKeysetPage(
    CONSORTIUM_LIST_ORDER,
    request,
    (page) =>
      client.consortium.findMany({
        ...pageWithin(scope, page),
        select: {
          id: true,
          name: true,
          users: { where: { userId: actor.userId }, select: { seatRole: true } },
          // Counted for the page's rows only, each within one consortium.
          _count: { select: { memberships: true, proposals: true } },
        },
      }),
    (row) => row.name,
  );
}

/** The workspace: members with their eligibility, and the people with seats. */
export async function consortiumWorkspace(client: Db, actor: Actor, consortiumId: string) {
  requireRecordId(consortiumId, "Consortium");
  const [consortium, concern] = await Promise.all([
    client.consortium.findFirst({
      where: { AND: [{ id: consortiumId }, consortiumScope(actor, "consortium:read")] },
      include: {
        memberships: {
          orderBy: [{ isAnchor: "desc" }, { joinedAt: "asc" }],
          include: {
            organization: {
              include: {
                headquartersCountry: { select: { name: true } },
                countryOfIncorporation: { select: { name: true } },
                ultimateParentCountry: { select: { name: true } },
              },
            },
          },
        },
        users: { orderBy: { createdAt: "asc" }, include: { user: { select: { id: true, name: true, email: true } } } },
      },
    }),
    countriesOfConcern(client),
  ]);
  if (!consortium) throw new NotFoundError("Consortium");
  const seat = consortium.users.find((u) => u.userId === actor.userId)?.seatRole ?? null;
  const members = consortium.memberships.map((membership) => ({ ...membership, ineligibility: memberIneligibility(membership.organization, concern) }));
  return { consortium, members, seat, canManage: seat === "LEAD" };
}

/** Locks the consortium for a lead's change; others' answers 404. */
export async function lockForLead(tx: Tx, actor: Actor, consortiumId: string) {
  requireRecordId(consortiumId, "Consortium");
  const consortium = await tx.consortium.findFirst({ where: { AND: [{ id: consortiumId }, consortiumScope(actor, "consortium:manage")] }, select: { id: true, name: true } });
  if (!consortium) throw new NotFoundError("Consortium");
  await tx.$queryRaw`SELECT id FROM "Consortium" WHERE id = ${consortium.id} FOR UPDATE`;
  return consortium;
}

export async function addMember(client: Db, actor: Actor, input: MemberInput) {
  return client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const organization = await findOrCreateOrganization(tx, input);
    const existing = await tx.consortiumMembership.findUnique({ where: { consortiumId_organizationId: { consortiumId: consortium.id, organizationId: organization.id } } });
    if (existing) throw new RuleViolationError(`${organization.legalName} is already a member of ${consortium.name}.`, [], "legalName");
    const membership = await tx.consortiumMembership.create({ data: { consortiumId: consortium.id, organizationId: organization.id, layersSupplied: input.layersSupplied } });
    await recordAudit(tx, actor, {
      action: "consortium.memberAdded",
      entityType: "Consortium",
      entityId: consortium.id,
      after: auditSnapshot({ organization: organization.legalName, layersSupplied: input.layersSupplied }),
    });
    return { membership, organization };
  });
}

export async function removeMember(client: Db, actor: Actor, input: { consortiumId: string; membershipId: string }) {
  await client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const membership = await tx.consortiumMembership.findFirst({ where: { id: input.membershipId, consortiumId: consortium.id }, include: { organization: true } });
    if (!membership) throw new NotFoundError("Member");
    if (membership.isAnchor) throw new RuleViolationError("The anchor member can't be removed. Hand the anchor role to another member first.");
    await tx.consortiumMembership.delete({ where: { id: membership.id } });
    await recordAudit(tx, actor, { action: "consortium.memberRemoved", entityType: "Consortium", entityId: consortium.id, before: auditSnapshot({ organization: membership.organization.legalName }) });
  });
}

/** The anchor hands its role on: exactly one anchor before and after. */
export async function handOverAnchor(client: Db, actor: Actor, input: { consortiumId: string; membershipId: string }) {
  await client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const next = await tx.consortiumMembership.findFirst({ where: { id: input.membershipId, consortiumId: consortium.id }, include: { organization: true } });
    if (!next) throw new NotFoundError("Member");
    if (next.isAnchor) return;
    const current = await tx.consortiumMembership.findFirst({ where: { consortiumId: consortium.id, isAnchor: true }, include: { organization: true } });
    // Two statements under the consortium's lock; the partial unique index keeps "at most one".
    await tx.consortiumMembership.updateMany({ where: { consortiumId: consortium.id, isAnchor: true }, data: { isAnchor: false } });
    await tx.consortiumMembership.update({ where: { id: next.id }, data: { isAnchor: true } });
    await recordAudit(tx, actor, {
      action: "consortium.anchorHandedOver",
      entityType: "Consortium",
      entityId: consortium.id,
      before: auditSnapshot({ anchor: current?.organization.legalName ?? null }),
      after: auditSnapshot({ anchor: next.organization.legalName }),
    });
  });
}

/**
 * What keeps a consortium's proposals from being submitted: members from
 * countries of concern. One query for the members tied to such a country; the
 * countries' names are read only when there is one to name.
 */
export async function memberIneligibilities(client: Db | Tx, consortiumId: string): Promise<string[]> {
  const flagged = await client.$queryRaw<MemberForEligibility[]>`
    SELECT o."legalName", o."countryOfIncorporationCode", o."headquartersCountryCode", o."ultimateParentName", o."ultimateParentCountryCode"
    FROM "ConsortiumMembership" m JOIN "Organization" o ON o.id = m."organizationId"
    WHERE m."consortiumId" = ${consortiumId}
      AND EXISTS (SELECT 1 FROM "Country" c WHERE c."isCountryOfConcern"
                  AND c.code IN (o."headquartersCountryCode", o."countryOfIncorporationCode", o."ultimateParentCountryCode"))
    ORDER BY m."isAnchor" DESC, m."joinedAt"`;
  if (flagged.length === 0) return [];
  const concern = await countriesOfConcern(client);
  return flagged.map((member) => memberIneligibility(member, concern)).filter((reason): reason is string => reason !== null);
}
