// The public estimate and the dated reference tables, on a real database.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { estimateFinancing, estimateFromQuery, UnknownCountryError } from "@/lib/financing/estimate";
import { addReferenceVersion, loadReferenceTables, tablesInForce } from "@/lib/financing/reference-tables";
import type { Actor } from "@/lib/policy";
import { financingEstimateSchema } from "@/lib/schemas/estimate";
import { referenceVersionSchema } from "@/lib/schemas/reference-tables";
import { freshDatabase } from "./support/database";
import { createUser } from "./support/fixtures";

let client: Db;
let admin: Actor;
let officer: Actor;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  admin = await createUser(client, "ADMINISTRATOR");
  officer = await createUser(client, "EXIM_OFFICER");
});

const WORKED = {
  contractPrice: "150000000.00",
  usContent: "70000000.00",
  eligibleForeignContent: "10000000.00",
  localCosts: "0.00",
  requestedAmount: "68000000.00",
  product: "LOAN_GUARANTEE",
  repaymentYears: 10,
  startingPoint: "2027-01-15",
  destinationCountryCode: "AE",
};

describe("the financing estimate", () => {
  it("EXIM's worked example: NCP $80M, cash $12M, at most $68M, long-term, 20 installments, and the US-content rule it breaks", async () => {
    const estimate = await estimateFinancing(client, financingEstimateSchema.parse(WORKED));
    expect(estimate).toMatchObject({
      netContractPrice: "80000000.00",
      minimumCashPayment: "12000000.00",
      maximumFinanced: "68000000.00",
      bindingLimit: "netContractPrice",
      term: "LONG_TERM",
      allowedProducts: ["DIRECT_LOAN", "LOAN_GUARANTEE"],
      usContentShare: "46.66",
    });
    expect(estimate.schedule).toHaveLength(20);
    expect(estimate.schedule[0]).toEqual({ dueDate: "2027-07-15", principal: "3400000.00", interest: "0.00" });
    expect(estimate.problems).toEqual([{ field: "usContent", message: "US content is 46.66% of the export value; AI exports need at least 51%." }]);
  });

  it("without a requested amount, estimates the most EXIM may finance", async () => {
    const estimate = await estimateFinancing(client, financingEstimateSchema.parse({ ...WORKED, requestedAmount: undefined, usContent: "120000000.00", eligibleForeignContent: "30000000.00" }));
    // NCP $150M: 85% is $127.5M, but 100% of US content, $120M, binds.
    expect(estimate).toMatchObject({ financedAmount: "120000000.00", bindingLimit: "usContent" });
    expect(estimate.problems).toEqual([]);
  });

  it("an unknown country is a field problem", async () => {
    await expect(estimateFinancing(client, financingEstimateSchema.parse({ ...WORKED, destinationCountryCode: "ZZ" }))).rejects.toBeInstanceOf(UnknownCountryError);
    expect(await estimateFromQuery(client, { ...WORKED, repaymentYears: "10", destinationCountryCode: "ZZ" })).toMatchObject({
      kind: "invalid",
      fieldErrors: { destinationCountryCode: expect.stringContaining("No country with the code ZZ") },
    });
  });

  it("the page's query: empty values are left out, bad ones named by field", async () => {
    expect(await estimateFromQuery(client, {})).toEqual({ kind: "empty" });
    const outcome = await estimateFromQuery(client, { ...WORKED, repaymentYears: "ten", localCosts: "", contractPrice: "lots" });
    expect(outcome).toMatchObject({ kind: "invalid", fieldErrors: { repaymentYears: expect.any(String), contractPrice: "Enter the contract price in dollars, like 1,250,000.00." } });
  });
});

describe("dated reference tables", () => {
  it("an administrator adds a CIRR version; it is in force from its date, and the addition is audited", async () => {
    const version = await addReferenceVersion(
      client,
      admin,
      referenceVersionSchema.parse({
        kind: "CIRR",
        effectiveFrom: "2026-12-15",
        data: JSON.stringify({ bands: [{ maxRepaymentYears: 5, rateBasisPoints: 440 }, { maxRepaymentYears: null, rateBasisPoints: 470 }] }),
        note: "December CIRR",
      }),
    );
    const tables = await loadReferenceTables(client);
    expect(tablesInForce(tables, "2026-12-14").cirr!.bands[0]!.rateBasisPoints).toBe(452);
    expect(tablesInForce(tables, "2026-12-15").cirr!.bands[0]!.rateBasisPoints).toBe(440);
    const audit = await client.auditEvent.findFirstOrThrow({ where: { entityId: version.id } });
    expect(audit).toMatchObject({ action: "referenceTable.versionAdded", actorId: admin.userId });
  });

  it("refuses a second version on the same date, a malformed table, and anyone but an administrator", async () => {
    const input = (data: unknown, effectiveFrom = "2026-11-15") => referenceVersionSchema.parse({ kind: "CIRR", effectiveFrom, data: JSON.stringify(data) });
    await expect(addReferenceVersion(client, admin, input({ bands: [{ maxRepaymentYears: null, rateBasisPoints: 400 }] }))).rejects.toThrow(/already exists/);
    await expect(addReferenceVersion(client, admin, input({ bands: [{ maxRepaymentYears: 5, rateBasisPoints: -1 }] }, "2027-01-15"))).rejects.toBeInstanceOf(RuleViolationError);
    await expect(addReferenceVersion(client, officer, input({ bands: [{ maxRepaymentYears: null, rateBasisPoints: 400 }] }, "2027-02-15"))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
