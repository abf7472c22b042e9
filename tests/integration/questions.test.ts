// Questions and answers on a real database: who may read, ask and answer; the
// read markers; the notifications in the app and by mail; and the consortium's
// home showing an open question as waiting on it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { consortiumHome } from "@/lib/home/service";
import { markAllNotificationsRead, notificationsPage, unreadNotificationCount } from "@/lib/notifications/service";
import type { Actor } from "@/lib/policy";
import { submitProposal, withdrawProposal } from "@/lib/proposals/service";
import { answerQuestion, askQuestion, markThreadRead, questionThread, unreadCounts } from "@/lib/questions/service";
import { askQuestionSchema } from "@/lib/schemas/questions";
import { freshDatabase } from "./support/database";
import { addSeat, createCompleteDraft, createConsortiumMember, createUser } from "./support/fixtures";

let client: Db;
const PORTAL = "https://portal.example";

let lead: Actor;
let contributor: Actor;
let viewer: Actor;
let reviewer: Actor;
let officer: Actor;
let admin: Actor;
let outsider: Actor;
let consortiumId: string;
let proposalId: string;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  const atlas = await createConsortiumMember(client, "LEAD");
  lead = atlas.actor;
  consortiumId = atlas.consortium.id;
  contributor = await addSeat(client, consortiumId, "CONTRIBUTOR");
  viewer = await addSeat(client, consortiumId, "VIEWER");
  reviewer = await createUser(client, "COMMERCE_REVIEWER");
  officer = await createUser(client, "EXIM_OFFICER");
  admin = await createUser(client, "ADMINISTRATOR");
  ({ actor: outsider } = await createConsortiumMember(client, "LEAD"));
  const draft = await createCompleteDraft(client, lead);
  await submitProposal(client, lead, { proposalId: draft.id, expectedVersion: draft.version });
  proposalId = draft.id;
});

const ask = (actor: Actor, question = "What is the power source of the data center?", id = proposalId) => askQuestion(client, actor, { proposalId: id, question }, PORTAL);

describe("who may take part in a proposal's questions", () => {
  it("Commerce and EXIM ask; the consortium's leads and contributors answer; its viewers only read", async () => {
    const fromCommerce = await ask(reviewer);
    expect(fromCommerce.side).toBe("COMMERCE");
    const fromExim = await ask(officer, "Who guarantees the loan?");
    expect(fromExim.side).toBe("EXIM");

    await answerQuestion(client, contributor, { questionId: fromCommerce.id, answer: "A dedicated solar farm with grid backup." }, PORTAL);
    await answerQuestion(client, lead, { questionId: fromExim.id, answer: "The Ministry of Finance." }, PORTAL);
    await expect(answerQuestion(client, viewer, { questionId: fromExim.id, answer: "Me too." }, PORTAL)).rejects.toThrow(ForbiddenError);

    const seenByViewer = await questionThread(client, viewer, proposalId);
    expect(seenByViewer.questions.map((q) => q.status)).toEqual(["ANSWERED", "ANSWERED"]);
    expect(seenByViewer.mayAnswer).toBe(false);
    expect(seenByViewer.mayAsk).toBe(false);
    expect((await questionThread(client, contributor, proposalId)).mayAnswer).toBe(true);
    expect((await questionThread(client, officer, proposalId)).mayAsk).toBe(true);
  });

  it("the consortium can't ask, and the agencies can't answer", async () => {
    await expect(ask(lead)).rejects.toThrow(ForbiddenError);
    const question = await ask(reviewer, "Is the site within a free zone?");
    await expect(answerQuestion(client, reviewer, { questionId: question.id, answer: "Yes." }, PORTAL)).rejects.toThrow(ForbiddenError);
  });

  it("another consortium, an administrator and a signed-out visitor are refused, and learn nothing", async () => {
    const question = await ask(reviewer, "Which cooling technology?");
    // Another consortium's lead: the proposal and the question answer 404, like missing ones.
    await expect(questionThread(client, outsider, proposalId)).rejects.toThrow(NotFoundError);
    await expect(answerQuestion(client, outsider, { questionId: question.id, answer: "Liquid." }, PORTAL)).rejects.toThrow(NotFoundError);
    // Administrators are not a party to the thread.
    await expect(questionThread(client, admin, proposalId)).rejects.toThrow(ForbiddenError);
    await expect(askQuestion(client, admin, { proposalId, question: "Anything?" }, PORTAL)).rejects.toThrow(ForbiddenError);
    // Nobody signed in: the policy refuses before any query.
    await expect(questionThread(client, null as unknown as Actor, proposalId)).rejects.toThrow();
    // Unread counts for lists say nothing about threads the actor can't read.
    expect((await unreadCounts(client, admin, [proposalId])).size).toBe(0);
  });

  it("a draft has no thread for the agencies, and a closed proposal takes no more questions", async () => {
    const draft = await createCompleteDraft(client, lead);
    await expect(ask(reviewer, "Early question?", draft.id)).rejects.toThrow(NotFoundError);
    await submitProposal(client, lead, { proposalId: draft.id, expectedVersion: draft.version });
    const question = await ask(reviewer, "Before you withdraw: why?", draft.id);
    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    await withdrawProposal(client, lead, { proposalId: draft.id, expectedVersion: version });
    await expect(ask(reviewer, "Another?", draft.id)).rejects.toThrow(RuleViolationError);
    await expect(answerQuestion(client, lead, { questionId: question.id, answer: "Late." }, PORTAL)).rejects.toThrow(RuleViolationError);
  });

  it("an empty question is refused with a message on its field, and nothing is written", async () => {
    const parsed = askQuestionSchema.safeParse({ proposalId, question: "   " });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["question"], message: "Enter your question." });
  });
});

