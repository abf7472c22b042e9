// Returning a submitted proposal for revision: a Commerce reviewer or an EXIM
// officer sends it back to the consortium with the reason. The status change,
// the request with its reason, the audit event, and the notices to the
// consortium's people (in the portal and through the mail outbox) commit together.
import type { Db } from "@/lib/db";
import { ForbiddenError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import { queueMail } from "@/lib/mail/outbox";
import { authorize, withoutConflictOfInterest, type Actor } from "@/lib/policy";
import { applyTransition, bumpVersion, lockProposal } from "./service";

export const AGENCY_OF_ROLE: Readonly<Record<string, string>> = { COMMERCE_REVIEWER: "Commerce", EXIM_OFFICER: "EXIM" };

export async function returnForRevision(
  client: Db,
  actor: Actor,
  input: { proposalId: string; expectedVersion: number; reason: string },
  portalUrl = "",
) {
  authorize(actor, "proposal:return");
  requireRecordId(input.proposalId, "Proposal");
  const reason = input.reason.trim();
  if (!reason) throw new RuleViolationError("Enter the reason the consortium should revise the proposal.", [], "revisionReason");
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, input.proposalId, "proposal:return");
    // A reviewer with a declared conflict with a member organization stays out of it.
    const unconflicted = await tx.proposal.findFirst({ where: { AND: [{ id: proposal.id }, withoutConflictOfInterest(actor)] }, select: { id: true } });
    if (!unconflicted) throw new ForbiddenError("You declared a conflict of interest with a member of this consortium: another reviewer must return it.");
    await bumpVersion(tx, proposal.id, input.expectedVersion);
    const last = await tx.proposalSubmission.findFirst({ where: { proposalId: proposal.id }, orderBy: { number: "desc" }, select: { number: true } });
    if (!last) throw new RuleViolationError("Only a submitted proposal can be returned for revision.");
    // The audit event of the transition carries the reason.
    const to = await applyTransition(tx, actor, proposal, "returnForRevision", {}, reason);
    const request = await tx.revisionRequest.create({
      data: { proposalId: proposal.id, submissionNumber: last.number, reason, returnedById: actor.userId, returnedByRole: actor.role },
    });

    const agency = AGENCY_OF_ROLE[actor.role] ?? "A reviewer";
    const people = await tx.consortiumUser.findMany({
      where: { consortiumId: proposal.consortiumId, user: { disabledAt: null } },
      select: { user: { select: { id: true, email: true } } },
      orderBy: { userId: "asc" },
    });
    const title = `${proposal.reference} was returned for revision`;
    const link = `/proposals/${proposal.id}`;
    const body = `${agency} returned version ${last.number} of “${proposal.title}” for revision: ${reason}`;
    if (people.length > 0) {
      await tx.notification.createMany({ data: people.map(({ user }) => ({ userId: user.id, kind: "proposal.returnedForRevision", title, body, link })) });
    }
    for (const { user } of people) {
      await queueMail(tx, {
        to: user.email,
        subject: `${title} (${proposal.title})`,
        text: [
          `${agency} returned version ${last.number} of “${proposal.title}” (${proposal.reference}) to your consortium for revision on ${formatDateTime(request.returnedAt)}.`,
          "",
          `Reason: ${reason}`,
          "",
          `Revise and resubmit it: ${portalUrl}${link}`,
        ].join("\n"),
      });
    }
    return to;
  });
}
