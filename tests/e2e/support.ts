import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { codeForStep, nextUsableStep, timeStepAt } from "../../lib/identity/totp";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/demo";

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

export const ADMIN = "admin@portal.example";

/** Signs in with the password and, for government accounts, the authenticator code. */
export async function signIn(page: Page, email: string, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret) await enterSecondFactor(page, email);
  await expect(page.getByRole("link", { name: /your account and security/ })).toBeVisible();
}

/**
 * The second step. A code is accepted once only (its 30-second step must be
 * newer than the last one used), so a second sign-in within the same step
 * uses the next step's code, which the portal accepts for clock drift.
 */
const lastStepUsed = new Map<string, number>();
export async function enterSecondFactor(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Enter your authentication code" })).toBeVisible();
  const secret = DEMO_ACCOUNTS.find((a) => a.email === email)!.totpSecret!;
  // A browser-test worker restarted after a failure forgets the steps it used, and
  // may offer a code the portal already took: then the next step's code is the one.
  for (let attempt = 1; ; attempt++) {
    const step = nextUsableStep(lastStepUsed.get(email));
    // More than one step ahead would be refused: wait for the clock to catch up.
    if (step > timeStepAt() + 1) await expect.poll(() => timeStepAt(), { timeout: 35_000 }).toBeGreaterThanOrEqual(step - 1);
    lastStepUsed.set(email, step);
    await page.getByLabel("Authentication code").fill(await codeForStep(secret, step));
    // The action's own answer decides: an accepted code redirects. (A refusal shown
    // on the page may be the previous attempt's, still there while this one runs.)
    const answer = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in/second-factor");
    await page.getByRole("button", { name: "Continue" }).click();
    if ((await answer).headers()["x-action-redirect"]) return;
    expect(attempt, "authentication codes refused three times").toBeLessThan(3);
    await expect(page.getByRole("link", { name: /That code is not right/ })).toBeVisible();
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
}

/** WCAG 2.1 A and AA rules: the page must have no violations. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation the new page's title arrives a moment later.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * At 375 CSS pixels (a small phone, WCAG 1.4.10 reflow) the page must not scroll
 * sideways: wide tables scroll inside their own region, which says so.
 */
export async function expectReflowsOnPhone(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${page.url()} scrolls sideways by ${overflow}px at 375 pixels`).toBeLessThanOrEqual(0);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/** Reads a dollar figure like "$100,900,000,000.00" as integer cents. */
export function centsOf(text: string): bigint {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`No dollar amount in ${text}`);
  return BigInt(match[1]!.replaceAll(",", "")) * 100n + BigInt(match[2]!);
}

type Item = { layer: string; description: string; quantity: string; unitPrice: string; usContent: string; eccn?: string; tpp?: string };

/** The id of the proposal whose page (or step) is open. */
export function proposalIdOf(page: Page): string {
  const match = /\/proposals\/([a-z0-9]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not on a proposal page: ${page.url()}`);
  return match[1]!;
}

/** Each layer's key, by its label: the package step's "Add a ... item" links go to items/new?layer=KEY. */
const LAYERS: Record<string, string> = {
  "Hardware (AI chips, accelerators, servers)": "HARDWARE",
  "Data-center storage": "STORAGE",
  "Cloud services and networking": "CLOUD_NETWORKING",
  "Data pipelines and labeling": "DATA_PIPELINES",
  "AI models": "AI_MODELS",
  "Security and cybersecurity": "SECURITY",
  "Application software": "APPLICATION_SOFTWARE",
};

/** From any page of the proposal: adds one line item on the package step, supplied by the first member. */
export async function addLineItem(page: Page, item: Item) {
  await page.goto(`/proposals/${proposalIdOf(page)}/package/items/new?layer=${LAYERS[item.layer]!}`);
  const form = page.getByRole("form", { name: "Add a line item" });
  await form.getByLabel("Description").fill(item.description);
  await form.getByLabel("Supplying member").selectOption({ index: 1 });
  await form.getByLabel("Quantity").fill(item.quantity);
  await form.getByLabel("Unit price (US dollars)").fill(item.unitPrice);
  await form.getByLabel("US-origin content (%)").fill(item.usContent);
  if (item.eccn) await form.getByLabel("ECCN").fill(item.eccn);
  if (item.tpp) await form.getByLabel("Total processing performance (TPP)").fill(item.tpp);
  await form.getByRole("button", { name: "Add line item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Line item added." })).toBeVisible();
}

