// Typed audit events, written with the caller's transaction client so that a
// state change and its record commit together or not at all. The database
// appends each event to the audit trail's hash chain as it is inserted (under the
// chain's lock, held to commit; see lib/audit-chain/). A transaction that draws on
// the exposure cap takes the cap lock before writing its first event.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/policy";

export const AUDIT_ACTIONS = {
  "proposal.created": "Proposal created",
  "proposal.updated": "Details updated",
  "proposal.lineItemAdded": "Line item added",
  "proposal.lineItemRemoved": "Line item removed",
  "proposal.lineItemUpdated": "Line item changed",
  "proposal.financingRequested": "Financing request saved",
  "proposal.partyAdded": "Party added",
  "proposal.partyUpdated": "Party changed",
  "proposal.partyRemoved": "Party removed",
  "proposal.attachmentAdded": "Attachment added",
  "proposal.attachmentRemoved": "Attachment removed",
  "screening.run": "Parties screened",
  "screening.reviewed": "Screening hit reviewed",
  "screening.listImported": "Screening list imported",
  "license.assigned": "License request assigned",
  "reviewer.conflictDeclared": "Conflict of interest declared",
  "reviewer.conflictWithdrawn": "Conflict of interest withdrawn",
  "proposal.transitioned": "Status changed",
  "license.requested": "License request registered",
  "license.decided": "License decided",
  "financing.decided": "Financing decided",
  "exposureCap.drawn": "Exposure cap drawn",
  "exposureCap.released": "Exposure cap released",
  "financing.stageDecided": "Financing stage decided",
  "financing.boardDecisionRecorded": "Board decision recorded",
  "financing.congressNotified": "Congressional notification recorded",
  "financing.commitmentCancelled": "Final commitment cancelled",
  "referenceTable.versionAdded": "Reference table version added",
  "exportControls.rulesChanged": "Export-control rules changed",
  "user.signedIn": "Signed in",
  "user.signedOut": "Signed out",
  "user.sessionsEnded": "Sessions ended",
  "user.secondFactorEnrolled": "Authenticator app enrolled",
  "user.secondFactorReset": "Authenticator app removed",
  "user.recoveryCodesIssued": "Recovery codes issued",
  "user.recoveryCodeUsed": "Recovery code used",
  "user.roleChanged": "Role changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "user.passwordChanged": "Password changed",
  "user.signInLocked": "Sign-in locked after failed attempts",
  "consortium.created": "Consortium created",
  "consortium.memberAdded": "Member added",
  "consortium.memberRemoved": "Member removed",
  "consortium.anchorHandedOver": "Anchor role handed over",
  "consortium.personInvited": "Person invited",
  "consortium.invitationAccepted": "Invitation accepted",
  "consortium.seatChanged": "Person's role changed",
  "consortium.personRemoved": "Person removed",
  "question.asked": "Question asked",
  "question.answered": "Question answered",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditEntry = {
  action: AuditAction;
  entityType:
    | "Proposal"
    | "LineItem"
    | "Party"
    | "Document"
    | "FinancingRequest"
    | "LicenseRequest"
    | "FinancingDecision"
    | "ExposureCapEntry"
    | "User"
    | "Consortium"
    | "ScreeningResult"
    | "ScreeningList"
    | "ConflictOfInterest"
    | "ReferenceTableVersion"
    | "ExportControlRulesVersion"
    | "Question";
  entityId: string;
  proposalId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** `null` actor means the system acted (e.g. moving a proposal on to the next review). */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? "SYSTEM",
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      proposalId: entry.proposalId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}

/** JSON-safe copy of a record for before/after: BigInt money becomes a string of cents. */
export function auditSnapshot(value: Record<string, unknown>): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}
