"use server";
// Thin doors to the builder's step saves. Each step saves with ONE action that
// takes the step's whole form (proposalId, expectedVersion and its fields) and
// answers a FormState: refused input as field errors, nothing written; a save as
// a message with what the step still needs before submission.
import { revalidatePath } from "next/cache";
import { runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { addLineItem, saveFinancingRequest } from "@/lib/proposals/service";
import { saveOperations, saveOverview, updateLineItem, warningsFor } from "@/lib/proposals/steps";
import { financingLooseSchema, lineItemLooseSchema, operationsLooseSchema, overviewLooseSchema, updateLineItemSchema } from "@/lib/schemas/builder";
import type { Gap } from "@/lib/proposals/builder";

const saved = (message: string, gaps: Gap[]) => ({ message, warnings: gaps.map((gap) => gap.message) });

/** Every page of the proposal shows what a save changed (the read view, the steps' indicator). */
function refresh(proposalId: string) {
  revalidatePath(`/proposals/${proposalId}`, "layout");
}

export async function saveOverviewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", overviewLooseSchema, async (actor, input) => {
    const gaps = await saveOverview(db(), actor, input);
    refresh(input.proposalId);
    return saved("Overview saved.", gaps);
  });
}

/** A new line item: saved, then back to the package with the item in its layer. */
export async function addLineItemStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:update", lineItemLooseSchema, async (actor, input) => {
    await addLineItem(db(), actor, input);
    return `/proposals/${input.proposalId}/package?notice=item-added`;
  });
}

export async function saveLineItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", updateLineItemSchema, async (actor, input) => {
    const gaps = await updateLineItem(db(), actor, input);
    refresh(input.proposalId);
    return saved(`Line item “${input.description}” saved.`, gaps.filter((gap) => !gap.lineItemId || gap.lineItemId === input.lineItemId));
  });
}

export async function saveOperationsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", operationsLooseSchema, async (actor, input) => {
    const gaps = await saveOperations(db(), actor, input);
    refresh(input.proposalId);
    return saved("Operations and security saved.", gaps);
  });
}

export async function saveFinancingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", financingLooseSchema, async (actor, input) => {
    const client = db();
    await saveFinancingRequest(client, actor, input);
    refresh(input.proposalId);
    return saved("Financing request saved.", await warningsFor(client, input.proposalId, "financing"));
  });
}
