"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { decideFinancing } from "@/lib/financing/service";
import type { FormState } from "@/lib/forms";
import { financingDecisionSchema } from "@/lib/schemas/decisions";

export async function decideFinancingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let decided: string | null = null;
  const state = await runFormAction(formData, "financing:decide", financingDecisionSchema, async (actor, input) => {
    await decideFinancing(db(), actor, input);
    revalidatePath("/financing");
    revalidatePath("/dashboard");
    decided = input.proposalId;
  });
  // The decision form gives way to the decision, which the page announces.
  if (decided) redirect(`/financing/${decided}?notice=decided`);
  return state;
}
