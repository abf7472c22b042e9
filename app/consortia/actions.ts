"use server";
import { runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { addMember, createConsortium, handOverAnchor, removeMember } from "@/lib/consortia/service";
import { db } from "@/lib/db";
import { type FormState } from "@/lib/forms";
import { createConsortiumSchema, memberSchema, membershipSchema } from "@/lib/schemas/consortium";

export async function createConsortiumAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "consortium:create", createConsortiumSchema, async (actor, input) => {
    const consortium = await createConsortium(db(), actor, input);
    return `/consortia/${consortium.id}?notice=created`;
  });
}

export async function addMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "consortium:manage", memberSchema, async (actor, input) => {
    await addMember(db(), actor, input);
    return `/consortia/${input.consortiumId}?notice=member-added`;
  });
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "consortium:manage", membershipSchema, async (actor, input) => {
    await removeMember(db(), actor, input);
    return `/consortia/${input.consortiumId}?notice=member-removed`;
  });
}

export async function handOverAnchorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "consortium:manage", membershipSchema, async (actor, input) => {
    await handOverAnchor(db(), actor, input);
    return "The anchor role has been handed over.";
  });
}
