// The inputs of questions and answers, shared by the forms and the server.
import { z } from "zod";
import { id, requiredText } from "./fields";

export const QUESTION_MAX_LENGTH = 4000;

export const askQuestionSchema = z.object({
  proposalId: id,
  question: requiredText("your question", QUESTION_MAX_LENGTH),
});
export type AskQuestionInput = z.output<typeof askQuestionSchema>;

export const answerQuestionSchema = z.object({
  questionId: z.string({ error: "Choose the question you are answering." }).trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose the question you are answering."),
  answer: requiredText("your answer", QUESTION_MAX_LENGTH),
});
export type AnswerQuestionInput = z.output<typeof answerQuestionSchema>;

export const markAllNotificationsReadSchema = z.object({});
