// The rules of a proposal's questions and answers, as pure functions.
import type { AgencySide, ProposalStatus } from "@/lib/generated/prisma/enums";

/** While the proposal is with the agencies (or back with the consortium for revision), the thread is open. */
const THREAD_OPEN: readonly ProposalStatus[] = ["SUBMITTED", "IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW", "RETURNED_FOR_REVISION", "APPROVED"];

export function threadOpen(status: ProposalStatus): boolean {
  return THREAD_OPEN.includes(status);
}

/** Why no question can be asked or answered now, or null when it can. */
export function threadClosedReason(status: ProposalStatus): string | null {
  if (threadOpen(status)) return null;
  if (status === "DRAFT") return "Questions can be asked once the proposal is submitted.";
  return "The proposal is closed: no more questions or answers can be added.";
}

export const AGENCY_LABELS: Record<AgencySide, string> = { COMMERCE: "Commerce", EXIM: "EXIM" };

export type ThreadMessage = { authorId: string; createdAt: Date };

/** A message is new to a reader when someone else wrote it after the reader last read the thread. */
export function isNew(message: ThreadMessage, readerId: string, lastReadAt: Date | null): boolean {
  return message.authorId !== readerId && (lastReadAt === null || message.createdAt > lastReadAt);
}

/** How far reading a thread moves the reader's marker: to its newest message, never backwards. */
export function readMarkerAfter(messages: readonly ThreadMessage[], lastReadAt: Date | null): Date | null {
  const newest = messages.reduce<Date | null>((latest, m) => (latest === null || m.createdAt > latest ? m.createdAt : latest), null);
  if (newest === null) return null;
  return lastReadAt !== null && lastReadAt >= newest ? null : newest;
}

/** The words a count of new messages is shown with. */
export function newMessagesLabel(count: number): string {
  return count === 1 ? "1 new message" : `${count} new messages`;
}
