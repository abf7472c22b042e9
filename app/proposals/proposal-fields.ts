// Field descriptions for the proposal forms; names match the inputs' zod schemas.
import type { FieldSpec } from "@/components/form/action-form";
import { FinancingProduct, ObligorSector, type StackLayer } from "@/lib/generated/prisma/enums";
import { OBLIGOR_SECTOR_LABELS, PRODUCT_LABELS } from "@/lib/financing/labels";
import { destinationField, MAX_DESTINATIONS } from "@/lib/schemas/builder";

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

/** The overview step: one select per destination, and one more to add another. */
export function overviewFields(
  countries: Array<Country & { region: string }>,
  current: { title: string; summary: string; destinationCountryCodes: string[] },
): FieldSpec[] {
  const options = countries.map((c) => ({ value: c.code, label: `${c.name} (${c.region})` }));
  const codes = current.destinationCountryCodes;
  return [
    { kind: "text", name: "title", label: "Title", required: true, defaultValue: current.title, hint: "For example: Sovereign AI compute campus, Abu Dhabi." },
    { kind: "textarea", name: "summary", label: "Summary", required: true, defaultValue: current.summary, hint: "What the package is, who it is for, and what it will do." },
    { kind: "heading", text: "Destination countries" },
    ...[...codes, ""].slice(0, MAX_DESTINATIONS).map(
      (code, index): FieldSpec => ({
        kind: "select",
        name: destinationField(index),
        label: index === 0 ? "Destination country" : index < codes.length ? `Destination country ${index + 1}` : "Add another destination",
        // The first is needed to submit; the others are extra, and choosing "None" removes one.
        required: index === 0,
        placeholder: index === 0 ? "Choose a country" : "None",
        defaultValue: code,
        hint: index === 0 ? "Shown with its region. Name every country the package goes to; each gets its own license determination." : undefined,
        options,
      }),
    ),
  ];
}

/** A line item's fields for one layer: hardware also carries its export classification. */
export function lineItemFieldsFor(
  layer: StackLayer,
  suppliers: Array<{ id: string; legalName: string }>,
  current: Partial<Record<"description" | "supplierOrganizationId" | "manufacturer" | "model" | "quantity" | "unitPrice" | "usContent" | "eccn" | "totalProcessingPerformance" | "performanceDensity", string>> & { designedForDataCenter?: boolean } = {},
): FieldSpec[] {
  const fields: FieldSpec[] = [
    { kind: "text", name: "description", label: "Description", required: true, defaultValue: current.description, hint: layer === "HARDWARE" ? "For example: 8-GPU accelerator servers." : undefined },
    {
      kind: "select",
      name: "supplierOrganizationId",
      label: "Supplying member",
      required: true,
      placeholder: "Choose a member organization",
      defaultValue: current.supplierOrganizationId,
      hint: "The consortium member that supplies this item. You can save without it, but not submit.",
      options: suppliers.map((s) => ({ value: s.id, label: s.legalName })),
    },
    { kind: "text", name: "manufacturer", label: "Manufacturer", defaultValue: current.manufacturer },
    { kind: "text", name: "model", label: "Model", defaultValue: current.model },
    { kind: "text", name: "quantity", label: "Quantity", required: true, inputMode: "numeric", width: "max-w-xs", defaultValue: current.quantity },
    { kind: "text", name: "unitPrice", label: "Unit price (US dollars)", required: true, inputMode: "decimal", hint: "For example: 380,000.00", width: "max-w-xs", defaultValue: current.unitPrice },
    {
      kind: "text",
      name: "usContent",
      label: "US-origin content (%)",
      required: true,
      inputMode: "decimal",
      hint: "Share of the item's value made in the United States, 0 to 100.",
      width: "max-w-xs",
      defaultValue: current.usContent,
    },
  ];
  if (layer !== "HARDWARE") return fields;
  return [
    ...fields,
    { kind: "heading", text: "Export classification" },
    { kind: "text", name: "eccn", label: "ECCN", required: true, hint: "The Export Control Classification Number. For example: 3A090, 4A090, 5A992.z or EAR99.", width: "max-w-xs", defaultValue: current.eccn },
    {
      kind: "text",
      name: "totalProcessingPerformance",
      label: "Total processing performance (TPP)",
      inputMode: "numeric",
      width: "max-w-xs",
      hint: "For chips and the computers holding them.",
      defaultValue: current.totalProcessingPerformance,
    },
    { kind: "text", name: "performanceDensity", label: "Performance density", inputMode: "decimal", width: "max-w-xs", defaultValue: current.performanceDensity },
    { kind: "checkbox", name: "designedForDataCenter", label: "Designed or marketed for data centers", defaultValue: current.designedForDataCenter },
  ];
}

/** The operations step: who builds, owns and operates the data centers, and the security plan. */
export function operationsFields(
  countries: Country[],
  current: Partial<Record<"builderName" | "builderCountryCode" | "ownerName" | "ownerCountryCode" | "operatorName" | "operatorCountryCode" | "securityPlan", string>>,
): FieldSpec[] {
  const options = countries.map((c) => ({ value: c.code, label: c.name }));
  const party = (key: "builder" | "owner" | "operator", title: string, hint: string): FieldSpec[] => [
    { kind: "heading", text: title },
    { kind: "text", name: `${key}Name`, label: `${title}: legal name`, required: true, defaultValue: current[`${key}Name`], hint },
    { kind: "select", name: `${key}CountryCode`, label: `${title}: country`, required: true, placeholder: "Choose a country", defaultValue: current[`${key}CountryCode`], options },
  ];
  return [
    ...party("builder", "Data-center builder", "The company that builds the data centers."),
    ...party("owner", "Data-center owner", "The company that owns the data centers and the equipment in them."),
    ...party("operator", "Data-center operator", "The company that runs the data centers day to day."),
    { kind: "heading", text: "Security" },
    {
      kind: "textarea",
      name: "securityPlan",
      label: "Security and cybersecurity plan",
      required: true,
      rows: 8,
      defaultValue: current.securityPlan,
      hint: "Physical security, access control, supply-chain security, monitoring and incident response, and how model weights are protected.",
    },
  ];
}

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
