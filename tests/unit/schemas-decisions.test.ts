// Commerce's license decision and EXIM's financing decision, as their forms post them.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsOf, formValues } from "@/lib/forms";
import { financingDecisionSchema, licenseDecisionSchema, signInSchema } from "@/lib/schemas/decisions";

function post(fields: Record<string, string>): Record<string, string> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formValues(formData) ?? {};
}

function issues(schema: z.ZodType, fields: Record<string, string>): string[] {
  const result = schema.safeParse(post(fields));
  if (result.success) throw new Error(`Expected the post to be refused: ${JSON.stringify(fields)}`);
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("Commerce's license decision", () => {
  const base = { licenseRequestId: "lr-1", reason: "End use verified; security plan reviewed." };

  it("an approval needs no conditions", () => {
    expect(licenseDecisionSchema.parse(post({ ...base, outcome: "APPROVED", conditions: "" }))).toEqual({
      licenseRequestId: "lr-1",
      outcome: "APPROVED",
      reason: "End use verified; security plan reviewed.",
      conditions: undefined,
      conditionList: [],
    });
  });

  it("conditions picked from templates keep their edited text, with any further condition last", () => {
    const parsed = licenseDecisionSchema.parse(
      post({
        ...base,
        outcome: "APPROVED_WITH_CONDITIONS",
        "condition-reporting": "on",
        "conditionText-reporting": "  Report the installed location every quarter.  ",
        "condition-security": "",
        "conditionText-security": "Unpicked text is ignored.",
        "conditionText-no-re-export": "Not ticked either.",
        conditions: "No remote access from country group D:5.",
      }),
    );
    expect(parsed.conditionList).toEqual([
      { kind: "reporting", text: "Report the installed location every quarter." },
      { kind: "other", text: "No remote access from country group D:5." },
    ]);
  });

  it("a template picked with its text emptied is an error on that text", () => {
    expect(issues(licenseDecisionSchema, { ...base, outcome: "APPROVED_WITH_CONDITIONS", "condition-security": "on", "conditionText-security": " " })).toEqual([
      "conditionText-security: Enter the text of the condition, or untick it.",
    ]);
  });

  it("a denial carries no conditions, whatever was ticked", () => {
    expect(licenseDecisionSchema.parse(post({ ...base, outcome: "DENIED", "condition-reporting": "on", "conditionText-reporting": "x" })).conditionList).toEqual([]);
  });

  it("an approval with conditions keeps the conditions, trimmed", () => {
    const parsed = licenseDecisionSchema.parse(
      post({ ...base, outcome: "APPROVED_WITH_CONDITIONS", conditions: "  Quarterly end-use reports; no remote access from D:5.  " }),
    );
    expect(parsed.outcome).toBe("APPROVED_WITH_CONDITIONS");
    expect(parsed.conditions).toBe("Quarterly end-use reports; no remote access from D:5.");
  });

  it("an approval with conditions but none stated is an error on the conditions", () => {
    expect(issues(licenseDecisionSchema, { ...base, outcome: "APPROVED_WITH_CONDITIONS", conditions: "" })).toEqual([
      "conditions: State the binding conditions of the approval.",
    ]);
    expect(issues(licenseDecisionSchema, { ...base, outcome: "APPROVED_WITH_CONDITIONS", conditions: "   " })).toEqual([
      "conditions: State the binding conditions of the approval.",
    ]);
    expect(issues(licenseDecisionSchema, { ...base, outcome: "APPROVED_WITH_CONDITIONS" })).toEqual([
      "conditions: State the binding conditions of the approval.",
    ]);
  });

  it("missing conditions and a missing reason show at once", () => {
    const result = licenseDecisionSchema.safeParse(post({ licenseRequestId: "lr-1", outcome: "APPROVED_WITH_CONDITIONS", reason: "" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      reason: "Enter the reason for the decision.",
      conditions: "State the binding conditions of the approval.",
    });
  });

  it.each(["DENIED", "RETURNED_WITHOUT_ACTION"])("%s needs only a reason", (outcome) => {
    expect(licenseDecisionSchema.parse(post({ ...base, outcome })).outcome).toBe(outcome);
  });

  it.each(["", "MAYBE", "PENDING"])("outcome %j asks to choose a decision", (outcome) => {
    expect(issues(licenseDecisionSchema, { ...base, outcome })).toEqual(["outcome: Choose a decision."]);
  });

  it("a decision without a reason is an error on the reason", () => {
    expect(issues(licenseDecisionSchema, { licenseRequestId: "lr-1", outcome: "DENIED", reason: " " })).toEqual([
      "reason: Enter the reason for the decision.",
    ]);
  });

  it("a reason over 4,000 characters is too long", () => {
    expect(issues(licenseDecisionSchema, { licenseRequestId: "lr-1", outcome: "DENIED", reason: "x".repeat(4001) })).toEqual([
      "reason: The reason for the decision must be 4,000 characters or fewer.",
    ]);
  });
});

describe("EXIM's financing decision", () => {
  const base = { proposalId: "p-1", expectedVersion: "4", reason: "Cover rules met; licenses granted." };

  it("an approval carries the approved amount in cents and the version as a number", () => {
    expect(financingDecisionSchema.parse(post({ ...base, outcome: "APPROVED", approvedAmount: "$68,000,000.00" }))).toEqual({
      outcome: "APPROVED",
      proposalId: "p-1",
      expectedVersion: 4,
      approvedAmount: "$68,000,000.00",
      reason: "Cover rules met; licenses granted.",
      approvedAmountCents: 6_800_000_000n,
      exposureFeePayment: "UP_FRONT",
      exposureFeeFinanced: false,
    });
  });

  it("carries the stage, the starting point and the exposure fee's payment; an impossible date is refused", () => {
    const parsed = financingDecisionSchema.parse(
      post({ ...base, outcome: "APPROVED", approvedAmount: "1.00", stage: "PRELIMINARY_COMMITMENT", startingPoint: "2027-01-15", exposureFeePayment: "AS_DRAWN", exposureFeeFinanced: "on" }),
    );
    expect(parsed).toMatchObject({ stage: "PRELIMINARY_COMMITMENT", startingPoint: "2027-01-15", exposureFeePayment: "AS_DRAWN", exposureFeeFinanced: true });
    expect(issues(financingDecisionSchema, { ...base, outcome: "APPROVED", approvedAmount: "1.00", startingPoint: "2027-02-30" })).toEqual([
      "startingPoint: Enter the starting point as a date that exists, like 2027-01-15.",
    ]);
  });

  it("keeps odd cents exactly", () => {
    expect(financingDecisionSchema.parse(post({ ...base, outcome: "APPROVED", approvedAmount: "1,234,567,890.99" })).approvedAmountCents).toBe(
      123_456_789_099n,
    );
  });

  it.each([
    ["", "Enter the approved amount."],
    ["   ", "Enter the approved amount."],
    ["abc", "Enter the approved amount in dollars, like 1,250,000.00."],
    ["68.000.000", "Enter the approved amount in dollars, like 1,250,000.00."],
    ["0", "The approved amount must be more than zero."],
    ["1,000,000,000,000.01", "The approved amount can be at most $1,000,000,000,000.00."],
  ])("an approval with amount %j is an error on the approved amount: %s", (approvedAmount, message) => {
    expect(issues(financingDecisionSchema, { ...base, outcome: "APPROVED", approvedAmount })).toEqual([`approvedAmount: ${message}`]);
  });

  it("$1 trillion is the largest approved amount accepted", () => {
    expect(
      financingDecisionSchema.parse(post({ ...base, outcome: "APPROVED", approvedAmount: "1,000,000,000,000.00" })).approvedAmountCents,
    ).toBe(100_000_000_000_000n);
  });

  it("an approval with no amount field at all is an error on the approved amount", () => {
    const result = financingDecisionSchema.safeParse(post({ ...base, outcome: "APPROVED" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({ approvedAmount: "Enter the approved amount." });
  });

  it("a decline needs no amount", () => {
    expect(financingDecisionSchema.parse(post({ ...base, outcome: "DECLINED", approvedAmount: "" }))).toEqual({
      outcome: "DECLINED",
      proposalId: "p-1",
      expectedVersion: 4,
      approvedAmount: "",
      reason: "Cover rules met; licenses granted.",
      approvedAmountCents: null,
      exposureFeePayment: "UP_FRONT",
      exposureFeeFinanced: false,
    });
    expect(financingDecisionSchema.parse(post({ ...base, outcome: "DECLINED" })).approvedAmountCents).toBeNull();
  });

  it("a decline ignores whatever sits in the amount field", () => {
    expect(financingDecisionSchema.parse(post({ ...base, outcome: "DECLINED", approvedAmount: "abc" })).approvedAmountCents).toBeNull();
  });

  it.each(["", "APPROVED_WITH_CONDITIONS", "approved"])("outcome %j asks to choose a decision", (outcome) => {
    expect(issues(financingDecisionSchema, { ...base, outcome, approvedAmount: "1" })).toEqual(["outcome: Choose a decision."]);
  });

  it("a decision without a reason is an error on the reason", () => {
    expect(issues(financingDecisionSchema, { ...base, outcome: "DECLINED", reason: "" })).toEqual([
      "reason: Enter the reason for the decision.",
    ]);
  });

  it.each(["0", "abc"])("expected version %j is refused on the version", (expectedVersion) => {
    const fields = { ...base, outcome: "DECLINED", expectedVersion };
    expect(issues(financingDecisionSchema, fields).map((issue) => issue.split(":")[0])).toEqual(["expectedVersion"]);
  });
});

describe("signing in", () => {
  it("lower-cases and trims the email", () => {
    expect(signInSchema.parse(post({ email: "  Officer@EXIM.gov ", password: "secret" }))).toEqual({
      email: "officer@exim.gov",
      password: "secret",
    });
  });

  it("names the field at fault", () => {
    expect(issues(signInSchema, { email: "officer", password: "" })).toEqual([
      "email: Enter your email address, like name@example.com.",
      "password: Enter your password.",
    ]);
  });
});
