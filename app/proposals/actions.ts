"use server";
// Thin doors to the proposal services: each authorizes, validates with the
// input's schema, calls one service, and refreshes the page.
import { z } from "zod";
import { runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { createProposal, removeLineItem, submitProposal, withdrawProposal } from "@/lib/proposals/service";
import { proposalActionSchema, proposalDetailsSchema, removeLineItemSchema, returnForRevisionSchema, withdrawProposalSchema } from "@/lib/schemas/proposal";
import { returnForRevision } from "@/lib/proposals/revisions";
import { portalUrl } from "@/lib/portal-url";
import { headers } from "next/headers";

const createSchema = proposalDetailsSchema.extend({ consortiumId: z.string().optional() });

export async function createProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:create", createSchema, async (actor, input) => {
    const proposal = await createProposal(db(), actor, input);
    return `/proposals/${proposal.id}/overview?notice=created`;
  });
}

export async function removeLineItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:update", removeLineItemSchema, async (actor, input) => {
    await removeLineItem(db(), actor, input);
    return `/proposals/${input.proposalId}/package?notice=item-removed`;
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

export async function returnForRevisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:return", returnForRevisionSchema, async (actor, input) => {
    await returnForRevision(db(), actor, { proposalId: input.proposalId, expectedVersion: input.expectedVersion, reason: input.revisionReason }, portalUrl(await headers()));
    return `/proposals/${input.proposalId}?notice=returned`;
  });
}
