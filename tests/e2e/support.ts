import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";

/**
 * Every journey runs under the portal's Content-Security-Policy: any violation the
 * browser reports on any page a test visits fails that test.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
        });
      });
      await use(violations);
      expect(violations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export const MEMBER = "member@atlas.example";
export const OTHER_MEMBER = "member@meridian.example";
export const REVIEWER = "reviewer@commerce.example";
export const OFFICER = "officer@exim.example";

export async function signIn(page: Page, email: string, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

/** WCAG 2.1 A and AA rules: the page must have no violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Reads a dollar figure like "$100,900,000,000.00" as integer cents. */
export function centsOf(text: string): bigint {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`No dollar amount in ${text}`);
  return BigInt(match[1]!.replaceAll(",", "")) * 100n + BigInt(match[2]!);
}

type Item = { layer: string; description: string; quantity: string; unitPrice: string; usContent: string; eccn?: string; tpp?: string };

export async function addLineItem(page: Page, item: Item) {
  const form = page.getByRole("form", { name: "Add a line item" });
  if (!(await form.isVisible())) await page.getByText("Add a line item", { exact: true }).click();
  await form.getByLabel("Stack layer").selectOption({ label: item.layer });
  await form.getByLabel("Description").fill(item.description);
  await form.getByLabel("Quantity").fill(item.quantity);
  await form.getByLabel("Unit price (US dollars)").fill(item.unitPrice);
  await form.getByLabel("US-origin content (%)").fill(item.usContent);
  if (item.eccn) await form.getByLabel("ECCN").fill(item.eccn);
  if (item.tpp) await form.getByLabel("Total processing performance (TPP)").fill(item.tpp);
  await form.getByRole("button", { name: "Add line item" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Line item “${item.description}” added.` })).toBeVisible();
}
