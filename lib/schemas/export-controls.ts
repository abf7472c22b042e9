// An administrator's change to the export-control rules: one country's groups, or
// the determination's rules (controlled ECCNs, thresholds, the groups each rule
// looks at). Each carries the version it was made on and a required reason.
import { z } from "zod";
import { parseEccn } from "@/lib/licensing/eccn";
import { requiredText } from "./fields";

const baseVersion = z.coerce.number({ error: "Reload the page and try again." }).int().positive("Reload the page and try again.");
const reason = requiredText("the reason for the change", 1000);

/** A checkbox's name for a country group: "group-D5" for D:5. */
export const groupFieldName = (code: string) => `group-${code.replace(":", "")}`;
const GROUP_FIELD = /^group-([A-E])(\d)$/;

export const countryGroupsChangeSchema = z
  .looseObject({
    baseVersion,
    countryCode: z.string({ error: "Choose a country." }).regex(/^[A-Z]{2}$/, "Choose a country."),
    reason,
  })
  .transform(({ baseVersion, countryCode, reason, ...rest }) => ({
    baseVersion,
    countryCode,
    reason,
    groups: Object.entries(rest)
      .filter(([name, value]) => GROUP_FIELD.test(name) && value === "on")
      .map(([name]) => name.replace(GROUP_FIELD, "$1:$2"))
      .sort(),
  }));
export type CountryGroupsChange = z.output<typeof countryGroupsChangeSchema>;

/** A list typed as text: separated by commas, spaces or new lines. */
const listOf = (label: string, item: RegExp, example: string, { upper = true } = {}) =>
  z
    .string()
    .max(2000, `The ${label} must be 2,000 characters or fewer.`)
    .optional()
    .transform((text, ctx) => {
      const items = [...new Set((text ?? "").split(/[\s,;]+/).filter(Boolean).map((v) => (upper ? v.toUpperCase() : v.toLowerCase())))];
      const bad = items.filter((v) => !item.test(v));
      if (bad.length > 0) {
        ctx.addIssue({ code: "custom", message: `${bad.join(", ")} ${bad.length === 1 ? "is" : "are"} not ${example}.` });
        return z.NEVER;
      }
      return items;
    });

const groups = (label: string) => listOf(label, /^[A-E]:\d$/, "a country group (write them like D:1, D:5)");

const threshold = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .transform((text, ctx) => {
      const value = Number(text.replace(/,/g, ""));
      if (!/^\d[\d,]*(\.\d+)?$/.test(text) || !Number.isFinite(value) || value <= 0) {
        ctx.addIssue({ code: "custom", message: `The ${label} must be a number above zero, like 4800 or 5.92.` });
        return z.NEVER;
      }
      return value;
    });

export const determinationRulesChangeSchema = z.object({
  baseVersion,
  controlledEccns: z
    .string({ error: "Enter the controlled ECCNs." })
    .max(2000, "The controlled ECCNs must be 2,000 characters or fewer.")
    .transform((text, ctx) => {
      const entries = text.split(/[\s,;]+/).filter(Boolean);
      if (entries.length === 0) {
        ctx.addIssue({ code: "custom", message: "Enter at least one controlled ECCN, like 3A090." });
        return z.NEVER;
      }
      const normalized: string[] = [];
      for (const entry of entries) {
        const parsed = parseEccn(entry);
        if (!parsed.ok || parsed.eccn.isEar99) {
          ctx.addIssue({ code: "custom", message: parsed.ok ? "EAR99 items are never controlled; remove it." : `${entry}: ${parsed.message}` });
          return z.NEVER;
        }
        normalized.push(parsed.eccn.normalized);
      }
      return [...new Set(normalized)];
    }),
  controlledEccnSuffixes: listOf("controlled paragraphs", /^\.[a-z]$/, "a paragraph written like .z", { upper: false }),
  advancedChipTppThreshold: threshold("total processing performance threshold"),
  advancedChipDensityTppThreshold: threshold("total processing performance threshold for the density test"),
  advancedChipPerformanceDensityThreshold: threshold("performance density threshold"),
  licenseRequiredCountryGroups: groups("country groups needing a license"),
  exemptingCountryGroups: groups("exempting country groups"),
  worldwideRuleCountryGroups: groups("worldwide rule's country groups"),
  worldwideRuleCountries: listOf("worldwide rule's countries", /^[A-Z]{2}$/, "a two-letter country code, like MO"),
  reason,
});
export type DeterminationRulesChange = z.output<typeof determinationRulesChangeSchema>;
