// The parties step: the purchaser, consignees and end users a consortium names,
// and the specific end use. Each change goes through changeDraft: locked in the
// actor's scope, editable drafts only, version bumped, audited, one transaction.
import type { Db, Tx } from "@/lib/db";
import type { PartyRole } from "@/lib/generated/prisma/enums";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import type { PartyInput, UpdatePartyInput } from "@/lib/schemas/parties";
import { changeDraft } from "./service";

const COUNTRY_FIELDS = ["countryCode", "headquartersCountryCode", "parentCountryCode"] as const;

async function requireKnownCountries(tx: Tx, input: PartyInput) {
  const codes = COUNTRY_FIELDS.map((field) => input[field]).filter((code): code is string => code !== null);
  const known = new Set((await tx.country.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code));
  for (const field of COUNTRY_FIELDS) {
    const code = input[field];
    if (code !== null && !known.has(code)) throw new RuleViolationError("Choose a country from the list.", [], field);
  }
}

type PartyFields = Pick<PartyInput, "name" | "countryCode" | "parentName" | "parentCountryCode"> & {
  role: PartyRole;
  address: string | null;
  headquartersCountryCode: string | null;
};

function partyData(party: PartyFields) {
  return {
    role: party.role,
    name: party.name,
    address: party.address,
    countryCode: party.countryCode,
    headquartersCountryCode: party.headquartersCountryCode,
    parentName: party.parentName,
    parentCountryCode: party.parentCountryCode,
  };
}

async function findParty(tx: Tx, proposalId: string, partyId: string) {
  const party = await tx.party.findFirst({ where: { id: partyId, proposalId } });
  if (!party) throw new NotFoundError("Party");
  return party;
}

export async function addParty(client: Db, actor: Actor, input: PartyInput) {
  return changeDraft(client, actor, input.proposalId, async (tx, proposal) => {
    await requireKnownCountries(tx, input);
    const party = await tx.party.create({ data: { proposalId: proposal.id, ...partyData(input) } });
    await recordAudit(tx, actor, { action: "proposal.partyAdded", entityType: "Party", entityId: party.id, proposalId: proposal.id, after: auditSnapshot(partyData(input)) });
    return party;
  });
}

export async function updateParty(client: Db, actor: Actor, input: UpdatePartyInput) {
  return changeDraft(client, actor, input.proposalId, async (tx, proposal) => {
    const before = await findParty(tx, proposal.id, input.partyId);
    await requireKnownCountries(tx, input);
    await tx.party.update({ where: { id: before.id }, data: partyData(input) });
    await recordAudit(tx, actor, {
      action: "proposal.partyUpdated",
      entityType: "Party",
      entityId: before.id,
      proposalId: proposal.id,
      before: auditSnapshot(partyData(before)),
      after: auditSnapshot(partyData(input)),
    });
  });
}

export async function removeParty(client: Db, actor: Actor, input: { proposalId: string; partyId: string }) {
  return changeDraft(client, actor, input.proposalId, async (tx, proposal) => {
    const party = await findParty(tx, proposal.id, input.partyId);
    await tx.party.delete({ where: { id: party.id } });
    await recordAudit(tx, actor, { action: "proposal.partyRemoved", entityType: "Party", entityId: party.id, proposalId: proposal.id, before: auditSnapshot(partyData(party)) });
  });
}

export async function saveSpecificEndUse(client: Db, actor: Actor, input: { proposalId: string; specificEndUse: string }) {
  return changeDraft(
    client,
    actor,
    input.proposalId,
    async (tx, proposal) => {
      await recordAudit(tx, actor, {
        action: "proposal.updated",
        entityType: "Proposal",
        entityId: proposal.id,
        proposalId: proposal.id,
        before: auditSnapshot({ specificEndUse: proposal.specificEndUse }),
        after: auditSnapshot({ specificEndUse: input.specificEndUse }),
      });
    },
    { specificEndUse: input.specificEndUse },
  );
}
