// The fields that describe a member organization, shared by the "create a
// consortium" and "add a member" forms.
import type { FieldSpec } from "@/components/form/action-form";
import { LAYER_LABELS } from "@/lib/proposals/completeness";
import { LAYER_FIELD_PREFIX } from "@/lib/schemas/consortium";

export function organizationFieldSpecs(countries: ReadonlyArray<{ code: string; name: string }>): FieldSpec[] {
  const options = countries.map((c) => ({ value: c.code, label: c.name }));
  return [
    { kind: "text", name: "legalName", label: "Legal name", hint: "As registered, e.g. in SAM.gov.", required: true, autoComplete: "organization" },
    { kind: "select", name: "countryOfIncorporationCode", label: "Country of incorporation", required: true, options, placeholder: "Choose a country" },
    { kind: "select", name: "headquartersCountryCode", label: "Headquarters country", required: true, options, placeholder: "Choose a country" },
    { kind: "text", name: "ultimateParentName", label: "Ultimate parent", hint: "The company at the top of the ownership chain, if it is another." },
    { kind: "select", name: "ultimateParentCountryCode", label: "Ultimate parent's country", options, placeholder: "Choose a country" },
    { kind: "text", name: "uei", label: "Unique Entity ID (UEI)", hint: "12 letters and digits from SAM.gov, like J7M9HPTGJ1S9.", width: "w-56" },
    { kind: "text", name: "ein", label: "Employer Identification Number (EIN)", hint: "NN-NNNNNNN, like 12-3456789.", inputMode: "numeric", width: "w-56" },
    { kind: "heading", text: "Stack layers it supplies" },
    ...(Object.keys(LAYER_LABELS) as Array<keyof typeof LAYER_LABELS>).map((layer): FieldSpec => ({ kind: "checkbox", name: `${LAYER_FIELD_PREFIX}${layer}`, label: LAYER_LABELS[layer] })),
  ];
}
