"use server";
// Thin doors to the proposal services: each authorizes, validates with the
// input's schema, calls one service, and refreshes the page.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runDraftAction, runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import {
  addLineItem,
  createProposal,
  removeLineItem,
  saveFinancingRequest,
  submitProposal,
  updateProposalDetails,
  withdrawProposal,
} from "@/lib/proposals/service";
import {
  financingRequestSchema,
  lineItemSchema,
  proposalActionSchema,
  proposalDetailsDraftSchema,
  proposalDetailsSchema,
  removeLineItemSchema,
  updateProposalDetailsSchema,
  withdrawProposalSchema,
} from "@/lib/schemas/proposal";

const createSchema = proposalDetailsSchema.extend({ consortiumId: z.string().optional() });

export async function createProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:create", createSchema, async (actor, input) => {
    const proposal = await createProposal(db(), actor, input);
    return `/proposals/${proposal.id}?notice=created`;
  });
}

/** A draft step: autosaved as the user types (components/form/autosave.tsx), or saved with the button. */
export async function updateProposalDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const schemas = { strict: updateProposalDetailsSchema, loose: proposalDetailsDraftSchema };
  return runDraftAction(formData, "proposal:update", schemas, async (actor, input, { autosave }) => {
    const saved = await updateProposalDetails(db(), actor, input);
    // An autosave keeps the page as it is (the form carries the new version); the button refreshes it.
    if (!autosave) revalidatePath(`/proposals/${input.proposalId}`);
    return { ...saved, message: "Proposal details saved." };
  });
}

export async function addLineItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", lineItemSchema, async (actor, input) => {
    await addLineItem(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}`);
    return `Line item “${input.description}” added.`;
  });
}

export async function removeLineItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:update", removeLineItemSchema, async (actor, input) => {
    await removeLineItem(db(), actor, input);
    return `/proposals/${input.proposalId}?notice=item-removed`;
  });
}

export async function saveFinancingRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", financingRequestSchema, async (actor, input) => {
    await saveFinancingRequest(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}`);
    return "Financing request saved.";
  });
}

export async function submitProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:submit", proposalActionSchema, async (actor, input) => {
    await submitProposal(db(), actor, input);
    return `/proposals/${input.proposalId}?notice=submitted`;
  });
}

export async function withdrawProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:withdraw", withdrawProposalSchema, async (actor, input) => {
    await withdrawProposal(db(), actor, input);
    return `/proposals/${input.proposalId}?notice=withdrawn`;
  });
}
