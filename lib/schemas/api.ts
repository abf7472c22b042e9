// Inputs and answers of the public API (/api/v1): one zod schema each, which
// also generate the OpenAPI document (lib/api/openapi.ts), so the two can't drift.
import { z } from "zod";
import { PartyRole } from "@/lib/generated/prisma/enums";
import { eccnCode } from "./fields";

const countryCode = z.string().regex(/^[A-Z]{2}$/, "Give an ISO 3166-1 alpha-2 country code in capitals, like AE.");

export const apiEccn = eccnCode()
  .meta({ description: "Export Control Classification Number, e.g. 3A090.a, 4A090, 5A992.z or EAR99.", examples: ["3A090.a"] });

export const determinationRequestSchema = z
  .object({
    items: z
      .array(
        z.object({
          eccn: apiEccn.nullable().optional(),
          totalProcessingPerformance: z.number().min(0).max(100_000_000).nullable().optional().meta({ description: "Total processing performance (TPP)." }),
          performanceDensity: z.number().min(0).max(1_000_000).nullable().optional(),
          description: z.string().max(500).optional(),
        }),
      )
      .min(1, "List at least one item.")
      .max(500),
    destinations: z.array(countryCode).min(1, "List at least one destination.").max(50),
    parties: z
      .array(
        z.object({
          role: z.enum(PartyRole),
          name: z.string().trim().min(1).max(300).optional(),
          countryCode: countryCode,
          headquartersCountryCode: countryCode.nullable().optional(),
          parentCountryCode: countryCode.nullable().optional(),
        }),
      )
      .max(50)
      .default([]),
  })
;
export type DeterminationRequest = z.output<typeof determinationRequestSchema>;

export const determinationResponseSchema = z
  .object({
    determinations: z.array(
      z.object({
        countryCode: z.string(),
        licenseRequired: z.boolean(),
        reasons: z.array(z.string()),
        ruleVersion: z.number().int().positive().meta({ description: "Number of the export-control rules version (country groups, controlled ECCNs, chip thresholds) the answer rests on." }),
        ruleVersionEffectiveFrom: z.string().meta({ description: "When that rules version took effect (ISO 8601)." }),
      }),
    ),
  })
;

export const screeningRequestSchema = z
  .object({ names: z.array(z.string().trim().min(1, "A name can't be empty.").max(300)).min(1, "List at least one name.") })
;

export const screeningResponseSchema = z
  .object({
    listVersion: z.string().nullable().meta({ description: "The Consolidated Screening List's date and size, or null when none is loaded." }),
    threshold: z.number().int(),
    results: z.array(
      z.object({
        name: z.string(),
        matches: z.array(z.object({ name: z.string(), score: z.number().int().min(0).max(100), source: z.string(), entryName: z.string() })),
      }),
    ),
  })
;

export const problemSchema = z
  .object({
    error: z.string(),
    problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
;
