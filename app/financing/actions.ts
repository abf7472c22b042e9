"use server";
import { revalidatePath } from "next/cache";
import { runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import { decideFinancing } from "@/lib/financing/service";
import type { FormState } from "@/lib/forms";
import { financingDecisionSchema } from "@/lib/schemas/decisions";

export async function decideFinancingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "financing:decide", financingDecisionSchema, async (actor, input) => {
    await decideFinancing(db(), actor, input);
    revalidatePath("/financing");
    revalidatePath("/dashboard");
    return `/financing/${input.proposalId}?notice=decided`;
  });
}