describe("unread markers", () => {
  it("mark messages by others as new until the reader has seen them", async () => {
    const { actor: ownLead, consortium } = await createConsortiumMember(client, "LEAD");
    const draft = await createCompleteDraft(client, ownLead);
    await submitProposal(client, ownLead, { proposalId: draft.id, expectedVersion: draft.version });
    const question = await ask(reviewer, "How many megawatts?", draft.id);

    // The lead has not read the thread: the question is new to them, not to the reviewer who asked.
    const first = await questionThread(client, ownLead, draft.id);
    expect(first.newCount).toBe(1);
    expect(first.questions[0]!.isNew).toBe(true);
    expect((await unreadCounts(client, ownLead, [draft.id])).get(draft.id)).toBe(1);
    expect((await questionThread(client, reviewer, draft.id)).newCount).toBe(0);

    // Once shown, the marker moves: nothing is new on the next view.
    await markThreadRead(client, ownLead, draft.id, first.readUpTo!);
    const second = await questionThread(client, ownLead, draft.id);
    expect(second.newCount).toBe(0);
    expect(second.readUpTo).toBeNull();
    expect((await unreadCounts(client, ownLead, [draft.id])).get(draft.id)).toBeUndefined();

    // The answer is new to the reviewer, and only to them.
    const reviewerView = await questionThread(client, reviewer, draft.id);
    await markThreadRead(client, reviewer, draft.id, reviewerView.readUpTo!);
    await answerQuestion(client, ownLead, { questionId: question.id, answer: "Forty." }, PORTAL);
    const afterAnswer = await questionThread(client, reviewer, draft.id);
    expect(afterAnswer.questions[0]!.isNew).toBe(false);
    expect(afterAnswer.questions[0]!.answers[0]!.isNew).toBe(true);
    expect(afterAnswer.newCount).toBe(1);
    expect((await questionThread(client, ownLead, draft.id)).newCount).toBe(0);

    // A marker never moves backwards.
    await markThreadRead(client, reviewer, draft.id, afterAnswer.readUpTo!);
    await markThreadRead(client, reviewer, draft.id, new Date(0));
    expect((await questionThread(client, reviewer, draft.id)).newCount).toBe(0);
    expect(consortium.id).toBeTruthy();
  });
});

