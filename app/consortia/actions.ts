"use server";
import { headers } from "next/headers";
import { runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { changeSeatRole, invitePerson, removePerson, revokeInvitation } from "@/lib/consortia/people";
import { addMember, createConsortium, handOverAnchor, removeMember } from "@/lib/consortia/service";
import { deliverMailSoon } from "@/lib/mail/delivery";
import { portalUrl } from "@/lib/portal-url";
import { db } from "@/lib/db";
import { type FormState } from "@/lib/forms";
import { createConsortiumSchema, invitationIdSchema, invitePersonSchema, memberSchema, membershipSchema, personSchema, seatChangeSchema } from "@/lib/schemas/consortium";

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

export async function invitePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "consortium:manage", invitePersonSchema, async (actor, input) => {
    await invitePerson(db(), actor, input, portalUrl(await headers()));
    await deliverMailSoon();
    return `Invitation sent to ${input.email}. The link works once, for a limited time.`;
  });
}

export async function revokeInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "consortium:manage", invitationIdSchema, async (actor, input) => {
    await revokeInvitation(db(), actor, input);
    return `/consortia/${input.consortiumId}?notice=invitation-withdrawn`;
  });
}

export async function changeSeatRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "consortium:manage", seatChangeSchema, async (actor, input) => {
    await changeSeatRole(db(), actor, input);
    return "Role saved.";
  });
}

export async function removePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "consortium:manage", personSchema, async (actor, input) => {
    await removePerson(db(), actor, input);
    return actor.userId === input.userId ? "/consortia?notice=left" : `/consortia/${input.consortiumId}?notice=person-removed`;
  });
}
