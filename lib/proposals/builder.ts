// The proposal builder's steps, defined once: their order, labels and paths, and
// how complete each one is. Pure: it reads a loaded proposal and the settings.
// The gaps here are the submission checklist: the strict step schemas
// (lib/schemas/builder.ts) plus the program's rules on the parties and the ask.
import type { PartyRole, StackLayer } from "@/lib/generated/prisma/enums";
import { financingFigures, financingProblems, proposalSplit, packageValue, type FinancingRules, type PricedItem } from "@/lib/financing/rules";
import type { ProgramSettings } from "@/lib/settings";
import { destinationField, financingStrictSchema, issuesOf, lineItemStrictSchema, operationsStrictSchema, overviewStrictSchema, DATA_CENTER_ROLES } from "@/lib/schemas/builder";
import { submissionGaps } from "./completeness";

export type StepKey = "overview" | "package" | "operations" | "parties" | "financing" | "attachments" | "review";
export type Completeness = "complete" | "gaps" | "not-started" | "optional";

/** What the builder reads of a proposal. */
export type BuilderProposal = {
  id: string;
  title: string;
  summary: string;
  destinations: ReadonlyArray<{ code: string; isHighIncomeOecd: boolean }>;
  lineItems: ReadonlyArray<PricedItem & { id: string; layer: StackLayer; description: string; supplierOrganizationId: string | null; eccn: string | null }>;
  partyRoles: readonly PartyRole[];
  specificEndUse: string | null;
  securityPlan: string | null;
  financing: { product: string; requestedAmountCents: bigint; eligibleForeignContentCents: bigint; localCostsCents: bigint; repaymentYears: number } | null;
};

export type BuilderSettings = Pick<ProgramSettings, "proposals.requiredLayers" | "proposals.requiredPartyRoles"> & FinancingRules;

/** A gap: what is missing, on which step, and the field (or line item) to fix it at. */
export type Gap = { step: StepKey; field: string; message: string; lineItemId?: string };

type Step = {
  key: StepKey;
  label: string;
  /** The path under /proposals/[id]. */
  path: string;
  /** Whether anything on the step has been filled in yet. */
  started: (proposal: BuilderProposal) => boolean;
  /** Optional steps never hold back a submission. */
  optional?: boolean;
};

export const BUILDER_STEPS: readonly Step[] = [
  { key: "overview", label: "Overview", path: "overview", started: (p) => p.title.trim() !== "" || p.summary.trim() !== "" || p.destinations.length > 0 },
  { key: "package", label: "Package", path: "package", started: (p) => p.lineItems.length > 0 },
  { key: "operations", label: "Operations and security", path: "operations", started: (p) => Boolean(p.securityPlan?.trim()) || p.partyRoles.some((r) => (DATA_CENTER_ROLES as readonly string[]).includes(r)) },
  {
    key: "parties",
    label: "Parties and end use",
    path: "parties",
    started: (p) => Boolean(p.specificEndUse?.trim()) || p.partyRoles.some((r) => !(DATA_CENTER_ROLES as readonly string[]).includes(r)),
  },
  { key: "financing", label: "Financing", path: "financing", started: (p) => p.financing !== null },
  { key: "attachments", label: "Attachments", path: "attachments", started: () => false, optional: true },
  { key: "review", label: "Review and submit", path: "review", started: () => true },
];

export function builderStep(key: StepKey): Step {
  return BUILDER_STEPS.find((step) => step.key === key)!;
}

export function stepHref(proposalId: string, key: StepKey): string {
  return `/proposals/${proposalId}/${builderStep(key).path}`;
}

/** Where a gap is fixed: its step (or its line item's page), at the field. */
export function gapHref(proposalId: string, gap: Gap): string {
  const page = gap.lineItemId ? `/proposals/${proposalId}/package/items/${gap.lineItemId}` : stepHref(proposalId, gap.step);
  return `${page}#field-${gap.field}`;
}