describe("notifications", () => {
  it("a question notifies the consortium's leads and contributors in the app and queues a mail; an answer notifies the asker", async () => {
    const { actor: ownLead, consortium } = await createConsortiumMember(client, "LEAD");
    const ownContributor = await addSeat(client, consortium.id, "CONTRIBUTOR");
    const ownViewer = await addSeat(client, consortium.id, "VIEWER");
    const draft = await createCompleteDraft(client, ownLead);
    await submitProposal(client, ownLead, { proposalId: draft.id, expectedVersion: draft.version });
    const mailBefore = await client.mailMessage.count();

    const question = await ask(officer, "Please send the sovereign guarantee letter.", draft.id);

    for (const person of [ownLead, ownContributor]) {
      expect(await unreadNotificationCount(client, person)).toBe(1);
      const page = await notificationsPage(client, person, {});
      expect(page.rows[0]).toMatchObject({ kind: "question.asked", link: `/proposals/${draft.id}#questions`, readAt: null });
      expect(page.rows[0]!.title).toContain("EXIM asked a question");
    }
    expect(await unreadNotificationCount(client, ownViewer)).toBe(0);
    const mails = await client.mailMessage.findMany({ where: { createdAt: { gte: question.createdAt } }, orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to).sort()).toEqual([ownLead.email, ownContributor.email].sort());
    expect(mails[0]!.status).toBe("QUEUED");
    expect(mails[0]!.text).toContain("Please send the sovereign guarantee letter.");
    expect(mails[0]!.text).toContain(`${PORTAL}/proposals/${draft.id}#questions`);
    expect(await client.mailMessage.count()).toBe(mailBefore + 2);

    // The audit trail records the question in the same transaction, without its text.
    const event = await client.auditEvent.findFirstOrThrow({ where: { action: "question.asked", entityId: question.id } });
    expect(event).toMatchObject({ actorId: officer.userId, proposalId: draft.id });
    expect(JSON.stringify(event.after)).not.toContain("guarantee");

    // Reading the thread clears the notices about it.
    const view = await questionThread(client, ownContributor, draft.id);
    await markThreadRead(client, ownContributor, draft.id, view.readUpTo!);
    expect(await unreadNotificationCount(client, ownContributor)).toBe(0);
    expect(await unreadNotificationCount(client, ownLead)).toBe(1);

    const before = await unreadNotificationCount(client, officer);
    await answerQuestion(client, ownLead, { questionId: question.id, answer: "Attached to the financing step." }, PORTAL);
    expect(await unreadNotificationCount(client, officer)).toBe(before + 1);
    const answerMail = await client.mailMessage.findFirstOrThrow({ where: { to: officer.email, subject: { contains: "Answer to your question" } }, orderBy: { createdAt: "desc" } });
    expect(answerMail.text).toContain("Attached to the financing step.");
    expect(await client.auditEvent.count({ where: { action: "question.answered", entityId: question.id } })).toBe(1);

    await markAllNotificationsRead(client, ownLead);
    expect(await unreadNotificationCount(client, ownLead)).toBe(0);
  });

  it("the notifications page reads by keyset, newest first, and only the actor's own", async () => {
    const person = await createUser(client, "EXIM_OFFICER");
    const base = Date.now();
    await client.notification.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({ userId: person.userId, kind: "test", title: `Notice ${i}`, body: "", createdAt: new Date(base - i * 1000) })),
    });
    const first = await notificationsPage(client, person, {});
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0]!.title).toBe("Notice 0");
    const second = await notificationsPage(client, person, { after: first.next });
    expect(second.rows.map((r) => r.title)).toEqual(["Notice 20", "Notice 21", "Notice 22", "Notice 23", "Notice 24"]);
    expect(second.next).toBeNull();
    expect((await notificationsPage(client, officer, {})).rows.every((r) => r.title.startsWith("Notice") === false)).toBe(true);
  });
});

describe("the consortium's home", () => {
  it("shows an open question as waiting on the consortium, and no longer once answered", async () => {
    const { actor: ownLead, consortium } = await createConsortiumMember(client, "LEAD");
    const draft = await createCompleteDraft(client, ownLead);
    await submitProposal(client, ownLead, { proposalId: draft.id, expectedVersion: draft.version });
    const question = await ask(reviewer, "Where is the backup site?", draft.id);

    const home = await consortiumHome(client, ownLead);
    expect(home.waiting.count).toBe(1);
    expect(home.waiting.oldest[0]).toMatchObject({ id: question.id, side: "COMMERCE", proposal: { id: draft.id } });
    expect(home.unread.get(draft.id)).toBe(1);
    expect(home.proposals.rows.map((r) => r.id)).toContain(draft.id);
    expect(home.seats[0]!.consortium).toMatchObject({ id: consortium.id, _count: { memberships: 1, users: 1 } });
    expect(home.activity.map((a) => a.action)).toContain("question.asked");
    expect(home.activity.every((a) => a.proposalId === draft.id)).toBe(true);

    // Another consortium's home doesn't see it.
    expect((await consortiumHome(client, outsider)).waiting.count).toBe(0);

    await answerQuestion(client, ownLead, { questionId: question.id, answer: "In Al Ain." }, PORTAL);
    expect((await consortiumHome(client, ownLead)).waiting.count).toBe(0);
  });
});
