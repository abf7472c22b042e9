// The builder's steps, each in two strengths. The LOOSE schema reads a step's form
// when it is saved: it refuses only what can't be stored (a malformed amount, an
// unknown layer) and lets a draft be incomplete. The STRICT schema reads what is
// stored and says what submission still needs; on save its issues come back as
// warnings, and on submit they are the checklist (lib/proposals/builder.ts).
import { z } from "zod";
import { StackLayer } from "@/lib/generated/prisma/enums";
import { financingRequestSchema, lineItemSchema } from "./proposal";
import { id, optionalText, requiredText } from "./fields";

const expectedVersion = z.coerce.number({ error: "Reload the page and try again." }).int().min(1, "Reload the page and try again.");

/** The destination selects are named destination0, destination1, ... (a form posts one value per name). */
export const DESTINATION_FIELD = /^destination(\d+)$/;
export const MAX_DESTINATIONS = 20;
export const destinationField = (index: number) => `destination${index}`;

const countryCode = /^[A-Z]{2}$/;

/** Overview, on save: a title (how the draft is known), any summary, any number of destinations. */
export const overviewLooseSchema = z
  .object({
    proposalId: id,
    expectedVersion,
    title: requiredText("a title", 200),
    summary: optionalText("the summary", 5000).transform((value) => value ?? ""),
  })
  .catchall(z.string())
  // Checked even when the title failed, so every problem shows at once.
  .superRefine(
    (input, ctx) => {
      const codes: string[] = [];
      for (const { key, value } of destinationEntries(input)) {
        if (!value) continue;
        if (!countryCode.test(value)) ctx.addIssue({ code: "custom", path: [key], message: "Choose a destination country from the list." });
        else if (codes.includes(value)) ctx.addIssue({ code: "custom", path: [key], message: "This country is already a destination; choose another or leave it empty." });
        else codes.push(value);
      }
      if (codes.length > MAX_DESTINATIONS) ctx.addIssue({ code: "custom", path: [destinationField(0)], message: `Name at most ${MAX_DESTINATIONS} destinations.` });
    },
    { when: () => true },
  )
  .transform((input) => ({
    proposalId: input.proposalId,
    expectedVersion: input.expectedVersion,
    title: input.title,
    summary: input.summary,
    destinationCountryCodes: destinationEntries(input)
      .map((entry) => entry.value)
      .filter((value) => value !== ""),
  }));

/** The destination selects' values in the order of their numbers. */
function destinationEntries(input: Record<string, unknown>) {
  return Object.entries(input)
    .map(([key, value]) => ({ key, match: DESTINATION_FIELD.exec(key), value: typeof value === "string" ? value.trim() : "" }))
    .filter((entry) => entry.match !== null)
    .sort((a, b) => Number(a.match![1]) - Number(b.match![1]));
}
export type OverviewInput = z.output<typeof overviewLooseSchema>;

/** Overview, to submit. */
export const overviewStrictSchema = z.object({
  title: z.string().trim().min(1, "Give the proposal a title."),
  summary: z.string().trim().min(1, "Write a summary of the package."),
  destinationCountryCodes: z.array(z.string()).min(1, "Name at least one destination country."),
});

/** A line item, on save: what the table needs; the supplying member may come later. */
export const lineItemLooseSchema = lineItemSchema.and(
  z.object({
    expectedVersion: expectedVersion.optional(),
    supplierOrganizationId: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(id.nullable()),
  }),
);
export type LineItemStepInput = z.output<typeof lineItemLooseSchema>;

export const updateLineItemSchema = lineItemLooseSchema.and(z.object({ lineItemId: id }));
export type UpdateLineItemInput = z.output<typeof updateLineItemSchema>;

