// Questions and answers on a proposal: Commerce reviewers and EXIM officers ask,
// the consortium's leads and contributors answer, its viewers read. Nobody else
// sees the thread (lib/policy.ts questionProposalScope). Each change, its audit
// event, the in-app notifications and the mail in the outbox commit together.
import type { Db, Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, RuleViolationError, requireRecordId } from "@/lib/errors";
import type { ConsortiumSeatRole, ProposalStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyConsortium, notifyUser } from "@/lib/notifications/service";
import { agencySideOf, can, questionProposalScope, seatAllows, type Actor } from "@/lib/policy";
import type { AnswerQuestionInput, AskQuestionInput } from "@/lib/schemas/questions";
import { AGENCY_LABELS, isNew, readMarkerAfter, threadClosedReason } from "./rules";

/** A thread shows this many questions, newest last; a proposal has a handful, so older ones are summarized. */
export const THREAD_QUESTION_LIMIT = 50;

const excerpt = (text: string, length = 140) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

type ThreadProposal = { id: string; reference: string; title: string; consortiumId: string; status: ProposalStatus; seatRole: ConsortiumSeatRole | null };

/** The proposal, if the actor may read its questions (404 otherwise), with their seat in its consortium. */
async function proposalForThread(client: Db | Tx, actor: Actor, proposalId: string): Promise<ThreadProposal> {
  requireRecordId(proposalId, "Proposal");
  const proposal = await client.proposal.findFirst({
    where: { AND: [{ id: proposalId }, questionProposalScope(actor, "question:read")] },
    select: { id: true, reference: true, title: true, consortiumId: true, status: true },
  });
  if (!proposal) throw new NotFoundError("Proposal");
  const seat =
    actor.role === "CONSORTIUM_MEMBER"
      ? await client.consortiumUser.findUnique({ where: { consortiumId_userId: { consortiumId: proposal.consortiumId, userId: actor.userId } }, select: { seatRole: true } })
      : null;
  return { ...proposal, seatRole: seat?.seatRole ?? null };
}

/**
 * What the thread shows the actor: the questions and answers, which of them are
 * new to the actor, and whether they may ask or answer. Reading it does not
 * move the read marker; `markThreadRead` does, once the page has shown it.
 */
export async function questionThread(client: Db, actor: Actor, proposalId: string) {
  const proposal = await proposalForThread(client, actor, proposalId);
  const [questions, read] = await Promise.all([
    client.question.findMany({
      where: { proposalId: proposal.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: THREAD_QUESTION_LIMIT + 1,
      select: {
        id: true,
        side: true,
        body: true,
        status: true,
        createdAt: true,
        askedById: true,
        askedBy: { select: { name: true } },
        answers: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } } },
      },
    }),
    client.threadRead.findUnique({ where: { userId_proposalId: { userId: actor.userId, proposalId: proposal.id } }, select: { lastReadAt: true } }),
  ]);
  const lastReadAt = read?.lastReadAt ?? null;
  const shown = questions.slice(0, THREAD_QUESTION_LIMIT).reverse();
  const thread = shown.map((q) => ({
    ...q,
    isNew: isNew({ authorId: q.askedById, createdAt: q.createdAt }, actor.userId, lastReadAt),
    answers: q.answers.map((a) => ({ ...a, isNew: isNew(a, actor.userId, lastReadAt) })),
  }));
  const newCount = thread.reduce((n, q) => n + (q.isNew ? 1 : 0) + q.answers.filter((a) => a.isNew).length, 0);
  const messages = shown.flatMap((q) => [{ authorId: q.askedById, createdAt: q.createdAt }, ...q.answers]);
  const closed = threadClosedReason(proposal.status);
  return {
    proposal,
    questions: thread,
    olderQuestionsHidden: questions.length > THREAD_QUESTION_LIMIT,
    newCount,
    /** Where the read marker moves once this thread has been shown (null: nothing new to mark). */
    readUpTo: readMarkerAfter(messages, lastReadAt),
    closedReason: closed,
    mayAsk: closed === null && can(actor, "question:ask"),
    mayAnswer: closed === null && can(actor, "question:answer") && seatAllows(proposal.seatRole, "question:answer"),
  };
}

export type QuestionThreadView = Awaited<ReturnType<typeof questionThread>>;

/**
 * Moves the actor's read marker on the proposal's thread to `upTo` (never
 * backwards), and marks their notifications about its questions read.
 */
export async function markThreadRead(client: Db, actor: Actor, proposalId: string, upTo: Date): Promise<void> {
  // The marker belongs to the actor; the thread was authorized when it was read.
  questionProposalScope(actor, "question:read");
  await client.$transaction([
    client.$executeRaw`
      INSERT INTO "ThreadRead" ("userId", "proposalId", "lastReadAt") VALUES (${actor.userId}, ${proposalId}, ${upTo})
      ON CONFLICT ("userId", "proposalId") DO UPDATE SET "lastReadAt" = GREATEST("ThreadRead"."lastReadAt", EXCLUDED."lastReadAt")`,
    client.notification.updateMany({
      where: { userId: actor.userId, readAt: null, proposalId, kind: { startsWith: "question." }, createdAt: { lte: new Date() } },
      data: { readAt: new Date() },
    }),
  ]);
}

