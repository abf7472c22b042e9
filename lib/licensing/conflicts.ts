// Reviewers' declared conflicts of interest with organizations: a reviewer may
// not decide (nor take) license requests of a proposal whose consortium counts
// such an organization among its members (policy.withoutConflictOfInterest).
import type { Db, Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { authorize, withoutConflictOfInterest, type Actor } from "@/lib/policy";

/** The actor's declarations, and the organizations they may declare against. */
export async function reviewerConflicts(client: Db, actor: Actor) {
  authorize(actor, "license:decide");
  const [declared, organizations] = await Promise.all([
    client.conflictOfInterest.findMany({
      where: { reviewerId: actor.userId },
      orderBy: { declaredAt: "desc" },
      include: { organization: { select: { legalName: true } } },
    }),
    // Organizations reviewers can know of: members of consortia with a submitted proposal.
    client.organization.findMany({
      where: { memberships: { some: { consortium: { proposals: { some: { submittedAt: { not: null } } } } } } },
      orderBy: { legalName: "asc" },
      select: { id: true, legalName: true },
    }),
  ]);
  return { declared, organizations };
}

export async function declareConflict(client: Db, actor: Actor, input: { organizationId: string; note: string | null }) {
  authorize(actor, "license:decide");
  return client.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, legalName: true } });
    if (!organization) throw new RuleViolationError("Choose an organization from the list.", [], "organizationId");
    const existing = await tx.conflictOfInterest.findUnique({ where: { reviewerId_organizationId: { reviewerId: actor.userId, organizationId: organization.id } } });
    if (existing) throw new RuleViolationError(`You have already declared a conflict of interest with ${organization.legalName}.`, [], "organizationId");
    const conflict = await tx.conflictOfInterest.create({ data: { reviewerId: actor.userId, organizationId: organization.id, note: input.note } });
    // A request already assigned to the reviewer goes back to the pool.
    await tx.licenseRequest.updateMany({
      where: { assignedReviewerId: actor.userId, status: "PENDING", proposal: { consortium: { memberships: { some: { organizationId: organization.id } } } } },
      data: { assignedReviewerId: null, assignedAt: null },
    });
    await recordAudit(tx, actor, { action: "reviewer.conflictDeclared", entityType: "ConflictOfInterest", entityId: conflict.id, after: { organization: organization.legalName, note: input.note } });
    return organization;
  });
}

export async function withdrawConflict(client: Db, actor: Actor, input: { conflictId: string }) {
  authorize(actor, "license:decide");
  return client.$transaction(async (tx) => {
    const conflict = await tx.conflictOfInterest.findFirst({ where: { id: input.conflictId, reviewerId: actor.userId }, include: { organization: { select: { legalName: true } } } });
    if (!conflict) throw new NotFoundError("Declaration");
    await tx.conflictOfInterest.delete({ where: { id: conflict.id } });
    await recordAudit(tx, actor, { action: "reviewer.conflictWithdrawn", entityType: "ConflictOfInterest", entityId: conflict.id, before: { organization: conflict.organization.legalName } });
  });
}

/** Refuses when the reviewer declared a conflict with a member of the proposal's consortium. */
export async function requireNoConflict(tx: Tx | Db, actor: Actor, proposalId: string) {
  const free = await tx.proposal.count({ where: { AND: [{ id: proposalId }, withoutConflictOfInterest(actor)] } });
  if (free > 0) return;
  const conflict = await tx.conflictOfInterest.findFirst({
    where: { reviewerId: actor.userId, organization: { memberships: { some: { consortium: { proposals: { some: { id: proposalId } } } } } } },
    include: { organization: { select: { legalName: true } } },
  });
  throw new ForbiddenError(
    `You declared a conflict of interest with ${conflict?.organization.legalName ?? "a member of this consortium"}: another reviewer must decide this request.`,
  );
}
