// A proposal's questions and answers, where each side works: the proposal page,
// the license review and the financing review. Messages new to the reader carry
// a "New" badge; once shown, the reader's marker moves past them.
import { answerQuestionAction, askQuestionAction } from "@/app/proposals/question-actions";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import type { Actor } from "@/lib/policy";
import { AGENCY_LABELS, newMessagesLabel } from "@/lib/questions/rules";
import { markThreadRead, questionThread } from "@/lib/questions/service";

export function NewBadge() {
  return (
    <>
      {" "}
      <span className="ml-1 inline-block rounded bg-[var(--color-navy-700)] px-2 py-0.5 text-xs font-bold uppercase text-white">New</span>
    </>
  );
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export async function QuestionThread({ actor, proposalId }: { actor: Actor; proposalId: string }) {
  const client = db();
  const thread = await questionThread(client, actor, proposalId);
  // The reader has now seen everything shown: the next view marks nothing of it new.
  if (thread.readUpTo) await markThreadRead(client, actor, proposalId, thread.readUpTo);
  // Open questions first (the oldest is the default); an answered one can take a further answer.
  const answerable = [...thread.questions.filter((q) => q.status === "OPEN"), ...thread.questions.filter((q) => q.status !== "OPEN")];
  const number = (q: (typeof thread.questions)[number]) => thread.questions.indexOf(q) + 1;

  return (
    <section id="questions" aria-labelledby="questions-heading" className="card">
      <h2 id="questions-heading" className="mb-3 text-xl font-bold">
        Questions and answers
        {thread.newCount > 0 ? " " : null}
        {thread.newCount > 0 ? <span className="ml-1 text-base font-semibold text-[var(--color-navy-700)]">({newMessagesLabel(thread.newCount)})</span> : null}
      </h2>
      <p className="mb-4 text-sm text-[var(--color-muted)]">Between the consortium, Commerce and EXIM. No one else can read this thread.</p>
      {thread.olderQuestionsHidden ? <p className="mb-3 text-sm">Only the latest questions are shown.</p> : null}
      {thread.questions.length === 0 ? (
        <p className="mb-4">No questions on this proposal yet.</p>
      ) : (
        <ol className="mb-6 space-y-4" aria-label="Questions, oldest first">
          {thread.questions.map((question, index) => (
            <li key={question.id} className="border-l-4 border-[var(--color-navy-700)] pl-3" data-testid="question">
              <h3 className="font-semibold">
                Question {index + 1} from {AGENCY_LABELS[question.side]}
                {question.isNew ? <NewBadge /> : null}
              </h3>
              <p className="text-sm text-[var(--color-muted)]">
                {question.askedBy.name} · <time dateTime={question.createdAt.toISOString()}>{formatDateTime(question.createdAt)}</time> ·{" "}
                {question.status === "OPEN" ? <strong className="text-[var(--color-ink)]">Waiting on the consortium</strong> : "Answered"}
              </p>
              <p className="mt-1 whitespace-pre-line">{question.body}</p>
              {question.answers.length > 0 ? (
                <ol className="mt-3 space-y-3" aria-label={`Answers to question ${index + 1}`}>
                  {question.answers.map((answer) => (
                    <li key={answer.id} className="ml-4 border-l-4 border-[var(--color-success)] pl-3" data-testid="answer">
                      <p className="text-sm font-semibold">
                        Answer from {answer.author.name}
                        {answer.isNew ? <NewBadge /> : null}
                      </p>
                      <p className="text-sm text-[var(--color-muted)]">
                        <time dateTime={answer.createdAt.toISOString()}>{formatDateTime(answer.createdAt)}</time>
                      </p>
                      <p className="mt-1 whitespace-pre-line">{answer.body}</p>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {thread.closedReason && (thread.questions.length > 0 || actor.role !== "CONSORTIUM_MEMBER") ? <p className="mb-4 text-sm">{thread.closedReason}</p> : null}
      {thread.mayAnswer && answerable.length > 0 ? (
        <ActionForm
          action={answerQuestionAction}
          label="Answer a question"
          submitLabel="Send answer"
          hidden={answerable.length === 1 ? { questionId: answerable[0]!.id } : {}}
          fields={[
            { kind: "heading", text: "Answer a question" },
            ...(answerable.length > 1
              ? [
                  {
                    kind: "radio" as const,
                    name: "questionId",
                    label: "Which question are you answering?",
                    required: true,
                    defaultValue: answerable[0]!.id,
                    options: answerable.map((q) => ({ value: q.id, label: `Question ${number(q)}${q.status === "OPEN" ? "" : " (answered)"}: ${excerpt(q.body)}` })),
                  },
                ]
              : []),
            {
              kind: "textarea",
              name: "answer",
              label: "Your answer",
              required: true,
              rows: 5,
              hint: `${answerable.length === 1 ? `To question ${number(answerable[0]!)}. ` : ""}The person who asked is notified by email.`,
            },
          ]}
        />
      ) : null}
      {thread.mayAsk ? (
        <ActionForm
          action={askQuestionAction}
          label="Ask the consortium a question"
          submitLabel="Send question"
          hidden={{ proposalId }}
          fields={[
            { kind: "heading", text: "Ask the consortium a question" },
            { kind: "textarea", name: "question", label: "Your question", required: true, rows: 5, hint: "The consortium's leads and contributors are notified by email. Commerce and EXIM both see the thread." },
          ]}
        />
      ) : null}
    </section>
  );
}
