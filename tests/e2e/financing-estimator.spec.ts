// The public financing estimator: no sign-in, the form works without JavaScript,
// and the same figures come through the JSON API its OpenAPI document describes.
import { expect } from "@playwright/test";
import { expectAccessible, test } from "./support";

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

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the estimator shows the worked example's figures, the schedule and every rule broken", async ({ page }) => {
    await page.goto("/estimate");
    await page.getByLabel("Contract price").fill("150,000,000");
    await page.getByLabel("US content").fill("70,000,000");
    await page.getByLabel("Eligible foreign content").fill("10,000,000");
    await page.getByLabel("Financing product").selectOption("LOAN_GUARANTEE");
    await page.getByLabel("Repayment term (years)").fill("10");
    await page.getByLabel("Starting point").fill("2027-01-15");
    await page.getByLabel("Destination").selectOption({ label: "United Arab Emirates" });
    await page.getByRole("button", { name: "Estimate" }).click();

    const figures = page.locator("dl");
    await expect(figures).toContainText("$80,000,000.00");
    await expect(figures).toContainText("$12,000,000.00");
    await expect(figures).toContainText("$68,000,000.00");
    await expect(figures).toContainText("Long-term");
    await expect(page.getByRole("list", { name: "Rules this ask breaks" })).toContainText("US content is 46.66% of the export value");
    await expect(page.getByRole("table", { name: /Repayment schedule/ }).getByRole("row")).toHaveCount(21);
  });

  test("malformed input is listed by field, with links to the fields", async ({ page }) => {
    await page.goto("/estimate?contractPrice=lots&usContent=1&eligibleForeignContent=0&product=LOAN_GUARANTEE&repaymentYears=10&startingPoint=2027-02-30&destinationCountryCode=AE");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem with what you entered" });
    await expect(summary.getByRole("link", { name: /Contract price/ })).toHaveAttribute("href", "#field-contractPrice");
    await expect(summary).toContainText("Starting point: Enter the starting point as a date that exists");
    await expect(page.getByLabel("Contract price")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveTitle(/^Error: Financing estimator/);
  });

  test("a product or destination left unchosen is asked for in the form's words", async ({ page }) => {
    await page.goto("/estimate?contractPrice=100&usContent=100&eligibleForeignContent=0&repaymentYears=10&startingPoint=2027-01-15");
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem with what you entered" });
    await expect(summary).toContainText("Financing product: Choose a financing product.");
    await expect(summary).toContainText("Destination: Choose the destination country.");
  });
});

const query = (values: Record<string, string | number>) => new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();

test("the estimator's answer and its error summary are accessible (axe needs JavaScript)", async ({ page }) => {
  await page.goto(`/estimate?${query(WORKED)}`);
  await expect(page.getByRole("heading", { name: "The estimate" })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get(`/estimate/schedule.csv?${query(WORKED)}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\n");
  expect(lines).toHaveLength(21);
  expect(lines[1]).toBe("1,2027-07-15,3400000.00,0.00");
  await page.goto(`/estimate?${query({ ...WORKED, contractPrice: "lots" })}`);
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expectAccessible(page);
});

test("POST /api/v1/financing/estimate answers the worked example; malformed input is 400 by field, never 500", async ({ request }) => {
  const ok = await request.post("/api/v1/financing/estimate", { data: WORKED });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ netContractPrice: "80000000.00", minimumCashPayment: "12000000.00", maximumFinanced: "68000000.00", bindingLimit: "netContractPrice", term: "LONG_TERM", allowedProducts: ["DIRECT_LOAN", "LOAN_GUARANTEE"] });
  expect(body.schedule).toHaveLength(20);
  expect(body.schedule[0]).toMatchObject({ dueDate: "2027-07-15", principal: "3400000.00" });

  const bad = await request.post("/api/v1/financing/estimate", { data: { ...WORKED, contractPrice: 150000000, product: "GRANT", repaymentYears: "ten" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).problems.map((p: { field: string }) => p.field).sort()).toEqual(["contractPrice", "product", "repaymentYears"]);
  for (const data of ["not json", "[]", "null", '{"contractPrice":{}}']) {
    const response = await request.post("/api/v1/financing/estimate", { data, headers: { "content-type": "application/json" } });
    expect(response.status(), data).toBe(400);
  }
  const unknown = await request.post("/api/v1/financing/estimate", { data: { ...WORKED, destinationCountryCode: "ZZ" } });
  expect(unknown.status()).toBe(400);
});

test("the OpenAPI 3.1 document describes the estimate", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/financing/estimate"].post.responses["400"]).toBeDefined();
});
