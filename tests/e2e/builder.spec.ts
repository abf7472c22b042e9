// The proposal builder in a real browser: a member builds a complete proposal
// step by step (two destinations, a package with a hardware and a software item
// and an edit, operations, parties, financing), follows a checklist gap to its
// field, and submits from the review step; every step passes axe.
import { expect } from "@playwright/test";
import { addLineItem, describeOperations, expectAccessible, MEMBER, nameParties, proposalIdOf, requestFinancing, signIn, submitFromReview, test } from "./support";

test("a member builds a complete proposal across every step and submits it", async ({ page }) => {
  test.setTimeout(600_000); // every step, on a busy machine
  const title = `Gulf AI build-out ${Date.now()}`;
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Compute, storage, cloud and applications for two Gulf states.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();

  // ── Overview: lands here, with the creation notice, and names a second destination ──
  await expect(page).toHaveURL(/\/proposals\/[a-z0-9]+\/overview/);
  await expect(page).toHaveTitle(new RegExp(`^Overview – ${title} \\|`));
  await expect(page.getByRole("status").filter({ hasText: "Draft proposal created." })).toBeVisible();
  const steps = page.getByRole("navigation", { name: "Proposal steps" });
  await expect(steps.locator('[aria-current="step"]')).toContainText("Overview");
  await expect(steps.getByRole("link")).toHaveCount(7);
  await expect(steps.getByRole("link", { name: /Attachments/ })).toContainText("Optional");
  await expect(steps.getByRole("link", { name: /Package/ })).toContainText("Not started");
  await expectAccessible(page);
  const id = proposalIdOf(page);
  await page.getByLabel("Add another destination").selectOption({ label: "Saudi Arabia (Gulf)" });
  await page.getByRole("button", { name: "Save overview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Overview saved." })).toBeVisible();
  const destinations = page.getByRole("region", { name: "Destinations" });
  await expect(destinations.getByRole("listitem")).toHaveText(["United Arab Emirates · Gulf", "Saudi Arabia · Gulf"]);
  await expect(steps.getByRole("link", { name: /Overview/ })).toContainText("Complete");
  // The creation notice was for the moment of creation only.
  await page.goto(`/proposals/${id}/overview?notice=created`);
  await expect(page.getByText("Draft proposal created.")).toHaveCount(0);

  // ── Package: the layer is chosen first; hardware alone asks for its classification ──
  await page.goto(`/proposals/${id}/package`);
  await expect(page).toHaveTitle(new RegExp(`^Package – ${title} \\|`));
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a software item" }).click();
  await expect(page.getByLabel("ECCN")).toHaveCount(0);
  const software = page.getByRole("form", { name: "Add a line item" });
  await software.getByLabel("Description").fill("Government applications suite");
  await software.getByLabel("Supplying member").selectOption({ index: 1 });
  await software.getByLabel("Quantity").fill("1");
  await software.getByLabel("Unit price (US dollars)").fill("10,000,000");
  await software.getByLabel("US-origin content (%)").fill("90");
  await software.getByRole("button", { name: "Add line item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Line item added." })).toBeVisible();
  await page.goto(`/proposals/${id}/package/items/new?layer=HARDWARE`);
  const hardware = page.getByRole("form", { name: "Add a line item" });
  // Required for hardware, and not called optional.
  await expect(page.locator('label[for="field-eccn"]')).toHaveText("ECCN");
  await hardware.getByLabel("Description").fill("8-GPU accelerator servers");
  await hardware.getByLabel("Supplying member").selectOption({ index: 1 });
  // The totals follow the typing.
  await hardware.getByLabel("Quantity").fill("100");
  await hardware.getByLabel("Unit price (US dollars)").fill("400,000");
  await hardware.getByLabel("US-origin content (%)").fill("80");
  // With the $10M software item (90% US): $50M in all, 82% US content.
  await expect(page.getByTestId("live-totals")).toContainText("Line total$40,000,000.00");
  await expect(page.getByTestId("live-totals")).toContainText("Package total with this item$50,000,000.00");
  await expect(page.getByTestId("live-totals")).toContainText("82% (meets the 51% threshold)");
  await hardware.getByLabel("ECCN").fill("4A090");
  await hardware.getByLabel("Total processing performance (TPP)").fill("16000");
  await expectAccessible(page);
  await hardware.getByRole("button", { name: "Add line item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Line item added." })).toBeVisible();

  await addLineItem(page, { layer: "Data-center storage", description: "All-flash storage arrays", quantity: "20", unitPrice: "1,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud and 800G fabric", quantity: "1", unitPrice: "30,000,000", usContent: "80" });

  // Edit the hardware item: 120 servers instead of 100.
  await page.getByRole("link", { name: "Edit 8-GPU accelerator servers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit line item: 8-GPU accelerator servers");
  const edit = page.getByRole("form", { name: "Edit 8-GPU accelerator servers" });
  await expect(edit.getByLabel("ECCN")).toHaveValue("4A090");
  await edit.getByLabel("Quantity").fill("120");
  await expect(page.getByTestId("live-totals")).toContainText("$48,000,000.00");
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Save line item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Line item “8-GPU accelerator servers” saved." })).toBeVisible();
  await page.goto(`/proposals/${id}/package`);
  const hardwareTable = page.getByRole("region", { name: "Hardware (AI chips, accelerators, servers): line items" });
  await expect(hardwareTable.getByRole("row", { name: /8-GPU accelerator servers/ })).toContainText("$48,000,000.00");
  // 48M + 10M + 20M + 30M = 108M; US content 38.4 + 9 + 16 + 24 = 87.4M: 80.92%.
  await expect(page.getByTestId("us-content-share")).toContainText("80.92%, against the 51% threshold: met.");
  await expect(steps.getByRole("link", { name: /Package/ })).toContainText("Complete");

  // ── Review before the rest: each gap links to its field ──
  await page.goto(`/proposals/${id}/review`);
  await expect(page).toHaveTitle(new RegExp(`^Review and submit – ${title} \\|`));
  await page.getByRole("link", { name: "Describe the security and cybersecurity plan." }).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${id}/operations#field-securityPlan$`));
  await expect(page.locator("#field-securityPlan")).toBeVisible();

  // ── Operations, parties, financing ──
  await describeOperations(page);
  await expect(page).toHaveTitle(new RegExp(`^Operations and security – ${title} \\|`));
  await expectAccessible(page);
  await nameParties(page);
  await page.goto(`/proposals/${id}/parties`);
  await expect(steps.locator('[aria-current="step"]')).toContainText("Parties and end use");
  await expectAccessible(page);
  await requestFinancing(page, "60,000,000");
  await expect(page).toHaveTitle(new RegExp(`^Financing – ${title} \\|`));
  await expectAccessible(page);

  // ── Review and submit ──
  await page.goto(`/proposals/${id}/review`);
  await expect(page.getByText("Everything required is in place.")).toBeVisible();
  await expectAccessible(page);
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted. It is now in license review." })).toBeVisible();
  // Each destination got its own determination: a license request for each.
  await expect(page.getByTestId("license-status")).toHaveCount(2);
  await expect(page.getByText(/^Version \d+$/)).toHaveCount(0);
  await expectAccessible(page);
});

test("the read view of a draft offers to continue editing at the first incomplete step", async ({ page }) => {
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  const title = `Continue editing ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A draft to come back to.");
  await page.getByLabel("Destination country").selectOption({ label: "Singapore" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.goto(`/proposals/${proposalIdOf(page)}`);
  await expect(page).toHaveTitle(new RegExp(`^${title} \\|`));
  await expect(page.getByRole("button", { name: "Save overview" })).toHaveCount(0);
  await page.getByRole("link", { name: "Continue editing" }).click();
  await expect(page).toHaveURL(/\/package$/);
  await expect(page.getByRole("heading", { level: 1, name: "Package" })).toBeVisible();
});
