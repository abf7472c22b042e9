// The frame of every builder step: where the user is (reference, consortium,
// proposal title), the step indicator with each step's completeness, the step's
// heading, and the way on to the previous and next steps.
import Link from "next/link";
import type { ReactNode } from "react";
import { COMPLETENESS_LABELS, type Completeness, type StepKey, type StepStatus } from "@/lib/proposals/builder";

const MARKS: Record<Completeness, { symbol: string; className: string }> = {
  complete: { symbol: "✓", className: "border-[var(--color-success)] bg-[var(--color-success)] text-white" },
  gaps: { symbol: "!", className: "border-amber-700 bg-[var(--color-warning-bg)] text-amber-900" },
  "not-started": { symbol: "", className: "border-gray-500 bg-white text-gray-700" },
  optional: { symbol: "–", className: "border-gray-500 bg-gray-100 text-gray-800" },
};

export function StepIndicator({ steps, current }: { steps: readonly StepStatus[]; current: StepKey }) {
  return (
    <nav aria-label="Proposal steps" className="mb-6 lg:mb-0">
      <ol className="grid gap-1 sm:grid-cols-2 lg:grid-cols-1">
        {steps.map((step, index) => {
          const mark = MARKS[step.completeness];
          const isCurrent = step.key === current;
          return (
            <li key={step.key}>
              <Link
                href={step.href}
                aria-current={isCurrent ? "step" : undefined}
                className={`flex items-center gap-3 rounded px-2 py-2 no-underline ${isCurrent ? "bg-[var(--color-navy-700)] text-white" : "hover:bg-gray-100"}`}
              >
                <span aria-hidden="true" className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${mark.className}`}>
                  {mark.symbol || index + 1}
                </span>
                <span className="min-w-0">
                  <span className="block font-semibold">{step.label}</span>
                  <span className={`block text-sm ${isCurrent ? "text-white" : "text-[var(--color-muted)]"}`}>{stepNote(step)}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function stepNote(step: StepStatus): string {
  if (step.completeness === "gaps") return `${COMPLETENESS_LABELS.gaps}: ${step.gaps} to do`;
  return COMPLETENESS_LABELS[step.completeness];
}

type FrameProps = {
  proposal: { id: string; reference: string; title: string; consortium: { name: string } };
  steps: readonly StepStatus[];
  current: StepKey;
  /** The step's heading; the step's label unless given. */
  heading?: string;
  intro?: ReactNode;
  notice?: ReactNode;
  children: ReactNode;
};

type FrameTopProps = { proposal: FrameProps["proposal"]; heading: ReactNode; intro?: ReactNode; notice?: ReactNode; meta: ReactNode; className: string };

/** The way back to the proposal, the notice, and the step's heading. */
function FrameTop({ proposal, heading, intro, notice, meta, className }: FrameTopProps) {
  return (
    <>
      <p className="mb-2">
        <Link href={`/proposals/${proposal.id}`}>Back to the proposal</Link>
      </p>
      {notice}
      <header className={className}>
        <p className="text-sm text-[var(--color-muted)]">{meta}</p>
        <h1 className="text-3xl font-bold">{heading}</h1>
        {intro ? <div className="mt-2 max-w-3xl">{intro}</div> : null}
      </header>
    </>
  );
}

export function StepFrame({ proposal, steps, current, heading, intro, notice, children }: FrameProps) {
  const index = steps.findIndex((step) => step.key === current);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return (
    <>
      <FrameTop
        proposal={proposal}
        heading={heading ?? steps[index]?.label}
        intro={intro}
        notice={notice}
        meta={`${proposal.reference} · ${proposal.consortium.name} · ${proposal.title}`}
        className="mb-6"
      />
      <div className="grid gap-8 lg:grid-cols-4">
        <div className="lg:col-span-1">
          <StepIndicator steps={steps} current={current} />
        </div>
        <div className="min-w-0 space-y-8 lg:col-span-3">
          {children}
          <nav aria-label="Previous and next step" className="flex flex-wrap justify-between gap-4 border-t pt-4">
            {previous ? <Link href={previous.href}>Previous: {previous.label}</Link> : <span />}
            {next ? <Link href={next.href}>Next: {next.label}</Link> : null}
          </nav>
        </div>
      </div>
    </>
  );
}

/** A step shown to someone who may read the proposal but not edit it: no step indicator, no step links. */
export function StepReadFrame({ proposal, heading, intro, notice, children }: Omit<FrameProps, "steps" | "current" | "heading"> & { heading: string }) {
  return (
    <>
      <FrameTop proposal={proposal} heading={heading} intro={intro} notice={notice} meta={`${proposal.reference} · ${proposal.consortium.name}`} className="mb-8" />
      <div className="space-y-8">{children}</div>
    </>
  );
}
