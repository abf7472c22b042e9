// The program dashboard's tables, pure: one definition per table, rendered on
// the page beside its chart and downloaded as CSV, so the two never differ.
import { PRODUCT_LABELS } from "@/lib/financing/labels";
import { centsToDecimal } from "@/lib/financing/schedule";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { STAGE_LABELS } from "@/lib/workflow";
import type { ProgramDashboard } from "./dashboard";

export type DashboardTable = {
  name: string;
  caption: string;
  columns: string[];
  /** Display rows (formatted) and CSV rows (plain figures), cell for cell. */
  rows: Array<{ label: string; display: string[]; csv: string[]; /** For the chart. */ value: number }>;
};

const STAGE_ROW_LABELS = { NONE: "Awaiting a letter of interest", ...STAGE_LABELS } as const;
const DAYS_LABELS = {
  TO_LETTER_OF_INTEREST: "From submission to the letter of interest",
  LETTER_OF_INTEREST: "At the letter of interest stage",
  PRELIMINARY_COMMITMENT: "At the preliminary commitment stage",
} as const;

/** Dollars for a chart's scale: layout only, never shown as a figure. */
const dollarsForLayout = (cents: bigint) => Number(cents / 100n);

/** A row of proposals counted and an amount, for the pipeline, region and product tables. */
const amountRow = (label: string, proposals: number, cents: bigint) => ({
  label,
  display: [label, proposals.toLocaleString("en-US"), formatCents(cents)],
  csv: [label, String(proposals), centsToDecimal(cents)],
  value: dollarsForLayout(cents),
});

export function dashboardTables(d: ProgramDashboard): DashboardTable[] {
  const capRow = (label: string, cents: bigint) => ({ label, display: [label, formatCents(cents)], csv: [label, centsToDecimal(cents)], value: dollarsForLayout(cents) });
  return [
    {
      name: "exposure-cap",
      caption: "Exposure cap: today and under the proposed cap",
      columns: ["Figure", "US dollars"],
      rows: [
        capRow("Statutory cap", d.cap.statutoryLimitCents),
        capRow("Drawn", d.cap.drawnCents),
        capRow("Headroom", d.cap.headroomCents),
        capRow(`Reserved for China-and-transformational-exports work (${formatBasisPoints(Number((d.reservedCents * 10_000n) / (d.cap.statutoryLimitCents || 1n)))})`, d.reservedCents),
        capRow("Proposed cap (what-if)", d.whatIf.statutoryLimitCents),
        capRow("Headroom under the proposed cap", d.whatIf.headroomCents),
      ],
    },
    {
      name: "pipeline",
      caption: "Pipeline by stage: proposals and amounts requested",
      columns: ["Stage", "Proposals", "Amount requested (US dollars)"],
      rows: d.pipeline.map((row) => amountRow(STAGE_ROW_LABELS[row.stage], row.proposals, row.amountCents)),
    },
    {
      name: "regions",
      caption: "Outstanding commitments by region",
      columns: ["Region", "Proposals", "Committed (US dollars)"],
      rows: d.byRegion.map((row) => amountRow(row.label, row.proposals, row.amountCents)),
    },
    {
      name: "products",
      caption: "Outstanding commitments by product",
      columns: ["Product", "Proposals", "Committed (US dollars)"],
      rows: d.byProduct.map((row) => amountRow(PRODUCT_LABELS[row.product], row.proposals, row.amountCents)),
    },
    {
      name: "stage-days",
      caption: "Median days in each stage",
      columns: ["Stage", "Financings measured", "Median days"],
      rows: d.stageDays.map((row) => ({
        label: DAYS_LABELS[row.stage],
        display: [DAYS_LABELS[row.stage], row.decisions.toLocaleString("en-US"), row.medianDays === null ? "—" : row.medianDays.toFixed(1)],
        csv: [DAYS_LABELS[row.stage], String(row.decisions), row.medianDays === null ? "" : row.medianDays.toFixed(1)],
        value: row.medianDays ?? 0,
      })),
    },
  ];
}
