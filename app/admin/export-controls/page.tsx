import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { ActionForm, type FieldSpec } from "@/components/form/action-form";
import { Pagination } from "@/components/pagination";
import { formatDateTime } from "@/lib/dates";
import { db } from "@/lib/db";
import { groupsOf, RULE_LABELS } from "@/lib/licensing/rules";
import { exportControlsOverview, listRulesVersions } from "@/lib/licensing/rules-versions";
import { pageRequestParams } from "@/lib/pagination";
import { groupFieldName } from "@/lib/schemas/export-controls";
import { requirePageActor } from "@/lib/session";
import { changeCountryGroupsAction, changeDeterminationRulesAction } from "./actions";

export const metadata: Metadata = { title: "Export-control rules" };

const REASON: FieldSpec = {
  kind: "textarea",
  name: "reason",
  label: "Reason for the change",
  required: true,
  rows: 2,
  hint: "Recorded with the new version and shown to reviewers, e.g. the Federal Register notice it implements.",
};

type Search = { country?: string; after?: string; before?: string };

export default async function ExportControlsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const actor = await requirePageActor("settings:manage", "/admin/export-controls");
  const [{ current, summary, countries, groups }, versions] = await Promise.all([
    exportControlsOverview(db(), actor),
    listRulesVersions(db(), actor, pageRequestParams(search)),
  ]);
  const rules = current.rules;
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const chosen = search.country && names.has(search.country) ? search.country : null;
  const grouped = Object.keys(rules.countryGroups)
    .filter((code) => names.has(code))
    .sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
  const list = (key: keyof typeof RULE_LABELS) => (rules[key] as readonly (string | number)[]).join(", ");
  const hidden = { baseVersion: String(current.number) };

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Export-control rules</h1>
      <p className="mb-4 max-w-3xl">
        The rules the license determination applies: every country&apos;s export-control groups (15 CFR 740 supplement 1), the controlled ECCNs and the
        chip thresholds. Each change makes a new numbered version, in force at once, with who made it and why; versions are never edited, and each license
        request records the version it was derived with.
      </p>
      <p className="card mb-8" data-testid="rules-in-force">
        In force: <strong>version {current.number}</strong>, effective {formatDateTime(summary.effectiveFrom)}, changed by{" "}
        {summary.createdBy?.name ?? "the reference data load"} because: {summary.reason}
      </p>

      <section aria-labelledby="country-groups" className="mb-10">
        <h2 id="country-groups" className="mb-2 text-2xl font-bold">
          Country groups
        </h2>
        <form method="get" action="/admin/export-controls#country-groups" className="mb-6 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="choose-country" className="block font-semibold">
              Country
            </label>
            <select id="choose-country" name="country" defaultValue={chosen ?? ""} className="input">
              <option value="" disabled>
                Choose a country
              </option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-secondary">
            Show its groups
          </button>
        </form>
        {chosen ? (
          <div className="card mb-6 max-w-2xl">
            <h3 className="mb-3 text-xl font-bold">Groups of {names.get(chosen)}</h3>
            <ActionForm
              key={chosen}
              action={changeCountryGroupsAction}
              label={`Change the country groups of ${names.get(chosen)}`}
              submitLabel="Save as a new version"
              hidden={{ ...hidden, countryCode: chosen }}
              fields={[
                ...groups.map(
                  (group): FieldSpec => ({
                    kind: "checkbox",
                    name: groupFieldName(group.code),
                    label: `${group.code}: ${group.description}`,
                    defaultValue: groupsOf(rules, chosen).includes(group.code),
                  }),
                ),
                REASON,
              ]}
            />
          </div>
        ) : null}
        <DataTable caption={`Countries in a country group under version ${current.number}`} columns={["Country", "Groups", ""]}>
          {grouped.map((code) => (
            <tr key={code}>
              <td>
                {names.get(code)} ({code})
              </td>
              <td>{groupsOf(rules, code).join(", ")}</td>
              <td>
                <Link href={`/admin/export-controls?country=${code}#country-groups`}>
                  Change<span className="sr-only"> the groups of {names.get(code)}</span>
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
        <p className="mt-2 text-sm text-[var(--color-muted)]">The other {countries.length - grouped.length} countries are in no group.</p>
      </section>

      <section aria-labelledby="determination-rules" className="mb-10">
        <h2 id="determination-rules" className="mb-2 text-2xl font-bold">
          Controlled ECCNs and thresholds
        </h2>
        <div className="card max-w-3xl">
          <ActionForm
            action={changeDeterminationRulesAction}
            label="Change the controlled ECCNs and thresholds"
            submitLabel="Save as a new version"
            hidden={hidden}
            fields={[
              { kind: "text", name: "controlledEccns", label: RULE_LABELS["licensing.controlledEccns"], required: true, defaultValue: list("licensing.controlledEccns"), hint: "Separated by commas. An entry covers its paragraphs: 3A090 covers 3A090.a." },
              { kind: "text", name: "controlledEccnSuffixes", label: RULE_LABELS["licensing.controlledEccnSuffixes"], defaultValue: list("licensing.controlledEccnSuffixes"), hint: "Items whose last paragraph is one of these (.z) meet the advanced-computing parameters.", width: "max-w-xs" },
              { kind: "text", name: "advancedChipTppThreshold", label: RULE_LABELS["licensing.advancedChipTppThreshold"], required: true, inputMode: "decimal", defaultValue: String(rules["licensing.advancedChipTppThreshold"]), width: "max-w-xs" },
              { kind: "text", name: "advancedChipDensityTppThreshold", label: RULE_LABELS["licensing.advancedChipDensityTppThreshold"], required: true, inputMode: "decimal", defaultValue: String(rules["licensing.advancedChipDensityTppThreshold"]), width: "max-w-xs" },
              { kind: "text", name: "advancedChipPerformanceDensityThreshold", label: RULE_LABELS["licensing.advancedChipPerformanceDensityThreshold"], required: true, inputMode: "decimal", defaultValue: String(rules["licensing.advancedChipPerformanceDensityThreshold"]), width: "max-w-xs" },
              { kind: "text", name: "licenseRequiredCountryGroups", label: RULE_LABELS["licensing.licenseRequiredCountryGroups"], defaultValue: list("licensing.licenseRequiredCountryGroups"), width: "max-w-md" },
              { kind: "text", name: "exemptingCountryGroups", label: RULE_LABELS["licensing.exemptingCountryGroups"], defaultValue: list("licensing.exemptingCountryGroups"), width: "max-w-md" },
              { kind: "text", name: "worldwideRuleCountryGroups", label: RULE_LABELS["licensing.worldwideRuleCountryGroups"], defaultValue: list("licensing.worldwideRuleCountryGroups"), hint: "An end user or consignee headquartered or owned here needs a license everywhere.", width: "max-w-md" },
              { kind: "text", name: "worldwideRuleCountries", label: RULE_LABELS["licensing.worldwideRuleCountries"], defaultValue: list("licensing.worldwideRuleCountries"), hint: "Two-letter codes, e.g. MO for Macau.", width: "max-w-md" },
              REASON,
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions" className="mb-2 text-2xl font-bold">
          Versions
        </h2>
        <DataTable caption="Export-control rules versions, newest first" columns={["Version", "Effective", "Changed by", "Reason", "Changes"]}>
          {versions.rows.map((version) => (
            <tr key={version.id}>
              <td>{version.number}</td>
              <td>{formatDateTime(version.effectiveFrom)}</td>
              <td>{version.createdBy?.name ?? "Reference data load"}</td>
              <td>{version.reason}</td>
              <td>
                {Array.isArray(version.changes) && version.changes.length > 0 ? (
                  <ul className="list-disc pl-5">
                    {(version.changes as string[]).map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                ) : (
                  "First version"
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <Pagination next={versions.next} previous={versions.previous} basePath="/admin/export-controls" params={{ country: chosen ?? undefined }} />
      </section>
    </>
  );
}
