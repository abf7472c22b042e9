// Field descriptions for the parties step; names match lib/schemas/parties.ts.
import type { FieldSpec } from "@/components/form/action-form";
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";
import { PARTY_FORM_ROLES } from "@/lib/schemas/parties";

type Country = { code: string; name: string };
type Current = Partial<Record<"role" | "name" | "address" | "countryCode" | "headquartersCountryCode" | "parentName" | "parentCountryCode", string | null>>;

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export const PARTY_ROLE_HINTS: Record<(typeof PARTY_FORM_ROLES)[number], string> = {
  PURCHASER: "Buys the items under the contract.",
  INTERMEDIATE_CONSIGNEE: "Receives the items on their way to the ultimate consignee (a forwarder or integrator).",
  ULTIMATE_CONSIGNEE: "Receives the items for their end use, such as the data-center owner.",
  END_USER: "Uses the items: runs the data center or the AI services on it.",
  LENDER: "Lends to the buyer under EXIM's guarantee or beside its loan, such as a commercial bank.",
  GUARANTOR: "Guarantees the buyer's repayment, such as a finance ministry or a parent company.",
};

export function partyFields(countries: Country[], current: Current = {}): FieldSpec[] {
  const options = countries.map((c) => ({ value: c.code, label: c.name }));
  const value = (key: keyof Current) => current[key] ?? undefined;
  return [
    {
      kind: "radio",
      name: "role",
      label: "Role",
      required: true,
      defaultValue: value("role"),
      options: PARTY_FORM_ROLES.map((role) => ({ value: role, label: `${capitalized(PARTY_ROLE_LABELS[role])}: ${PARTY_ROLE_HINTS[role]}` })),
    },
    { kind: "text", name: "name", label: "Legal name", required: true, defaultValue: value("name"), hint: "As registered, with its legal form, e.g. Gulf Data Halls LLC." },
    { kind: "textarea", name: "address", label: "Address", required: true, defaultValue: value("address"), rows: 3 },
    { kind: "select", name: "countryCode", label: "Country where it is located", required: true, placeholder: "Choose a country", defaultValue: value("countryCode"), options },
    {
      kind: "select",
      name: "headquartersCountryCode",
      label: "Headquarters country",
      required: true,
      placeholder: "Choose a country",
      defaultValue: value("headquartersCountryCode"),
      hint: "Where the company is headquartered, which may differ from where it is located.",
      options,
    },
    { kind: "heading", text: "Ultimate parent" },
    { kind: "text", name: "parentName", label: "Ultimate parent's legal name", defaultValue: value("parentName"), hint: "Leave empty when the party has no parent company." },
    { kind: "select", name: "parentCountryCode", label: "Ultimate parent's headquarters country", placeholder: "No parent company", defaultValue: value("parentCountryCode"), options },
  ];
}
