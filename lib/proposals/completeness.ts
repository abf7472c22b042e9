// What a proposal must have before it can be submitted. Saving a draft never
// enforces this; submission does, and lists every gap at once.
import type { PartyRole, StackLayer } from "@/lib/generated/prisma/enums";
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";
import { shareOf, formatBasisPoints } from "@/lib/money";
import type { ProgramSettings } from "@/lib/settings";

export const LAYER_LABELS: Readonly<Record<StackLayer, string>> = {
  HARDWARE: "Hardware (AI chips, accelerators, servers)",
  STORAGE: "Data-center storage",
  CLOUD_NETWORKING: "Cloud services and networking",
  DATA_PIPELINES: "Data pipelines and labeling",
  AI_MODELS: "AI models",
  SECURITY: "Security and cybersecurity",
  APPLICATION_SOFTWARE: "Application software",
};

/** For tables, where the full label would crowd the row. */
export const LAYER_SHORT_LABELS: Readonly<Record<StackLayer, string>> = {
  HARDWARE: "Hardware",
  STORAGE: "Storage",
  CLOUD_NETWORKING: "Cloud & networking",
  DATA_PIPELINES: "Data pipelines",
  AI_MODELS: "AI models",
  SECURITY: "Security",
  APPLICATION_SOFTWARE: "Applications",
};

export type ProposalForCompleteness = {
  title: string;
  summary: string;
  targetCountryCodes: readonly string[];
  lineItems: ReadonlyArray<{ layer: StackLayer; quantity: number; unitPriceCents: bigint; usContentBasisPoints: number }>;
  hasFinancingRequest: boolean;
  partyRoles: readonly PartyRole[];
  specificEndUse: string | null;
};

export type SubmissionGap = { code: string; message: string };

export function submissionGaps(
  proposal: ProposalForCompleteness,
  settings: Pick<ProgramSettings, "proposals.requiredLayers" | "proposals.requiredPartyRoles">,
): SubmissionGap[] {
  const gaps: SubmissionGap[] = [];
  if (!proposal.title.trim()) gaps.push({ code: "title", message: "Give the proposal a title." });
  if (!proposal.summary.trim()) gaps.push({ code: "summary", message: "Write a summary of the package." });
  if (proposal.targetCountryCodes.length === 0) {
    gaps.push({ code: "targetCountries", message: "Name at least one destination country." });
  }
  const present = new Set(proposal.lineItems.map((item) => item.layer));
  for (const layer of settings["proposals.requiredLayers"]) {
    if (!present.has(layer)) {
      gaps.push({ code: `layer:${layer}`, message: `Add at least one line item in the ${LAYER_LABELS[layer]} layer.` });
    }
  }
  const named = new Set(proposal.partyRoles);
  for (const role of settings["proposals.requiredPartyRoles"]) {
    if (!named.has(role)) gaps.push({ code: `party:${role}`, message: `Name the ${PARTY_ROLE_LABELS[role]} on the parties step.` });
  }
  if (!proposal.specificEndUse?.trim()) gaps.push({ code: "specificEndUse", message: "Describe the specific end use on the parties step." });
  if (!proposal.hasFinancingRequest) gaps.push({ code: "financing", message: "State the financing you ask EXIM for." });
  return gaps;
}

/** Flags that don't block submission but send the proposal to manual review. */
export function reviewFlags(
  proposal: Pick<ProposalForCompleteness, "lineItems">,
  settings: Pick<ProgramSettings, "proposals.hardwareUsContentThresholdBasisPoints">,
): string[] {
  let hardwareValue = 0n;
  let hardwareUs = 0n;
  for (const item of proposal.lineItems) {
    if (item.layer !== "HARDWARE") continue;
    const value = item.unitPriceCents * BigInt(item.quantity);
    hardwareValue += value;
    hardwareUs += shareOf(value, item.usContentBasisPoints);
  }
  if (hardwareValue === 0n) return [];
  const share = Number((hardwareUs * 10_000n) / hardwareValue);
  const threshold = settings["proposals.hardwareUsContentThresholdBasisPoints"];
  return share < threshold
    ? [`Hardware US content is ${formatBasisPoints(share)}, below the ${formatBasisPoints(threshold)} presumption: manual review.`]
    : [];
}
