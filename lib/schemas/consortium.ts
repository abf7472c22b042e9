// Inputs of the consortium workspace: one schema each, shared by form and server.
import { z } from "zod";
import { StackLayer } from "@/lib/generated/prisma/enums";
import { newPasswordProblem } from "@/lib/passwords";
import { id, optionalText, requiredText } from "./fields";

const countryCode = (label: string) => z.string({ error: `Choose ${label}.` }).trim().regex(/^[A-Z]{2}$/, `Choose ${label} from the list.`);
const optionalCountryCode = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.string().regex(/^[A-Z]{2}$/, "Choose the country from the list.").nullable());

/**
 * SAM.gov Unique Entity ID: 12 characters, capital letters and digits, without
 * the letters O and I (they read like 0 and 1), not starting with 0.
 */
export const UEI_PATTERN = /^[A-HJ-NP-Z1-9][A-HJ-NP-Z0-9]{11}$/;
/** IRS Employer Identification Number: NN-NNNNNNN. */
export const EIN_PATTERN = /^\d{2}-\d{7}$/;

const uei = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.string().regex(UEI_PATTERN, "A Unique Entity ID is 12 letters and digits, without the letters O and I, like J7M9HPTGJ1S9.").nullable());

const ein = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value.replace(/^(\d{2})(\d{7})$/, "$1-$2") : null))
  .pipe(z.string().regex(EIN_PATTERN, "An Employer Identification Number is 9 digits written NN-NNNNNNN, like 12-3456789.").nullable());

/** One checkbox per layer, named `layer:<LAYER>`, ticked as "on". */
export const LAYER_FIELD_PREFIX = "layer:";
const layers = z.array(z.enum(StackLayer));

/** Gathers the ticked layer checkboxes into `layersSupplied` before the schema reads the form. */
function withLayers<S extends z.ZodType>(schema: S) {
  return z.preprocess((raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const values = raw as Record<string, unknown>;
    const ticked = Object.keys(values)
      .filter((key) => key.startsWith(LAYER_FIELD_PREFIX) && values[key] === "on")
      .map((key) => key.slice(LAYER_FIELD_PREFIX.length));
    return { ...values, layersSupplied: ticked };
  }, schema);
}

export const organizationFields = {
  legalName: requiredText("the organization's legal name", 300),
  countryOfIncorporationCode: countryCode("the country of incorporation"),
  headquartersCountryCode: countryCode("the headquarters country"),
  ultimateParentName: optionalText("the ultimate parent", 300),
  ultimateParentCountryCode: optionalCountryCode,
  uei,
  ein,
};

export const createConsortiumSchema = withLayers(
  z.object({
    name: requiredText("the consortium's name", 200),
    ...organizationFields,
    layersSupplied: layers,
  }),
);
export type CreateConsortiumInput = z.output<typeof createConsortiumSchema>;

export const memberSchema = withLayers(
  z.object({
    consortiumId: id,
    ...organizationFields,
    layersSupplied: layers,
  }),
);
export type MemberInput = z.output<typeof memberSchema>;

export const membershipSchema = z.object({ consortiumId: id, membershipId: id });

const seatRole = z.enum(["LEAD", "CONTRIBUTOR", "VIEWER"], { error: "Choose what this person may do." });

export const invitePersonSchema = z.object({
  consortiumId: id,
  email: z.string().trim().toLowerCase().email("Enter an email address, like name@example.com.").max(320),
  seatRole,
});

const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This invitation link is not complete: open it again from the message.");

export const acceptInvitationSchema = z
  .object({
    token: invitationToken,
    name: requiredText("your full name", 200),
    password: z.string().superRefine((value, ctx) => {
      const problem = newPasswordProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords are not the same." });

export const acceptSignedInSchema = z.object({ token: invitationToken });
export const seatChangeSchema = z.object({ consortiumId: id, userId: id, seatRole });
export const personSchema = z.object({ consortiumId: id, userId: id });
export const invitationIdSchema = z.object({ consortiumId: id, invitationId: id });
