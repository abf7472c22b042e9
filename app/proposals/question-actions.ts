"use server";
// Thin doors to the questions service: authorize, validate with the shared
// schema, ask or answer, refresh the pages that show the thread, deliver the mail.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { deliverMailSoon } from "@/lib/mail/delivery";
import { portalUrl } from "@/lib/portal-url";
import { answerQuestion, askQuestion } from "@/lib/questions/service";
import { answerQuestionSchema, askQuestionSchema } from "@/lib/schemas/questions";

function refreshThreadPages(proposalId: string) {
  revalidatePath(`/proposals/${proposalId}`);
  revalidatePath("/licensing/[id]", "page");
  revalidatePath("/financing/[id]", "page");
}

export async function askQuestionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "question:ask", askQuestionSchema, async (actor, input) => {
    await askQuestion(db(), actor, input, portalUrl(await headers()));
    await deliverMailSoon();
    refreshThreadPages(input.proposalId);
    return "Question sent. The consortium's leads and contributors have been notified.";
  });
}

export async function answerQuestionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "question:answer", answerQuestionSchema, async (actor, input) => {
    const answer = await answerQuestion(db(), actor, input, portalUrl(await headers()));
    await deliverMailSoon();
    refreshThreadPages(answer.proposalId);
    return "Answer sent. The person who asked has been notified.";
  });
}
