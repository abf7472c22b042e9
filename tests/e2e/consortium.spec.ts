// The consortium workspace in the browser: a lead adds a member and invites a
// new person; the invitation arrives in the development mailbox; the new person
// creates an account from the link and edits the consortium's draft.
import { expect } from "@playwright/test";
import { ADMIN, expectAccessible, MEMBER, signIn, test } from "./support";

test("a lead invites a new person, who accepts from the development mailbox and edits a draft", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const invitee = `new.contributor.${Date.now()}@atlas.example`;

  await signIn(page, MEMBER);
  await page.getByRole("link", { name: "Consortia" }).click();
  await page.getByRole("link", { name: "Atlas AI Consortium" }).click();
  await expect(page.getByRole("heading", { name: "Atlas AI Consortium" })).toBeVisible();
  await expectAccessible(page);

  // A member with a parent in a country of concern is flagged where the lead works.
  const addMember = page.getByRole("form", { name: "Add a member organization" });
  await addMember.getByLabel("Legal name").fill("Harbor Edge Compute Ltd.");
  await addMember.getByLabel("Country of incorporation").selectOption({ label: "Singapore" });
  await addMember.getByLabel("Headquarters country").selectOption({ label: "Singapore" });
  await addMember.getByLabel("Ultimate parent (optional)", { exact: true }).fill("Harbor Holdings");
  await addMember.getByLabel("Ultimate parent's country").selectOption({ label: "Hong Kong" });
  await addMember.getByLabel("Unique Entity ID (UEI)").fill("HARBOR-EDGE");
  await addMember.getByRole("button", { name: "Add member" }).click();
  await expect(addMember.getByLabel("Unique Entity ID (UEI)")).toHaveAttribute("aria-invalid", "true");
  await addMember.getByLabel("Unique Entity ID (UEI)").fill("HRBREDGE0001");
  await addMember.getByLabel("Security and cybersecurity").check();
  await addMember.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Member added." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "can't submit proposals while these members remain" })).toContainText("owned or controlled from Hong Kong");
  await page.getByRole("form", { name: "Remove Harbor Edge Compute Ltd." }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Member removed." })).toBeVisible();

  const invite = page.getByRole("form", { name: "Invite a person" });
  await invite.getByLabel("Email address").fill(invitee);
  await invite.getByLabel("Contributor (edits drafts)").check();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${invitee}` })).toBeVisible();

  // The administrator reads the message in the development mailbox.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.getByRole("link", { name: "Mailbox" }).click();
  const message = admin.getByRole("article").filter({ hasText: `To ${invitee}` });
  await expect(message).toBeVisible();
  await expectAccessible(admin);
  const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(await message.innerText())?.[0];
  expect(link).toBeTruthy();
  await adminContext.close();

  // The invited person, in their own browser.
  const inviteeContext = await browser.newContext();
  const person = await inviteeContext.newPage();
  await person.goto(new URL(link!).pathname);
  await expect(person.getByRole("heading", { name: "Join Atlas AI Consortium" })).toBeVisible();
  await expectAccessible(person);
  await person.getByLabel("Full name").fill("Jordan Rivera");
  await person.getByLabel("Password", { exact: true }).fill("password1234");
  await person.getByLabel("Password again").fill("password1234");
  await person.getByRole("button", { name: "Create account and join" }).click();
  await expect(person.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await person.getByLabel("Password", { exact: true }).fill("lantern orchard seventy rivers");
  await person.getByLabel("Password again").fill("lantern orchard seventy rivers");
  await person.getByRole("button", { name: "Create account and join" }).click();
  await expect(person.getByText("Your account is ready and you have joined the consortium.")).toBeVisible();

  await person.getByLabel("Email address").fill(invitee);
  await person.getByLabel("Password").fill("lantern orchard seventy rivers");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByRole("heading", { name: "Atlas AI Consortium" })).toBeVisible();

  // As a contributor, they edit the consortium's draft.
  await person.getByRole("link", { name: "Proposals" }).click();
  await person.getByRole("link", { name: "Sovereign AI compute campus, Abu Dhabi" }).click();
  await person.getByRole("link", { name: "Overview" }).click();
  await person.getByRole("textbox", { name: "Title" }).fill("Sovereign AI compute campus, Abu Dhabi (phase 1)");
  await person.getByRole("button", { name: "Save overview" }).click();
  // The button's own answer (autosave may also have said "Saved at …" by then).
  await expect(person.getByRole("status").filter({ hasText: "Overview saved." })).toBeVisible();
  await person.reload();
  await expect(person.getByRole("textbox", { name: "Title" })).toHaveValue("Sovereign AI compute campus, Abu Dhabi (phase 1)");

  // The link works once.
  await person.goto(new URL(link!).pathname);
  await expect(person.getByText("This invitation has already been used.")).toBeVisible();
  await inviteeContext.close();
});
