"use server";
// Thin doors to the parties step's services.
import { revalidatePath } from "next/cache";
import { runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { addParty, removeParty, saveSpecificEndUse, updateParty } from "@/lib/proposals/parties";
import { partySchema, removePartySchema, specificEndUseSchema, updatePartySchema } from "@/lib/schemas/parties";

export async function addPartyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", partySchema, async (actor, input) => {
    await addParty(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}/parties`);
    return `Party “${input.name}” added.`;
  });
}

export async function updatePartyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:update", updatePartySchema, async (actor, input) => {
    await updateParty(db(), actor, input);
    return `/proposals/${input.proposalId}/parties?notice=party-saved`;
  });
}

export async function removePartyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:update", removePartySchema, async (actor, input) => {
    await removeParty(db(), actor, input);
    return `/proposals/${input.proposalId}/parties?notice=party-removed`;
  });
}

export async function saveSpecificEndUseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", specificEndUseSchema, async (actor, input) => {
    await saveSpecificEndUse(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}/parties`);
    return "Specific end use saved.";
  });
}
