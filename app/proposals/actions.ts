"use server";
// Thin doors to the proposal services: each authorizes, validates with the
// input's schema, calls one service, and refreshes the page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runFormAction } from "@/lib/actions";
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
  proposalDetailsSchema,
  removeLineItemSchema,
  updateProposalDetailsSchema,
} from "@/lib/schemas/proposal";
import { STATUS_LABELS } from "@/lib/workflow";

const createSchema = proposalDetailsSchema.extend({ consortiumId: z.string().optional() });

export async function createProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let createdId: string | null = null;
  const state = await runFormAction(formData, "proposal:create", createSchema, async (actor, input) => {
    const proposal = await createProposal(db(), actor, input);
    createdId = proposal.id;
  });
  if (createdId) redirect(`/proposals/${createdId}?created=1`);
  return state;
}

export async function updateProposalDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:update", updateProposalDetailsSchema, async (actor, input) => {
    await updateProposalDetails(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}`);
    return "Proposal details saved.";
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
  return runFormAction(formData, "proposal:update", removeLineItemSchema, async (actor, input) => {
    await removeLineItem(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}`);
    return "Line item removed.";
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
  return runFormAction(formData, "proposal:submit", proposalActionSchema, async (actor, input) => {
    const status = await submitProposal(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}`);
    return `Proposal submitted. It is now ${STATUS_LABELS[status].toLowerCase()}.`;
  });
}

export async function withdrawProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposal:withdraw", proposalActionSchema, async (actor, input) => {
    await withdrawProposal(db(), actor, input);
    revalidatePath(`/proposals/${input.proposalId}`);
    return "Proposal withdrawn.";
  });
}
