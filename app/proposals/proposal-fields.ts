// Field descriptions for the proposal forms; names match the inputs' zod schemas.
import type { FieldSpec } from "@/components/form/action-form";
import { FinancingProduct, ObligorSector, StackLayer } from "@/lib/generated/prisma/enums";
import { OBLIGOR_SECTOR_LABELS, PRODUCT_LABELS } from "@/lib/financing/labels";
import { LAYER_LABELS } from "@/lib/proposals/completeness";

type Country = { code: string; name: string };

export function proposalDetailFields(countries: Country[], current?: { title: string; summary: string; destinationCountryCode?: string }): FieldSpec[] {
  return [
    { kind: "text", name: "title", label: "Title", required: true, defaultValue: current?.title, hint: "For example: Sovereign AI compute campus, Abu Dhabi." },
    { kind: "textarea", name: "summary", label: "Summary", required: true, defaultValue: current?.summary, hint: "What the package is, who it is for, and what it will do." },
    {
      kind: "select",
      name: "destinationCountryCode",
      label: "Destination country",
      required: true,
      placeholder: "Choose a country",
      defaultValue: current?.destinationCountryCode,
      options: countries.map((c) => ({ value: c.code, label: c.name })),
    },
  ];
}

export const lineItemFields: FieldSpec[] = [
  { kind: "select", name: "layer", label: "Stack layer", required: true, placeholder: "Choose a layer", options: Object.values(StackLayer).map((layer) => ({ value: layer, label: LAYER_LABELS[layer] })) },
  { kind: "text", name: "description", label: "Description", required: true, hint: "For example: 8-GPU accelerator servers." },
  { kind: "text", name: "manufacturer", label: "Manufacturer" },
  { kind: "text", name: "model", label: "Model" },
  { kind: "text", name: "quantity", label: "Quantity", required: true, inputMode: "numeric", width: "max-w-xs" },
  { kind: "text", name: "unitPrice", label: "Unit price (US dollars)", required: true, inputMode: "decimal", hint: "For example: 380,000.00", width: "max-w-xs" },
  { kind: "text", name: "usContent", label: "US-origin content (%)", required: true, inputMode: "decimal", hint: "Share of the item's value made in the United States, 0 to 100.", width: "max-w-xs" },
  { kind: "heading", text: "Export classification (hardware)" },
  { kind: "text", name: "eccn", label: "ECCN", hint: "Required for hardware. For example: 3A090, 4A090, 5A992.z or EAR99.", width: "max-w-xs" },
  { kind: "text", name: "totalProcessingPerformance", label: "Total processing performance (TPP)", inputMode: "numeric", width: "max-w-xs" },
  { kind: "text", name: "performanceDensity", label: "Performance density", inputMode: "decimal", width: "max-w-xs" },
  { kind: "checkbox", name: "designedForDataCenter", label: "Designed or marketed for data centers" },
];

export function financingRequestFields(current?: {
  product: string;
  requestedAmount: string;
  eligibleForeignContent: string;
  localCosts: string;
  repaymentYears: string;
  obligorSector: string;
}): FieldSpec[] {
  return [
    { kind: "radio", name: "product", label: "Financing product", required: true, defaultValue: current?.product, options: Object.values(FinancingProduct).map((p) => ({ value: p, label: PRODUCT_LABELS[p] })) },
    { kind: "text", name: "requestedAmount", label: "Amount requested (US dollars)", required: true, inputMode: "decimal", defaultValue: current?.requestedAmount, width: "max-w-sm" },
    {
      kind: "text",
      name: "eligibleForeignContent",
      label: "Eligible foreign content (US dollars)",
      required: true,
      inputMode: "decimal",
      defaultValue: current?.eligibleForeignContent ?? "0",
      hint: "The part of the package's foreign content EXIM accepts; never more than the foreign content. With the US content it makes the net contract price. Enter 0 if none.",
      width: "max-w-sm",
    },
    {
      kind: "text",
      name: "localCosts",
      label: "Local costs (US dollars)",
      required: true,
      inputMode: "decimal",
      defaultValue: current?.localCosts ?? "0",
      hint: "Costs in the destination country, beyond the line items. EXIM supports them up to a share of the export value. Enter 0 if none.",
      width: "max-w-sm",
    },
    { kind: "text", name: "repaymentYears", label: "Repayment term (years)", required: true, inputMode: "numeric", defaultValue: current?.repaymentYears, width: "max-w-xs" },
    { kind: "select", name: "obligorSector", label: "Obligor sector", required: true, defaultValue: current?.obligorSector ?? "PRIVATE", options: Object.values(ObligorSector).map((s) => ({ value: s, label: OBLIGOR_SECTOR_LABELS[s] })) },
  ];
}