/** New messages (by others, after the reader's marker) per proposal, for the proposals a list shows. */
export async function unreadCounts(client: Db, actor: Actor, proposalIds: readonly string[]): Promise<Map<string, number>> {
  if (proposalIds.length === 0 || !can(actor, "question:read")) return new Map();
  // The ids come from a list already read in the actor's scope; the count reads only their threads.
  const rows = await client.$queryRaw<Array<{ proposalId: string; count: bigint }>>`
    SELECT m."proposalId", count(*) AS count FROM (
      SELECT "proposalId", "createdAt", "askedById" AS "authorId" FROM "Question" WHERE "proposalId" IN (${Prisma.join(proposalIds)})
      UNION ALL
      SELECT "proposalId", "createdAt", "authorId" FROM "QuestionAnswer" WHERE "proposalId" IN (${Prisma.join(proposalIds)})
    ) m
    LEFT JOIN "ThreadRead" r ON r."proposalId" = m."proposalId" AND r."userId" = ${actor.userId}
    WHERE m."authorId" <> ${actor.userId} AND (r."lastReadAt" IS NULL OR m."createdAt" > r."lastReadAt")
    GROUP BY m."proposalId"`;
  return new Map(rows.map((r) => [r.proposalId, Number(r.count)]));
}

/** Locks the proposal against status changes while a question or answer is added, and checks the thread is open. */
async function requireOpenThread(tx: Tx, proposalId: string) {
  const [row] = await tx.$queryRaw<Array<{ status: ProposalStatus }>>`SELECT status FROM "Proposal" WHERE id = ${proposalId} FOR SHARE`;
  const reason = threadClosedReason(row!.status);
  if (reason) throw new RuleViolationError(reason);
}

const threadLink = (proposalId: string) => `/proposals/${proposalId}#questions`;

export async function askQuestion(client: Db, actor: Actor, input: AskQuestionInput, portalUrl: string) {
  const side = agencySideOf(actor);
  questionProposalScope(actor, "question:ask");
  if (!side) throw new ForbiddenError();
  return client.$transaction(async (tx) => {
    const found = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, questionProposalScope(actor, "question:ask")] },
      select: { id: true, reference: true, title: true, consortiumId: true },
    });
    if (!found) throw new NotFoundError("Proposal");
    await requireOpenThread(tx, found.id);
    const question = await tx.question.create({
      data: { proposalId: found.id, consortiumId: found.consortiumId, askedById: actor.userId, side, body: input.question },
    });
    // The audit trail records that a question was asked and by which side; its text stays in the thread.
    await recordAudit(tx, actor, { action: "question.asked", entityType: "Question", entityId: question.id, proposalId: found.id, after: { side, status: "OPEN" } });
    const agency = AGENCY_LABELS[side];
    await notifyConsortium(tx, found.consortiumId, {
      kind: "question.asked",
      proposalId: found.id,
      title: `${agency} asked a question about ${found.reference}`,
      body: excerpt(input.question),
      link: threadLink(found.id),
      email: {
        subject: `${agency} asked a question about ${found.reference}: ${found.title}`,
        text: [
          `${actor.name} (${agency}) asked a question about ${found.reference}, “${found.title}”:`,
          "",
          input.question,
          "",
          `Read and answer it: ${portalUrl}${threadLink(found.id)}`,
        ].join("\n"),
      },
    });
    return question;
  });
}

export async function answerQuestion(client: Db, actor: Actor, input: AnswerQuestionInput, portalUrl: string) {
  questionProposalScope(actor, "question:answer");
  requireRecordId(input.questionId, "Question");
  return client.$transaction(async (tx) => {
    // Found through what the actor may read: a viewer is told they can't answer, anyone else gets 404.
    const question = await tx.question.findFirst({
      where: { id: input.questionId, proposal: questionProposalScope(actor, "question:read") },
      select: { id: true, proposalId: true, askedById: true, side: true, proposal: { select: { reference: true, title: true, consortiumId: true } } },
    });
    if (!question) throw new NotFoundError("Question");
    const seat = await tx.consortiumUser.findUnique({
      where: { consortiumId_userId: { consortiumId: question.proposal.consortiumId, userId: actor.userId } },
      select: { seatRole: true },
    });
    if (!seatAllows(seat?.seatRole ?? null, "question:answer")) throw new ForbiddenError("Viewers can read the questions but not answer them; ask a lead or contributor.");
    await requireOpenThread(tx, question.proposalId);
    const answer = await tx.questionAnswer.create({ data: { questionId: question.id, proposalId: question.proposalId, authorId: actor.userId, body: input.answer } });
    await tx.question.update({ where: { id: question.id }, data: { status: "ANSWERED", answeredAt: answer.createdAt } });
    await recordAudit(tx, actor, { action: "question.answered", entityType: "Question", entityId: question.id, proposalId: question.proposalId, after: { status: "ANSWERED" } });
    const { reference, title } = question.proposal;
    await notifyUser(tx, question.askedById, {
      kind: "question.answered",
      proposalId: question.proposalId,
      title: `The consortium answered your question about ${reference}`,
      body: excerpt(input.answer),
      link: threadLink(question.proposalId),
      email: {
        subject: `Answer to your question about ${reference}: ${title}`,
        text: [`${actor.name} answered your question about ${reference}, “${title}”:`, "", input.answer, "", `Read it: ${portalUrl}${threadLink(question.proposalId)}`].join("\n"),
      },
    });
    return answer;
  });
}

/** Open questions waiting on the actor's consortia: the oldest few and a count (capped). */
export const WAITING_COUNT_CAP = 100;
export async function questionsWaitingOn(client: Db, actor: Actor, consortiumIds: readonly string[], take = 5) {
  if (consortiumIds.length === 0 || !can(actor, "question:read")) return { count: 0, oldest: [] };
  const where = { consortiumId: { in: [...consortiumIds] }, status: "OPEN" as const };
  const [count, oldest] = await Promise.all([
    client.question.count({ where, take: WAITING_COUNT_CAP }),
    client.question.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, side: true, body: true, createdAt: true, proposal: { select: { id: true, reference: true, title: true } } },
    }),
  ]);
  return { count, oldest: oldest.map((q) => ({ ...q, body: excerpt(q.body, 120) })) };
}
