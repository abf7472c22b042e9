// What the proposal, license and financing pages show of the submitted versions:
// which version the reader is looking at, the way to every version and to what
// changed, and, while the proposal waits on the consortium, the reviewers' reason.
import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import { versionLabel } from "@/lib/proposals/versions";

type Latest = { number: number; submittedAt: Date; submittedBy: { name: string } } | null;

export function VersionLinks({ proposalId, latest }: { proposalId: string; latest: Latest }) {
  if (!latest) return null;
  return (
    <span className="flex flex-wrap items-center gap-3" data-testid="version-links">
      <span data-testid="version-label">{versionLabel(latest)}</span>
      <Link href={`/proposals/${proposalId}/versions`}>All versions</Link>
      {latest.number >= 2 ? (
        <Link href={`/proposals/${proposalId}/versions/compare?from=${latest.number - 1}&to=${latest.number}`}>What changed since version {latest.number - 1}</Link>
      ) : null}
    </span>
  );
}

const AGENCY: Record<string, string> = { COMMERCE_REVIEWER: "Commerce", EXIM_OFFICER: "EXIM" };

export function ReturnedForRevision({
  revision,
  audience,
}: {
  revision: { reason: string; submissionNumber: number; returnedAt: Date; returnedByRole: string; returnedBy: { name: string } };
  audience: "consortium" | "reviewer";
}) {
  return (
    <section aria-labelledby="returned-heading" className="mb-8 border-l-8 border-orange-500 bg-orange-50 p-4" data-testid="returned-for-revision">
      <h2 id="returned-heading" className="text-xl font-bold">
        Returned for revision
      </h2>
      <p className="mt-1 text-sm">
        {AGENCY[revision.returnedByRole] ?? "A reviewer"} ({revision.returnedBy.name}) returned version {revision.submissionNumber} on {formatDateTime(revision.returnedAt)}.
      </p>
      <p className="mt-3 font-semibold">Reason</p>
      <p className="whitespace-pre-line" data-testid="revision-reason">
        {revision.reason}
      </p>
      <p className="mt-3 text-sm">
        {audience === "consortium"
          ? `Change what the reason asks for, then submit the proposal again: it becomes version ${revision.submissionNumber + 1}, and the reviewers see what changed.`
          : "The consortium is revising the proposal; it comes back as a new version."}
      </p>
    </section>
  );
}
