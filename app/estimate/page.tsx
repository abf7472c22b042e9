// The public financing estimator: no sign-in, and the form works without
// JavaScript (a GET form; the server renders the figures).
import type { Metadata } from "next";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { SelectField, TextField } from "@/components/form/fields";
import { db } from "@/lib/db";
import { estimateFromQuery, estimatorCountries } from "@/lib/financing/estimate";
import { PRODUCT_LABELS } from "@/lib/financing/labels";
import { TERM_LABELS } from "@/lib/financing/rules";
import { fieldId } from "@/lib/forms";
import { FinancingProduct } from "@/lib/generated/prisma/enums";
import { formatCents, parseDollarsToCents } from "@/lib/money";

type Query = Record<string, string | string[] | undefined>;

// One estimate per request: the tab's title (which says "Error:" when the input
// was refused) and the page share it. Keyed by the query's text.
const estimateOf = cache((key: string) => estimateFromQuery(db(), Object.fromEntries(JSON.parse(key) as Array<[string, string | string[] | undefined]>)));
const keyOf = (query: Query) => JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  const outcome = await estimateOf(keyOf(await searchParams));
  return { title: outcome.kind === "invalid" ? "Error: Financing estimator" : "Financing estimator" };
}

/** The schema speaks to API clients in codes; the form's lists offer names. */
const FORM_MESSAGES: Record<string, string> = {
  product: "Choose a financing product.",
  destinationCountryCode: "Choose the destination country.",
};

const LABELS: Record<string, string> = {
  contractPrice: "Contract price",
  usContent: "US content",
  eligibleForeignContent: "Eligible foreign content",
  localCosts: "Local costs",
  requestedAmount: "Amount to finance",
  product: "Financing product",
  repaymentYears: "Repayment term",
  startingPoint: "Starting point",
  destinationCountryCode: "Destination",
};

/** The estimate's decimal dollars, shown exactly (through cents, never a float). */
const usd = (decimal: string) => formatCents(parseDollarsToCents(decimal) ?? 0n);

