// Drafts save as people type, and no work is lost: to a reload, a closed tab,
// an ended session, a colleague saving first, or a link clicked too soon.
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { expectAccessible, MEMBER, proposalIdOf, signIn, test } from "./support";

async function newDraft(page: Page): Promise<string> {
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill(`Autosaved campus ${Date.now()}`);
  await page.getByLabel("Summary").fill("Phase one.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return new URL(page.url()).pathname;
}

const details = (page: Page) => page.getByRole("form", { name: "Overview" });
const savedAt = (page: Page) => page.getByText(/^Saved at \d/);

test("typing saves the step with a saved-at time; a reload and a closed tab keep the text", async ({ page, context }) => {
  const path = await newDraft(page);
  await details(page).getByLabel("Summary").fill("Typed, never submitted.");
  await expect(savedAt(page)).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(details(page).getByLabel("Summary")).toHaveValue("Typed, never submitted.");

  // The tab closes before the save is due: the text is back in the next tab.
  await details(page).getByLabel("Summary").fill("Typed just before closing the tab.");
  await page.close();
  const next = await context.newPage();
  await next.goto(path);
  await expect(details(next).getByLabel("Summary")).toHaveValue("Typed just before closing the tab.");
  // The closing tab's last save, or the restored copy's, reaches the server.
  const id = proposalIdOf(next);
  await expect
    .poll(async () => ((await (await next.request.get(`/api/proposals/${id}`)).json()) as { proposal: { summary: string } }).proposal.summary)
    .toBe("Typed just before closing the tab.");
  await next.reload();
  await expect(details(next).getByLabel("Summary")).toHaveValue("Typed just before closing the tab.");
});

test("a save from an old copy shows what the colleague changed, and leaving with unsaved changes asks", async ({ page, browser }) => {
  const path = await newDraft(page);
  const elsewhere = await browser.newContext();
  const colleague = await elsewhere.newPage();
  await signIn(colleague, MEMBER);
  await colleague.goto(path);
  await details(colleague).getByLabel("Title").fill("Renamed in the other browser");
  await expect(savedAt(colleague)).toBeVisible();

  await details(page).getByLabel("Summary").fill("My longer summary.");
  const conflict = page.getByRole("alert").filter({ hasText: "someone else changed this" });
  await expect(conflict).toContainText(/Title was changed by .+ at \d{1,2}:\d{2} [AP]M E[SD]T to “Renamed in the other browser”\./);
  await expect(page.getByText("Not saved: see the changes above.")).toBeVisible();
  await expectAccessible(page);

  // The summary isn't saved: a link away asks first, and staying keeps it.
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.getByRole("link", { name: "Next: Package" }).click();
  expect(await asked).toContain("not saved");
  await expect(page).toHaveURL((url) => url.pathname === path);
  await expect(details(page).getByLabel("Summary")).toHaveValue("My longer summary.");

  // Taking the colleague's title in, then keeping mine, saves both.
  await details(page).getByLabel("Title").fill("Renamed in the other browser");
  await conflict.getByRole("button", { name: "Save my version over theirs" }).click();
  await expect(savedAt(page)).toBeVisible();
  await colleague.reload();
  await expect(details(colleague).getByLabel("Summary")).toHaveValue("My longer summary.");
  await expect(details(colleague).getByLabel("Title")).toHaveValue("Renamed in the other browser");
  await elsewhere.close();
});

test("a save after the session ended keeps the input; signing in again returns to the step and saves it", async ({ page, context }) => {
  const path = await newDraft(page);
  const other = await context.newPage();
  await other.goto("/dashboard");
  await other.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(other.getByText("You have signed out.")).toBeVisible();
  await other.close();

  await details(page).getByLabel("Summary").fill("Typed after the session ended.");
  await expect(page.getByText("Not saved: you are signed out.")).toBeVisible();
  const dialog = page.getByRole("dialog", { name: "You have been signed out" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("link", { name: "Sign in again" }).click();
  await page.getByLabel("Email address").fill(MEMBER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL((url) => url.pathname === path);
  await expect(details(page).getByLabel("Summary")).toHaveValue("Typed after the session ended.");
  await expect(savedAt(page)).toBeVisible();
  await page.reload();
  await expect(details(page).getByLabel("Summary")).toHaveValue("Typed after the session ended.");
});