/** On the operations step: names who builds, owns and operates the data centers, and the security plan. */
export async function describeOperations(page: Page, country = "United Arab Emirates") {
  await page.goto(`/proposals/${proposalIdOf(page)}/operations`);
  const form = page.getByRole("form", { name: "Operations and security" });
  for (const [role, name] of [
    ["Data-center builder", "Gulf Data Center Construction LLC"],
    ["Data-center owner", "National Data Halls PJSC"],
    ["Data-center operator", "Desert Compute Operations LLC"],
  ] as const) {
    await form.getByLabel(`${role}: legal name`).fill(name);
    await form.getByLabel(`${role}: country`).selectOption({ label: country });
  }
  await form.getByLabel("Security and cybersecurity plan").fill("Guarded perimeter, two-person access to the halls, model weights encrypted at rest, 24/7 monitoring.");
  await form.getByRole("button", { name: "Save operations and security" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Operations and security saved." })).toBeVisible();
}

/** On the review step: submits the proposal (the outcome is the caller's to check). */
export async function submitFromReview(page: Page) {
  await page.goto(`/proposals/${proposalIdOf(page)}/review`);
  await page.getByRole("button", { name: "Submit proposal" }).click();
}

type PartyEntry = { role: string; name: string; address: string; country: string; headquarters: string; parentName?: string; parentCountry?: string };

/** On the parties step: adds one party through the form. */
export async function addParty(page: Page, party: PartyEntry) {
  const form = page.getByRole("form", { name: "Add a party" });
  await form.getByRole("radio", { name: new RegExp(`^${party.role}:`) }).check();
  await form.getByLabel("Legal name", { exact: true }).fill(party.name);
  await form.getByLabel("Address").fill(party.address);
  await form.getByLabel("Country where it is located").selectOption({ label: party.country });
  await form.getByLabel("Headquarters country", { exact: true }).selectOption({ label: party.headquarters });
  if (party.parentName) await form.getByLabel("Ultimate parent's legal name").fill(party.parentName);
  if (party.parentCountry) await form.getByLabel("Ultimate parent's headquarters country").selectOption({ label: party.parentCountry });
  await form.getByRole("button", { name: "Add party" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Party “${party.name}” added.` })).toBeVisible();
}

/** From any page of the proposal: names the purchaser, consignee and end user (plus any extra party) and the end use on the parties step, then returns. */
export async function nameParties(page: Page, extra: PartyEntry[] = []) {
  const proposalUrl = page.url();
  await page.goto(`/proposals/${proposalIdOf(page)}/parties`);
  await expect(page.getByRole("heading", { level: 1, name: "Parties and end use" })).toBeVisible();
  const base: PartyEntry[] = [
    { role: "Purchaser", name: "Emirates Sovereign Compute PJSC", address: "Al Maryah Island, Abu Dhabi", country: "United Arab Emirates", headquarters: "United Arab Emirates" },
    { role: "Ultimate consignee", name: "Abu Dhabi National Data Halls LLC", address: "Khalifa Industrial Zone, Abu Dhabi", country: "United Arab Emirates", headquarters: "United Arab Emirates" },
    { role: "End user", name: "UAE Government Digital Services Authority", address: "Government District, Abu Dhabi", country: "United Arab Emirates", headquarters: "United Arab Emirates" },
  ];
  for (const party of [...base, ...extra]) await addParty(page, party);
  const endUse = page.getByRole("form", { name: "Specific end use" });
  await endUse.getByLabel("What the items will be used for").fill("Training and serving Arabic-language models for government e-services.");
  await endUse.getByRole("button", { name: "Save end use" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Specific end use saved." })).toBeVisible();
  await page.goto(proposalUrl);
}

/** On the financing step: saves a direct-loan financing request for a sovereign obligor. */
export async function requestFinancing(page: Page, amount: string, years = "10") {
  await page.goto(`/proposals/${proposalIdOf(page)}/financing`);
  const financing = page.getByRole("form", { name: "Financing request" });
  await financing.getByLabel("Direct loan").check();
  await financing.getByLabel("Amount requested (US dollars)").fill(amount);
  await financing.getByLabel("Repayment term (years)").fill(years);
  await financing.getByLabel("Obligor sector").selectOption("SOVEREIGN");
  await financing.getByRole("button", { name: "Save financing request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Financing request saved." })).toBeVisible();
}
