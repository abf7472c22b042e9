// The submitted versions of a proposal, as its readers see them: the list, one
// frozen version, and what changed between two. Every read is scoped by the
// policy module: the consortium's own people and the government roles, never
// another consortium, and never the public (published packages show no history).
import "server-only";
import type { Db } from "@/lib/db";
import { NotFoundError, requireRecordId } from "@/lib/errors";
import { readKeysetPage, type PageRequest } from "@/lib/pagination";
import { proposalScope, type Actor } from "@/lib/policy";
import { readSnapshot } from "./snapshot";
import { diffSnapshots } from "./snapshot-diff";

const VERSION_ORDER = { key: "number", order: "desc", idOrder: "asc" } as const;
const SUBMITTED_BY = { submittedBy: { select: { name: true } } } as const;

async function visibleProposal(client: Db, actor: Actor, proposalId: string) {
  requireRecordId(proposalId, "Proposal");
  const proposal = await client.proposal.findFirst({
    where: { AND: [{ id: proposalId }, proposalScope(actor)] },
    select: { id: true, reference: true, title: true, status: true, consortium: { select: { name: true } } },
  });
  if (!proposal) throw new NotFoundError("Proposal");
  return proposal;
}

/** "Version 2, submitted 30 Nov 2026" */
export function versionLabel(submission: { number: number; submittedAt: Date }): string {
  const day = submission.submittedAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "America/New_York" });
  return `Version ${submission.number}, submitted ${day}`;
}

/**
 * For pages that already authorized the proposal: its latest submission and,
 * when it waits on the consortium, the reviewers' request for revision.
 */
export async function versionContext(client: Db, proposalId: string) {
  const [latest, revision] = await Promise.all([
    client.proposalSubmission.findFirst({
      where: { proposalId },
      orderBy: { number: "desc" },
      select: { number: true, submittedAt: true, ...SUBMITTED_BY },
    }),
    client.revisionRequest.findFirst({
      where: { proposalId },
      orderBy: [{ returnedAt: "desc" }, { id: "desc" }],
      include: { returnedBy: { select: { name: true } } },
    }),
  ]);
  return { latest, revision };
}

/** The proposal's submitted versions, newest first, a page at a time. */
export async function listVersions(client: Db, actor: Actor, proposalId: string, request: PageRequest = {}) {
  const proposal = await visibleProposal(client, actor, proposalId);
  const page = await readKeysetPage(
    VERSION_ORDER,
    request,
    ({ where, orderBy, take }) =>
      client.proposalSubmission.findMany({
        where: { AND: [{ proposalId: proposal.id }, where] },
        orderBy,
        take,
        select: { id: true, number: true, submittedAt: true, ...SUBMITTED_BY },
      }),
    (row) => row.number,
  );
  return { proposal, page };
}

function parseNumber(raw: string | number | undefined | null): number | null {
  const value = typeof raw === "number" ? raw : raw && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(value) && value >= 1 ? value : null;
}

async function submissionOf(client: Db, proposalId: string, raw: string | number | undefined | null) {
  const number = parseNumber(raw);
  if (number === null) throw new NotFoundError("Version");
  const submission = await client.proposalSubmission.findUnique({
    where: { proposalId_number: { proposalId, number } },
    select: { number: true, submittedAt: true, snapshot: true, ...SUBMITTED_BY },
  });
  if (!submission) throw new NotFoundError("Version");
  return submission;
}

/** One submitted version, frozen, with how many there are. */
export async function getVersion(client: Db, actor: Actor, proposalId: string, rawNumber: string) {
  const proposal = await visibleProposal(client, actor, proposalId);
  const [submission, latest] = await Promise.all([
    submissionOf(client, proposal.id, rawNumber),
    client.proposalSubmission.findFirst({ where: { proposalId: proposal.id }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const { snapshot, ...version } = submission;
  return { proposal, version, snapshot: readSnapshot(snapshot), latestNumber: latest?.number ?? submission.number };
}

/** What changed from one version to another, field by field and row by row. */
export async function compareVersions(client: Db, actor: Actor, proposalId: string, rawFrom: string | undefined, rawTo: string | undefined) {
  const proposal = await visibleProposal(client, actor, proposalId);
  const [from, to] = await Promise.all([submissionOf(client, proposal.id, rawFrom), submissionOf(client, proposal.id, rawTo)]);
  const strip = (s: typeof from) => ({ number: s.number, submittedAt: s.submittedAt, submittedBy: s.submittedBy });
  return { proposal, from: strip(from), to: strip(to), diff: diffSnapshots(readSnapshot(from.snapshot), readSnapshot(to.snapshot)) };
}
