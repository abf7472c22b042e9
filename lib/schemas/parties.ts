// Inputs of the parties step: one schema each, shared by the form and the server.
import { z } from "zod";
import { id, optionalText, requiredText } from "./fields";

/** The parties to the export (15 CFR 748.5). */
export const EXPORT_PARTY_ROLES = ["PURCHASER", "INTERMEDIATE_CONSIGNEE", "ULTIMATE_CONSIGNEE", "END_USER"] as const;
/** The roles a consortium names on the parties step: the export's parties, and the financing's lenders and guarantors. */
export const PARTY_FORM_ROLES = [...EXPORT_PARTY_ROLES, "LENDER", "GUARANTOR"] as const;

const countryCode = (label: string) =>
  z.string({ error: `Choose ${label}.` }).trim().regex(/^[A-Z]{2}$/, `Choose ${label}.`);

const optionalCountryCode = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^[A-Z]{2}$/.test(value), `Choose ${label}.`);

export const partySchema = z
  .object({
    proposalId: id,
    role: z.enum(PARTY_FORM_ROLES, { error: "Choose the party's role." }),
    name: requiredText("the party's legal name", 300),
    address: requiredText("the party's address", 1000),
    countryCode: countryCode("the country where the party is located"),
    headquartersCountryCode: countryCode("the country of the party's headquarters"),
    parentName: optionalText("the ultimate parent's name", 300),
    parentCountryCode: optionalCountryCode("the country of the ultimate parent"),
  })
  .refine((party) => party.parentName === null || party.parentCountryCode !== null, {
    path: ["parentCountryCode"],
    message: "Choose the country of the ultimate parent.",
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "parentCountryCode"),
  })
  .refine((party) => party.parentCountryCode === null || party.parentName !== null, {
    path: ["parentName"],
    message: "Enter the ultimate parent's name, or clear its country.",
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "parentName"),
  });
export type PartyInput = z.output<typeof partySchema>;

export const updatePartySchema = partySchema.and(z.object({ partyId: id }));
export type UpdatePartyInput = z.output<typeof updatePartySchema>;

export const removePartySchema = z.object({ proposalId: id, partyId: id });

export const specificEndUseSchema = z.object({
  proposalId: id,
  specificEndUse: requiredText("the specific end use", 4000),
});
