// The proposal forms' schemas, fed exactly what a browser posts: FormData whose
// values are all strings, with empty inputs posted as "" and unticked boxes absent.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsOf, formValues } from "@/lib/forms";
import {
  financingRequestSchema,
  lineItemSchema,
  proposalDetailsSchema,
} from "@/lib/schemas/proposal";
import { partySchema } from "@/lib/schemas/parties";

/** What a server action receives from a form post. */
function post(fields: Record<string, string>): Record<string, string> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formValues(formData) ?? {};
}

/** The first message per field, as the form shows it next to each input. */
function shown(schema: z.ZodType, fields: Record<string, string>): Record<string, string> {
  const result = schema.safeParse(post(fields));
  if (result.success) throw new Error(`Expected the post to be refused: ${JSON.stringify(fields)}`);
  return fieldErrorsOf(result.error);
}

/** Every issue as "path: message". */
function issues(schema: z.ZodType, fields: Record<string, string>): string[] {
  const result = schema.safeParse(post(fields));
  if (result.success) throw new Error(`Expected the post to be refused: ${JSON.stringify(fields)}`);
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("proposal details", () => {
  const valid = { title: "  Gulf sovereign AI cloud ", summary: "A full-stack AI data center.", destinationCountryCode: "AE" };

  it("accepts a title, summary and destination, trimmed", () => {
    expect(proposalDetailsSchema.parse(post(valid))).toEqual({
      title: "Gulf sovereign AI cloud",
      summary: "A full-stack AI data center.",
      destinationCountryCode: "AE",
    });
  });

  it("an empty title is an error on the title", () => {
    expect(issues(proposalDetailsSchema, { ...valid, title: "   " })).toEqual(["title: Enter a title."]);
  });

  it("an empty summary is an error on the summary", () => {
    expect(issues(proposalDetailsSchema, { ...valid, summary: "" })).toEqual(["summary: Enter a summary."]);
  });

  it("a 201-character title is too long; 200 is fine", () => {
    expect(issues(proposalDetailsSchema, { ...valid, title: "x".repeat(201) })).toEqual([
      "title: A title must be 200 characters or fewer.",
    ]);
    expect(proposalDetailsSchema.safeParse(post({ ...valid, title: "x".repeat(200) })).success).toBe(true);
  });

  it.each(["", "ae", "UAE", "A1"])("destination %j asks to choose a country", (code) => {
    expect(issues(proposalDetailsSchema, { ...valid, destinationCountryCode: code })).toEqual([
      "destinationCountryCode: Choose a destination country.",
    ]);
  });

  it("a destination left out of the post asks to choose a country", () => {
    expect(issues(proposalDetailsSchema, { title: "T", summary: "S" })).toEqual(["destinationCountryCode: Choose a destination country."]);
  });

  it("several problems land on their own fields, as the page shows them", () => {
    const result = proposalDetailsSchema.safeParse(post({ title: "", summary: "", destinationCountryCode: "" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      title: "Enter a title.",
      summary: "Enter a summary.",
      destinationCountryCode: "Choose a destination country.",
    });
  });
});

describe("a line item", () => {
  const hardware = {
    proposalId: "p1",
    layer: "HARDWARE",
    description: "GB200 NVL72 rack",
    manufacturer: "NVIDIA",
    model: "GB200 NVL72",
    quantity: "8",
    unitPrice: "$3,400,000.50",
    usContent: "65.5",
    eccn: "4a090.a",
    totalProcessingPerformance: "",
    performanceDensity: "",
    designedForDataCenter: "on",
  };
  const software = {
    proposalId: "p1",
    layer: "APPLICATION_SOFTWARE",
    description: "Government services assistant",
    manufacturer: "",
    model: "",
    quantity: "1",
    unitPrice: "1250000",
    usContent: "100%",
    eccn: "",
    totalProcessingPerformance: "",
    performanceDensity: "",
  };

  it("turns a hardware post into cents, basis points and a normalized ECCN", () => {
    expect(lineItemSchema.parse(post(hardware))).toEqual({
      proposalId: "p1",
      layer: "HARDWARE",
      description: "GB200 NVL72 rack",
      manufacturer: "NVIDIA",
      model: "GB200 NVL72",
      quantity: 8,
      unitPrice: 340_000_050n,
      usContent: 6550,
      eccn: "4A090.a",
      totalProcessingPerformance: null,
      performanceDensity: null,
      designedForDataCenter: true,
    });
  });

  it("a software item needs no ECCN; blank optional fields become null and an unticked box false", () => {
    expect(lineItemSchema.parse(post(software))).toEqual({
      proposalId: "p1",
      layer: "APPLICATION_SOFTWARE",
      description: "Government services assistant",
      manufacturer: null,
      model: null,
      quantity: 1,
      unitPrice: 125_000_000n,
      usContent: 10_000,
      eccn: null,
      totalProcessingPerformance: null,
      performanceDensity: null,
      designedForDataCenter: false,
    });
  });

  it("keeps chip figures: TPP as a number, performance density as its decimal text", () => {
    const parsed = lineItemSchema.parse(post({ ...hardware, eccn: "EAR99", totalProcessingPerformance: "1600", performanceDensity: "5.92" }));
    expect(parsed.eccn).toBe("EAR99");
    expect(parsed.totalProcessingPerformance).toBe(1600);
    expect(parsed.performanceDensity).toBe("5.92");
  });

  it.each([
    ["5A992.z", "5A992.z"],
    ["5A992.Z", "5A992.z"],
    ["4a090.A", "4A090.a"],
    ["3A090", "3A090"],
    ["3a090", "3A090"],
    ["ear99", "EAR99"],
    [" 5d992.C ", "5D992.c"],
  ])("accepts ECCN %j as %j", (eccn, expected) => {
    expect(lineItemSchema.parse(post({ ...hardware, eccn })).eccn).toBe(expected);
  });

  it("a hardware item without an ECCN is an error on the ECCN", () => {
    expect(issues(lineItemSchema, { ...hardware, eccn: "" })).toEqual([
      "eccn: Enter the export classification (ECCN) of hardware items.",
    ]);
    expect(issues(lineItemSchema, { ...hardware, eccn: "   " })).toEqual([
      "eccn: Enter the export classification (ECCN) of hardware items.",
    ]);
  });

  it("a hardware item without an ECCN and with a bad price shows both problems at once", () => {
    expect(shown(lineItemSchema, { ...hardware, eccn: "", unitPrice: "abc" })).toEqual({
      unitPrice: "Enter the unit price in dollars, like 1,250,000.00.",
      eccn: "Enter the export classification (ECCN) of hardware items.",
    });
  });

  it.each(["XYZ", "3A09", "EAR-99", "A3090", "3A0901", "5A992.z1", "5A992.zz"])("ECCN %j is refused on the ECCN, with the grammar's message", (eccn) => {
    const found = issues(lineItemSchema, { ...software, eccn });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^eccn: “${eccn.replace(".", "\\.")}” is not an ECCN`));
  });

  describe("the unit price", () => {
    it.each([
      ["abc", "unitPrice: Enter the unit price in dollars, like 1,250,000.00."],
      ["1.234", "unitPrice: Enter the unit price in dollars, like 1,250,000.00."],
      ["-5", "unitPrice: Enter the unit price in dollars, like 1,250,000.00."],
      ["", "unitPrice: Enter the unit price."],
      ["0", "unitPrice: The unit price must be more than zero."],
      ["0.00", "unitPrice: The unit price must be more than zero."],
      ["1,000,000,000.01", "unitPrice: The unit price can be at most $1,000,000,000.00."],
      ["1,000,000,000,000", "unitPrice: The unit price can be at most $1,000,000,000.00."],
    ])("%j: %s", (unitPrice, message) => {
      expect(issues(lineItemSchema, { ...software, unitPrice })).toEqual([message]);
    });

    it("$1 billion is the largest accepted", () => {
      expect(lineItemSchema.parse(post({ ...software, unitPrice: "1,000,000,000.00" })).unitPrice).toBe(100_000_000_000n);
    });

    it("shows on the unit price field of the form", () => {
      const result = lineItemSchema.safeParse(post({ ...software, unitPrice: "abc" }));
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(fieldErrorsOf(result.error)).toEqual({ unitPrice: "Enter the unit price in dollars, like 1,250,000.00." });
    });
  });

  describe("the quantity", () => {
    it.each([
      ["0", "The quantity must be at least 1."],
      ["1.5", "Enter the quantity as a whole number."],
      ["-1", "Enter the quantity as a whole number."],
      ["ten", "Enter the quantity as a whole number."],
      ["", "Enter the quantity."],
      ["10000001", "The quantity must be at most 10,000,000."],
    ])("%j shows on the quantity: %s", (quantity, message) => {
      expect(shown(lineItemSchema, { ...software, quantity })).toEqual({ quantity: message });
    });

    it("10,000,000 is the largest accepted", () => {
      expect(lineItemSchema.parse(post({ ...software, quantity: "10000000" })).quantity).toBe(10_000_000);
    });
  });

  describe("the US content", () => {
    it.each([
      ["0", 0],
      ["51", 5100],
      ["50.99", 5099],
      ["65.5%", 6550],
      ["100", 10_000],
    ])("%j is %s basis points", (usContent, basisPoints) => {
      expect(lineItemSchema.parse(post({ ...software, usContent })).usContent).toBe(basisPoints);
    });

    it.each(["101", "100.01", "12.345", "-5", "half"])("%j is refused on the US content", (usContent) => {
      expect(issues(lineItemSchema, { ...software, usContent })).toEqual([
        "usContent: Enter the US content as a percentage from 0 to 100.",
      ]);
    });
  });

  it.each(["4800.5", "abc", "-1"])("a TPP of %j, not a whole number, is an error on the TPP", (tpp) => {
    expect(issues(lineItemSchema, { ...hardware, totalProcessingPerformance: tpp })).toEqual([
      "totalProcessingPerformance: Enter the total processing performance (TPP) as a whole number.",
    ]);
  });

  it("a TPP above 10,000,000 is too large", () => {
    expect(issues(lineItemSchema, { ...hardware, totalProcessingPerformance: "10000001" })).toEqual([
      "totalProcessingPerformance: The total processing performance (TPP) must be at most 10000000.",
    ]);
  });

  it("a performance density with three decimals is an error on the density", () => {
    expect(issues(lineItemSchema, { ...hardware, performanceDensity: "5.925" })).toEqual([
      "performanceDensity: Enter the performance density as a number with up to two decimals.",
    ]);
  });

  it("an unknown layer asks to choose one", () => {
    expect(issues(lineItemSchema, { ...software, layer: "QUANTUM" })).toEqual(["layer: Choose the stack layer."]);
  });

  it("an empty description is an error on the description", () => {
    expect(issues(lineItemSchema, { ...software, description: "" })).toEqual(["description: Enter a description."]);
  });
});

describe("the financing request", () => {
  const valid = {
    proposalId: "p1",
    product: "DIRECT_LOAN",
    requestedAmount: "68,000,000",
    eligibleForeignContent: "10,000,000.00",
    repaymentYears: "10",
    obligorSector: "SOVEREIGN",
  };

  it("turns the post into cents and years", () => {
    expect(financingRequestSchema.parse(post(valid))).toEqual({
      proposalId: "p1",
      product: "DIRECT_LOAN",
      requestedAmount: 6_800_000_000n,
      eligibleForeignContent: 1_000_000_000n,
      localCosts: 0n,
      repaymentYears: 10,
      obligorSector: "SOVEREIGN",
    });
  });

  it("eligible foreign content may be zero; the amount requested may not", () => {
    expect(financingRequestSchema.parse(post({ ...valid, eligibleForeignContent: "0" })).eligibleForeignContent).toBe(0n);
    expect(issues(financingRequestSchema, { ...valid, requestedAmount: "0" })).toEqual([
      "requestedAmount: The amount requested must be more than zero.",
    ]);
  });

  it.each([
    [{ product: "" }, "product: Choose a financing product."],
    [{ product: "GRANT" }, "product: Choose a financing product."],
    [{ obligorSector: "" }, "obligorSector: Choose the obligor's sector."],
    [{ requestedAmount: "lots" }, "requestedAmount: Enter the amount requested in dollars, like 1,250,000.00."],
    [{ eligibleForeignContent: "" }, "eligibleForeignContent: Enter the eligible foreign content."],
    [{ repaymentYears: "0" }, "repaymentYears: The repayment term must be at least 1."],
    [{ repaymentYears: "31" }, "repaymentYears: The repayment term must be at most 30."],
    [{ requestedAmount: "1,000,000,000,000.01" }, "requestedAmount: The amount requested can be at most $1,000,000,000,000.00."],
    [
      { eligibleForeignContent: "1,000,000,000,000.01" },
      "eligibleForeignContent: The eligible foreign content can be at most $1,000,000,000,000.00.",
    ],
  ])("%j: %s", (change, message) => {
    expect(issues(financingRequestSchema, { ...valid, ...change })).toEqual([message]);
  });

  it("$1 trillion is the largest amount accepted", () => {
    const parsed = financingRequestSchema.parse(
      post({ ...valid, requestedAmount: "1,000,000,000,000.00", eligibleForeignContent: "$1,000,000,000,000" }),
    );
    expect(parsed.requestedAmount).toBe(100_000_000_000_000n);
    expect(parsed.eligibleForeignContent).toBe(100_000_000_000_000n);
  });
});

describe("text that PostgreSQL can't store", () => {
  it("refuses a NUL or other control character with a message on the field", () => {
    const result = proposalDetailsSchema.safeParse({ title: "Compute\u0000campus", summary: "Fine", destinationCountryCode: "AE" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["title", "A title contains invisible control characters; remove them and try again."],
    ]);
  });

  it("keeps tabs and line breaks, which people do type", () => {
    expect(proposalDetailsSchema.parse({ title: "Campus", summary: "Line one\nLine two\tindented", destinationCountryCode: "AE" }).summary).toBe(
      "Line one\nLine two\tindented",
    );
  });
});

describe("parties step", () => {
  const lender = { proposalId: "p1", name: "Emirates Commercial Bank PJSC", address: "1 Bank Street, Abu Dhabi", countryCode: "AE", headquartersCountryCode: "AE", parentName: "", parentCountryCode: "" };

  it.each(["LENDER", "GUARANTOR", "PURCHASER", "END_USER"])("names a %s", (role) => {
    expect(partySchema.parse(post({ ...lender, role }))).toMatchObject({ role, parentName: null, parentCountryCode: null });
  });

  it("refuses a role the step doesn't offer", () => {
    const result = partySchema.safeParse(post({ ...lender, role: "DATA_CENTER_BUILDER" }));
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toMatchObject({ role: "Choose the party's role." });
  });
});