/** Every gap that blocks submission, in step order. */
export function builderGaps(proposal: BuilderProposal, settings: BuilderSettings): Gap[] {
  const gaps: Gap[] = [];
  const add = (step: StepKey, issues: Array<{ field: string; message: string }>, lineItemId?: string) =>
    gaps.push(...issues.map((issue) => ({ step, ...issue, ...(lineItemId ? { lineItemId } : {}) })));

  add(
    "overview",
    issuesOf(overviewStrictSchema.safeParse({ title: proposal.title, summary: proposal.summary, destinationCountryCodes: proposal.destinations.map((d) => d.code) })).map((issue) =>
      issue.field === "destinationCountryCodes" ? { ...issue, field: destinationField(0) } : issue,
    ),
  );

  // The program's rules: required layers, required parties and the end use, an ask.
  const rules = submissionGaps(
    {
      title: proposal.title,
      summary: proposal.summary,
      targetCountryCodes: proposal.destinations.map((d) => d.code),
      lineItems: proposal.lineItems,
      hasFinancingRequest: proposal.financing !== null,
      partyRoles: proposal.partyRoles,
      specificEndUse: proposal.specificEndUse,
    },
    settings,
  );
  for (const gap of rules) {
    if (gap.code.startsWith("layer:")) add("package", [{ field: `add-${gap.code.slice(6).toLowerCase()}`, message: gap.message }]);
    else if (gap.code.startsWith("party:")) add("parties", [{ field: "role", message: gap.message }]);
    else if (gap.code === "specificEndUse") add("parties", [{ field: "specificEndUse", message: gap.message }]);
  }
  for (const item of proposal.lineItems) add("package", issuesOf(lineItemStrictSchema.safeParse(item)), item.id);

  add("operations", issuesOf(operationsStrictSchema.safeParse({ roles: proposal.partyRoles, securityPlan: proposal.securityPlan })));

  const financing = issuesOf(financingStrictSchema.safeParse({ hasFinancingRequest: proposal.financing !== null }));
  add("financing", financing.map((issue) => ({ ...issue, field: "product" })));
  // The ask is judged against the whole package: only once every required layer is there.
  const ask = proposal.financing;
  if (ask && !rules.some((gap) => gap.code.startsWith("layer:"))) {
    const figures = financingFigures(proposalSplit(proposal.lineItems, ask), proposal.destinations, settings);
    const terms = { amountCents: ask.requestedAmountCents, product: ask.product as Parameters<typeof financingProblems>[0]["product"], repaymentYears: ask.repaymentYears };
    const FIELD: Record<string, string> = { amount: "requestedAmount", repaymentYears: "repaymentYears", product: "product" };
    add(
      "financing",
      financingProblems(terms, figures, settings).map((problem) => ({ field: FIELD[problem.field ?? ""] ?? "requestedAmount", message: problem.message })),
    );
  }
  return gaps;
}

export type StepStatus = { key: StepKey; label: string; href: string; completeness: Completeness; gaps: number };

/** Each step with its completeness: complete, has gaps, not started, or optional. */
export function stepStatuses(proposal: BuilderProposal, settings: BuilderSettings, gaps = builderGaps(proposal, settings)): StepStatus[] {
  return BUILDER_STEPS.map((step) => {
    const count = step.key === "review" ? gaps.length : gaps.filter((gap) => gap.step === step.key).length;
    const completeness: Completeness = step.optional ? "optional" : count === 0 ? "complete" : step.key !== "review" && !step.started(proposal) ? "not-started" : "gaps";
    return { key: step.key, label: step.label, href: stepHref(proposal.id, step.key), completeness, gaps: count };
  });
}

/** Where "Continue editing" goes: the first step that isn't complete, else review. */
export function firstIncompleteStep(statuses: readonly StepStatus[]): StepStatus {
  return statuses.find((s) => s.completeness === "gaps" || s.completeness === "not-started") ?? statuses.find((s) => s.key === "review")!;
}

export const COMPLETENESS_LABELS: Record<Completeness, string> = {
  complete: "Complete",
  gaps: "Has gaps",
  "not-started": "Not started",
  optional: "Optional",
};

/** The region a destination belongs to (the program's regions setting), or "Other". */
export function regionOf(code: string, regions: ProgramSettings["program.regions"]): string {
  return Object.entries(regions).find(([, codes]) => codes.includes(code))?.[0] ?? "Other";
}

/** The package's totals: each layer's value and US content, and the whole package's share. */
export function packageTotals(items: ReadonlyArray<PricedItem & { layer: StackLayer }>) {
  const layers = new Map<StackLayer, ReturnType<typeof packageValue>>();
  for (const layer of new Set(items.map((item) => item.layer))) layers.set(layer, packageValue(items.filter((item) => item.layer === layer)));
  const total = packageValue(items);
  return { layers, total, usShareBasisPoints: shareBasisPoints(total), hardwareShareBasisPoints: layers.has("HARDWARE") ? shareBasisPoints(layers.get("HARDWARE")!) : null };
}

/** US content as basis points of the value, rounded down (so a share shown as 51.00% really is). */
export function shareBasisPoints(value: { contractPriceCents: bigint; usContentCentBasisPoints: bigint }): number {
  return value.contractPriceCents === 0n ? 0 : Number(value.usContentCentBasisPoints / value.contractPriceCents);
}
