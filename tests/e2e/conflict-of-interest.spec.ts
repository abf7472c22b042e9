// The conflict-of-interest rule in a real browser: a reviewer who declared an
// interest in a consortium's member organization can't decide that proposal's
// license requests. The page says why and offers no decision form; a decision
// posted from a page opened before the declaration is refused by the service.
import { expect } from "@playwright/test";
import { addLineItem, describeOperations, expectAccessible, nameParties, OTHER_MEMBER, requestFinancing, REVIEWER, signIn, signOut, submitFromReview, test } from "./support";

test("a reviewer with a declared conflict can't decide the member's license request", async ({ page }) => {
  const title = `Singapore research cluster ${Date.now()}`;

  // ── The Meridian Compute Alliance submits a package needing a license ─────
  await signIn(page, OTHER_MEMBER);
  await page.getByRole("link", { name: "Start a new proposal" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Accelerator clusters for a national research AI factory.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await addLineItem(page, { layer: "Hardware (AI chips, accelerators, servers)", description: "Accelerator servers", quantity: "20", unitPrice: "300,000", usContent: "80", eccn: "3A090.a", tpp: "16000" });
  await addLineItem(page, { layer: "Data-center storage", description: "Storage arrays", quantity: "4", unitPrice: "500,000", usContent: "80" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud", quantity: "1", unitPrice: "2,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Application software", description: "Research workbench", quantity: "1", unitPrice: "1,000,000", usContent: "80" });
  await requestFinancing(page, "5,000,000");
  await describeOperations(page);
  await nameParties(page);
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted. It is now in license review." })).toBeVisible();
  await signOut(page);

  // ── The reviewer opens the request: the decision form is there ────────────
  await signIn(page, REVIEWER);
  await page.getByRole("link", { name: "License queue", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export license: United Arab Emirates");
  const requestUrl = page.url();
  await expect(page.getByTestId("rules-version")).toHaveText(/^Derived under export-control rules version \d+ \(effective .+, changed by .+ because: .+\)$/);
  await expect(page.getByRole("button", { name: "Record decision" })).toBeVisible();

  // ── In another tab, the reviewer declares an interest in Meridian Silicon ──
  const other = await page.context().newPage();
  await other.goto("/licensing/conflicts");
  const declare = other.getByRole("form", { name: "Declare a conflict of interest" });
  await declare.getByLabel("Organization").selectOption({ label: "Meridian Silicon, Inc." });
  await declare.getByLabel("Nature of the interest").fill("Held shares until 2025.");
  await declare.getByRole("button", { name: "Declare" }).click();
  await expect(other.getByRole("status")).toBeVisible();
  await expect(other.getByRole("region", { name: "Declared" })).toContainText("Meridian Silicon, Inc.");

  // ── The decision posted from the page opened before is refused by the service ──
  await page.getByLabel("Approved", { exact: true }).check();
  await page.getByLabel("Reason", { exact: true }).fill("End use verified.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You declared a conflict of interest with Meridian Silicon, Inc.: another reviewer must decide this request." })).toBeVisible();

  // ── Reloaded, the page says why and offers no decision form ──────────────
  await page.goto(requestUrl);
  await expect(page.getByTestId("conflict-warning")).toHaveText("You declared a conflict of interest with Meridian Silicon, Inc.: another reviewer must decide this request.");
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Assign to me" })).toHaveCount(0);
  await expect(page.getByTestId("license-status")).toHaveText("Awaiting decision");
  await expectAccessible(page);

  // Withdrawn, the declaration no longer stands in the way (and later journeys start clean).
  await other.reload();
  await other.getByRole("button", { name: "Withdraw" }).click();
  await expect(other.getByText("You have declared no conflict of interest.")).toBeVisible();
  await other.close();
  await page.reload();
  await expect(page.getByRole("button", { name: "Record decision" })).toBeVisible();
});