export default async function EstimatorPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const [outcome, countries] = await Promise.all([estimateOf(keyOf(query)), estimatorCountries(db())]);
  const value = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : undefined);
  const errors = outcome.kind === "invalid" ? Object.fromEntries(Object.entries(outcome.fieldErrors).map(([name, message]) => [name, FORM_MESSAGES[name] ?? message])) : {};
  const csvHref = `/estimate/schedule.csv?${new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])))}`;

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Financing estimator</h1>
      <p className="mb-6 max-w-3xl">
        Enter how your contract splits, the product and the repayment term: see what EXIM may finance, the cash the buyer pays, the term, a repayment
        schedule and every program rule the ask breaks. Nothing you enter is saved. The same estimate is available as JSON at{" "}
        <code>POST /api/v1/financing/estimate</code> (see <a href="/api/v1/openapi.json">the API description</a>).
      </p>

      {outcome.kind === "invalid" ? (
        <div role="alert" aria-labelledby="estimate-errors" className="mb-6 border-l-8 border-[var(--color-error)] bg-red-50 p-4">
          <h2 id="estimate-errors" className="text-lg font-bold">
            There is a problem with what you entered
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {Object.entries(errors).map(([name, message]) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`}>
                  {LABELS[name] ? `${LABELS[name]}: ` : ""}
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <form method="get" action="/estimate" className="card mb-8 max-w-3xl" aria-label="Estimate financing" noValidate>
        <fieldset className="mb-2">
          <legend className="mb-3 text-xl font-bold">The contract (US dollars)</legend>
          <TextField name="contractPrice" label={LABELS.contractPrice!} required inputMode="decimal" width="max-w-sm" defaultValue={value("contractPrice")} error={errors.contractPrice} hint="US content + foreign content + local costs, like 150,000,000.00." />
          <TextField name="usContent" label={LABELS.usContent!} required inputMode="decimal" width="max-w-sm" defaultValue={value("usContent")} error={errors.usContent} />
          <TextField name="eligibleForeignContent" label={LABELS.eligibleForeignContent!} required inputMode="decimal" width="max-w-sm" defaultValue={value("eligibleForeignContent") ?? "0"} error={errors.eligibleForeignContent} hint="The part of the foreign content EXIM accepts; never more than the foreign content." />
          <TextField name="localCosts" label={LABELS.localCosts!} inputMode="decimal" width="max-w-sm" defaultValue={value("localCosts")} error={errors.localCosts} hint="Costs in the destination country. Leave empty if none." />
        </fieldset>
        <fieldset className="mb-2">
          <legend className="mb-3 text-xl font-bold">The financing</legend>
          <TextField name="requestedAmount" label={LABELS.requestedAmount!} inputMode="decimal" width="max-w-sm" defaultValue={value("requestedAmount")} error={errors.requestedAmount} hint="Leave empty to use the most EXIM may finance." />
          <SelectField name="product" label={LABELS.product!} required defaultValue={value("product")} error={errors.product} placeholder="Choose a product" options={Object.values(FinancingProduct).map((p) => ({ value: p, label: PRODUCT_LABELS[p] }))} />
          <TextField name="repaymentYears" label={`${LABELS.repaymentYears} (years)`} required inputMode="numeric" width="max-w-xs" defaultValue={value("repaymentYears")} error={errors.repaymentYears} />
          <TextField name="startingPoint" label={LABELS.startingPoint!} required type="date" width="max-w-xs" defaultValue={value("startingPoint")} error={errors.startingPoint} hint="Shipment or project completion, like 2027-01-15. The first installment falls six months later." />
          <SelectField name="destinationCountryCode" label={LABELS.destinationCountryCode!} required defaultValue={value("destinationCountryCode")} error={errors.destinationCountryCode} placeholder="Choose a country" options={countries.map((c) => ({ value: c.code, label: c.name }))} />
        </fieldset>
        <button type="submit" className="button">
          Estimate
        </button>
      </form>

      {outcome.kind === "estimate" ? (
        <section aria-labelledby="estimate-result">
          <h2 id="estimate-result" className="mb-3 text-2xl font-bold">
            The estimate
          </h2>
          {outcome.estimate.problems.length > 0 ? (
            <div className="mb-6 border-l-8 border-[var(--color-error)] bg-red-50 p-4">
              <h3 className="text-lg font-bold">Rules this ask breaks</h3>
              <ul className="mt-2 list-disc pl-6" aria-label="Rules this ask breaks">
                {outcome.estimate.problems.map((problem) => (
                  <li key={problem.message}>{problem.message}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4 font-semibold">The ask meets every program rule checked here.</p>
          )}
          <dl className="card mb-6 grid max-w-3xl grid-cols-2 gap-3">
            <dt>Net contract price</dt>
            <dd>{usd(outcome.estimate.netContractPrice)}</dd>
            <dt>Minimum cash payment</dt>
            <dd>{usd(outcome.estimate.minimumCashPayment)}</dd>
            <dt>Most EXIM may finance</dt>
            <dd>
              {usd(outcome.estimate.maximumFinanced)}{" "}
              <span className="block text-sm">
                {outcome.estimate.bindingLimit === "usContent" ? "100% of US content binds" : "85% of the net contract price binds"}
                {outcome.estimate.supportedLocalCosts !== "0.00" ? `, plus ${usd(outcome.estimate.supportedLocalCosts)} of local costs` : ""}
              </span>
            </dd>
            <dt>US content share</dt>
            <dd>{outcome.estimate.usContentShare}% of the export value</dd>
            <dt>Amount financed</dt>
            <dd>{usd(outcome.estimate.financedAmount)}</dd>
            <dt>Term</dt>
            <dd>{TERM_LABELS[outcome.estimate.term]}</dd>
            <dt>Products for this term</dt>
            <dd>{outcome.estimate.allowedProducts.map((p) => PRODUCT_LABELS[p]).join(", ")}</dd>
            <dt>CIRR for this term</dt>
            <dd>{outcome.estimate.cirrRate ? `${outcome.estimate.cirrRate}% a year (applies to direct loans)` : "Not published"}</dd>
            <dt>Exposure fee (paid up front)</dt>
            <dd>{outcome.estimate.exposureFee ? `${outcome.estimate.exposureFee.rate}%: ${usd(outcome.estimate.exposureFee.amount)}` : "Not in the fee grid"}</dd>
          </dl>
          <h3 className="mb-2 text-xl font-bold">Repayment schedule</h3>
          {outcome.estimate.schedule.length > 0 ? (
            <>
              <p className="mb-2">
                <a href={csvHref} download>
                  Download the schedule as CSV
                </a>
              </p>
              <DataTable caption="Repayment schedule: equal semi-annual principal installments" columns={["Installment", "Due", "Principal", "Interest"]}>
                {outcome.estimate.schedule.map((row, index) => (
                  <tr key={row.dueDate}>
                    <td>{index + 1}</td>
                    <td>{row.dueDate}</td>
                    <td>{usd(row.principal)}</td>
                    <td>{usd(row.interest)}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : (
            <p>No schedule: nothing would be financed.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
