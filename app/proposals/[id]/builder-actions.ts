"use server";
// Thin doors to the builder's step saves. Each step saves with ONE action that
// takes the step's whole form (proposalId, expectedVersion and its fields) and
// answers a FormState: refused input as field errors, nothing written; a save as
// a message with what the step still needs before submission.
import { revalidatePath } from "next/cache";
import { runDraftAction, runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { addLineItem, saveFinancingRequest } from "@/lib/proposals/service";
import { saveOperationsStep, saveOverviewStep, updateLineItemStep, warningsFor } from "@/lib/proposals/steps";
import { financingLooseSchema, lineItemLooseSchema, operationsLooseSchema, overviewLooseSchema, updateLineItemSchema } from "@/lib/schemas/builder";
import type { Gap } from "@/lib/proposals/builder";

const saved = (message: string, gaps: Gap[]) => ({ message, warnings: gaps.map((gap) => gap.message) });

/** Every page of the proposal shows what a save changed (the read view, the steps' indicator). */
function refresh(proposalId: string) {
  revalidatePath(`/proposals/${proposalId}`, "layout");
}

/**
 * The steps' saves are draft saves (runDraftAction): the button's and the
 * autosave's (components/form/autosave.tsx) alike use the step's loose schema;
 * an autosave leaves the page as it is, the button refreshes it.
 */
function steps<S>(schema: S) {
  return { strict: schema, loose: schema };
}

export async function saveOverviewAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runDraftAction(formData, "proposal:update", steps(overviewLooseSchema), async (actor, input, { autosave }) => {
    const { warnings, ...draft } = await saveOverviewStep(db(), actor, input);
    if (!autosave) refresh(input.proposalId);
    return { ...draft, ...saved("Overview saved.", warnings) };
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
  return runDraftAction(formData, "proposal:update", steps(updateLineItemSchema), async (actor, input, { autosave }) => {
    const { warnings, ...draft } = await updateLineItemStep(db(), actor, input);
    if (!autosave) refresh(input.proposalId);
    return { ...draft, ...saved(`Line item “${input.description}” saved.`, warnings.filter((gap) => !gap.lineItemId || gap.lineItemId === input.lineItemId)) };
  });
}

export async function saveOperationsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runDraftAction(formData, "proposal:update", steps(operationsLooseSchema), async (actor, input, { autosave }) => {
    const { warnings, ...draft } = await saveOperationsStep(db(), actor, input);
    if (!autosave) refresh(input.proposalId);
    return { ...draft, ...saved("Operations and security saved.", warnings) };
  });
}

export async function saveFinancingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runDraftAction(formData, "proposal:update", steps(financingLooseSchema), async (actor, input, { autosave }) => {
    const client = db();
    const draft = await saveFinancingRequest(client, actor, input);
    if (!autosave) refresh(input.proposalId);
    return { ...draft, ...saved("Financing request saved.", await warningsFor(client, input.proposalId, "financing")) };
  });
}