/** A line item, to submit: a supplying member, and hardware's export classification. */
export const lineItemStrictSchema = z
  .object({
    description: z.string(),
    layer: z.enum(StackLayer),
    supplierOrganizationId: z.string().nullable(),
    eccn: z.string().nullable(),
  })
  .superRefine((item, ctx) => {
    if (!item.supplierOrganizationId) {
      ctx.addIssue({ code: "custom", path: ["supplierOrganizationId"], message: `Name the member that supplies “${item.description}”.` });
    }
    if (item.layer === "HARDWARE" && !item.eccn) {
      ctx.addIssue({ code: "custom", path: ["eccn"], message: `Enter the export classification (ECCN) of “${item.description}”.` });
    }
  });

/** The data-center roles the operations step names: who builds, owns and operates. */
export const DATA_CENTER_ROLES = ["DATA_CENTER_BUILDER", "DATA_CENTER_OWNER", "DATA_CENTER_OPERATOR"] as const;
export type DataCenterRole = (typeof DATA_CENTER_ROLES)[number];
/** The form's field names for each role. */
export const DATA_CENTER_FIELDS: Record<DataCenterRole, { name: string; country: string; noun: string }> = {
  DATA_CENTER_BUILDER: { name: "builderName", country: "builderCountryCode", noun: "builder" },
  DATA_CENTER_OWNER: { name: "ownerName", country: "ownerCountryCode", noun: "owner" },
  DATA_CENTER_OPERATOR: { name: "operatorName", country: "operatorCountryCode", noun: "operator" },
};

const optionalCountry = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || countryCode.test(value), "Choose a country from the list.");

/** Operations, on save: any of the three parties and the plan; a name needs its country and back. */
export const operationsLooseSchema = z
  .object({
    proposalId: id,
    expectedVersion,
    builderName: optionalText("the builder's legal name", 300),
    builderCountryCode: optionalCountry,
    ownerName: optionalText("the owner's legal name", 300),
    ownerCountryCode: optionalCountry,
    operatorName: optionalText("the operator's legal name", 300),
    operatorCountryCode: optionalCountry,
    securityPlan: optionalText("the security plan", 20_000),
  })
  .superRefine((input, ctx) => {
    for (const { name, country, noun } of Object.values(DATA_CENTER_FIELDS)) {
      const named = input[name as keyof typeof input];
      const where = input[country as keyof typeof input];
      if (named && !where) ctx.addIssue({ code: "custom", path: [country], message: `Choose the country of the data-center ${noun}.` });
      if (!named && where) ctx.addIssue({ code: "custom", path: [name], message: `Enter the data-center ${noun}'s legal name, or clear its country.` });
    }
  });
export type OperationsInput = z.output<typeof operationsLooseSchema>;

/** Operations, to submit: all three parties named, and a security plan. */
export const operationsStrictSchema = z
  .object({
    roles: z.array(z.string()),
    securityPlan: z.string().nullable(),
  })
  .superRefine((value, ctx) => {
    for (const role of DATA_CENTER_ROLES) {
      const { name, noun } = DATA_CENTER_FIELDS[role];
      if (!value.roles.includes(role)) ctx.addIssue({ code: "custom", path: [name], message: `Name who is the data-center ${noun}.` });
    }
    if (!value.securityPlan?.trim()) ctx.addIssue({ code: "custom", path: ["securityPlan"], message: "Describe the security and cybersecurity plan." });
  });

/** Financing, on save: the ask as the form states it, against the version the user saw. */
export const financingLooseSchema = financingRequestSchema.extend({ expectedVersion: expectedVersion.optional() });

/** Financing, to submit: an ask exists (the program's rules on its figures are checked beside it). */
export const financingStrictSchema = z.object({ hasFinancingRequest: z.literal(true, { error: "State the financing you ask EXIM for." }) });

/** Each issue as a field and a message: the warnings of a save, the gaps of a submission. */
export function issuesOf(result: z.ZodSafeParseResult<unknown>): Array<{ field: string; message: string }> {
  return result.success ? [] : result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message }));
}
