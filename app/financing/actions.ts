"use server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { decideFinancing } from "@/lib/financing/service";
import type { FormState } from "@/lib/forms";
import { formatCents } from "@/lib/money";
import { financingDecisionSchema } from "@/lib/schemas/decisions";

export async function decideFinancingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "financing:decide", financingDecisionSchema, async (actor, input) => {
    await decideFinancing(db(), actor, input);
    revalidatePath("/financing");
    revalidatePath(`/financing/${input.proposalId}`);
    revalidatePath("/dashboard");
    return input.outcome === "APPROVED"
      ? `Financing approved: ${formatCents(input.approvedAmountCents!)} drawn on the exposure cap.`
      : "Financing declined.";
  });
}
