"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import { cancelCommitment, decideFinancing, recordBoardDecision, recordCongressionalNotification } from "@/lib/financing/service";
import type { FormState } from "@/lib/forms";
import { boardDecisionSchema, cancelCommitmentSchema, congressionalNotificationSchema, financingDecisionSchema } from "@/lib/schemas/decisions";

function refresh(proposalId: string) {
  revalidatePath("/financing");
  revalidatePath(`/financing/${proposalId}`);
  revalidatePath("/dashboard");
  revalidatePath("/published");
}

export async function decideFinancingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "financing:decide", financingDecisionSchema, async (actor, input) => {
    await decideFinancing(db(), actor, input);
    refresh(input.proposalId);
    return `/financing/${input.proposalId}?notice=decided`;
  });
}

export async function recordBoardDecisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "financing:decide", boardDecisionSchema, async (actor, input) => {
    await recordBoardDecision(db(), actor, input);
    refresh(input.proposalId);
    return `/financing/${input.proposalId}?notice=board`;
  });
}

export async function recordCongressionalNotificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "financing:decide", congressionalNotificationSchema, async (actor, input) => {
    await recordCongressionalNotification(db(), actor, input);
    refresh(input.proposalId);
    return `/financing/${input.proposalId}?notice=congress`;
  });
}

export async function cancelCommitmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "financing:decide", cancelCommitmentSchema, async (actor, input) => {
    await cancelCommitment(db(), actor, input);
    refresh(input.proposalId);
    return "Final commitment cancelled; its draw on the exposure cap was released.";
  });
}
