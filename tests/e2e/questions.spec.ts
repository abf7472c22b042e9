// Questions and answers in a real browser: a Commerce reviewer asks about a
// submitted proposal; the consortium's member sees the notification count and
// the question waiting on their home, and answers it; the reviewer sees the
// answer marked new, and no longer once read.
import { expect, type Page } from "@playwright/test";
import { addLineItem, describeOperations, expectAccessible, MEMBER, nameParties, proposalIdOf, requestFinancing, REVIEWER, signIn, signOut, submitFromReview, test } from "./support";

const unreadBadge = (page: Page) => page.getByTestId("notifications-link");

test("a reviewer asks, the consortium is told and answers, the reviewer sees the answer as new", async ({ page, browser }) => {
  test.setTimeout(240_000); // three people's work, end to end
  const title = `Jakarta inference cluster ${Date.now()}`;
  const question = "Which utility supplies the site's power, and is there a second feed?";
  const answer = "PLN supplies it, with a second feed from an independent substation.";

  // ── Consortium member: a submitted proposal ───────────────────────────────
  await signIn(page, MEMBER);
  await page.getByRole("link", { name: "Start a new proposal" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Inference servers, storage, cloud and applications for government services.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const proposalUrl = `/proposals/${proposalIdOf(page)}`;
  await addLineItem(page, { layer: "Hardware (AI chips, accelerators, servers)", description: "Inference servers", quantity: "20", unitPrice: "300,000", usContent: "80", eccn: "4A090", tpp: "16000" });
  await addLineItem(page, { layer: "Data-center storage", description: "Storage arrays", quantity: "5", unitPrice: "500,000", usContent: "80" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud", quantity: "1", unitPrice: "3,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Application software", description: "Citizen services assistant", quantity: "1", unitPrice: "1,000,000", usContent: "80" });
  await requestFinancing(page, "5,000,000");
  await describeOperations(page);
  await nameParties(page);
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions and answers" })).toBeVisible();
  await expect(page.getByText("No questions on this proposal yet.")).toBeVisible();
  await signOut(page);

  // ── Commerce reviewer: asks a question on the proposal ────────────────────
  await signIn(page, REVIEWER);
  await page.goto(proposalUrl);
  const ask = page.getByRole("form", { name: "Ask the consortium a question" });
  // An empty question is refused, and nothing is sent.
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(ask.getByRole("alert")).toContainText("Enter your question.");
  await ask.getByLabel("Your question").fill(question);
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Question sent." })).toBeVisible();
  const asked = page.getByTestId("question").filter({ hasText: question });
  await expect(asked).toContainText("Question 1 from Commerce");
  await expect(asked).toContainText("Waiting on the consortium");
  await expectAccessible(page);
  // The same thread where the reviewer decides the license.
  await page.getByRole("link", { name: "United Arab Emirates" }).click();
  await expect(page.getByRole("heading", { name: "Questions and answers" })).toBeVisible();
  await expect(page.getByTestId("question").filter({ hasText: question })).toBeVisible();
  await signOut(page);

  // ── Consortium member: told in the header and on the home; answers ────────
  await signIn(page, MEMBER);
  await expect(unreadBadge(page)).toContainText("1 unread");
  await page.goto("/dashboard");
  const waiting = page.getByTestId("waiting-on-you");
  await expect(waiting).toContainText("1 open question from the agencies");
  await expect(waiting.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await expect(waiting).toContainText(question.slice(0, 40));
  await expect(page.getByRole("table", { name: /Your consortia's proposals/ }).getByRole("row").filter({ hasText: title })).toContainText("1 new message");
  await expectAccessible(page);

  await page.goto("/notifications");
  await expect(page).toHaveTitle(/Notifications/);
  const notice = page.getByRole("article").filter({ hasText: "Commerce asked a question" });
  await expect(notice).toContainText("New");
  await expectAccessible(page);
  await notice.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const mine = page.getByTestId("question").filter({ hasText: question });
  await expect(mine.getByText("New", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Questions and answers \(1 new message\)/ })).toBeVisible();
  await signOut(page);

  // The answer goes out from a browser without JavaScript: the form posts as plain HTML.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const noScript = await plain.newPage();
  await signIn(noScript, MEMBER);
  await noScript.goto(proposalUrl);
  // Seen already: the question is no longer new, and the header count is gone.
  await expect(noScript.getByTestId("question").filter({ hasText: question }).getByText("New", { exact: true })).toHaveCount(0);
  await expect(unreadBadge(noScript)).not.toContainText("unread");
  const answerForm = noScript.getByRole("form", { name: "Answer a question" });
  await answerForm.getByLabel("Your answer").fill(answer);
  await answerForm.getByRole("button", { name: "Send answer" }).click();
  await expect(noScript.getByRole("status").filter({ hasText: "Answer sent." })).toBeVisible();
  await expect(noScript.getByTestId("question").filter({ hasText: question })).toContainText("Answered");
  await noScript.goto("/dashboard");
  await expect(noScript.getByTestId("waiting-on-you")).toContainText("Nothing waits on your consortium right now.");
  await plain.close();

  // ── Commerce reviewer: the answer, marked new ─────────────────────────────
  await signIn(page, REVIEWER);
  await expect(unreadBadge(page)).toContainText("1 unread");
  await page.goto(proposalUrl);
  const answered = page.getByTestId("answer").filter({ hasText: answer });
  await expect(answered.getByText("New", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("answer").filter({ hasText: answer }).getByText("New", { exact: true })).toHaveCount(0);
});
