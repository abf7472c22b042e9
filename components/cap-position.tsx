import type { CapPosition } from "@/lib/exposure-cap/rules";
import { formatBasisPoints, formatCents, formatCentsCompact } from "@/lib/money";

/** The exposure cap as figures and a bar; the figures carry the meaning, the bar repeats it. */
export function CapPositionCard({ cap }: { cap: CapPosition }) {
  const drawnPercent = Math.min(100, cap.utilizationBasisPoints / 100);
  return (
    <section aria-labelledby="cap-heading" className="card">
      <h2 id="cap-heading" className="text-xl font-bold">
        EXIM exposure cap
      </h2>
      <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Figure label="Statutory cap" cents={cap.statutoryLimitCents} testId="cap-limit" />
        <Figure label="Drawn" cents={cap.drawnCents} testId="cap-drawn" />
        <Figure label="Headroom" cents={cap.headroomCents} testId="cap-headroom" />
      </dl>
      <div className="mt-4 h-4 w-full overflow-hidden rounded bg-gray-200" aria-hidden="true">
        <div className="h-4 bg-[var(--color-navy-700)]" style={{ width: `${drawnPercent}%` }} />
      </div>
      <p className="mt-2 text-sm">{formatBasisPoints(cap.utilizationBasisPoints)} of the cap is drawn.</p>
    </section>
  );
}

function Figure({ label, cents, testId }: { label: string; cents: bigint; testId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-[var(--color-muted)]">{label}</dt>
      <dd className="text-2xl font-bold">{formatCentsCompact(cents)}</dd>
      <dd className="break-words text-sm" data-testid={testId}>
        {formatCents(cents)}
      </dd>
    </div>
  );
}
