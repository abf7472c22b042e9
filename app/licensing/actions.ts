"use server";
// Thin doors to Commerce's license review services.
import { revalidatePath } from "next/cache";
import { runFormAction, runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { declareConflict, withdrawConflict } from "@/lib/licensing/conflicts";
import { assignToMe, decideLicense } from "@/lib/licensing/service";
import { licenseDecisionSchema } from "@/lib/schemas/decisions";
import { assignToMeSchema, declareConflictSchema, withdrawConflictSchema } from "@/lib/schemas/licensing";
import { screeningReviewSchema } from "@/lib/schemas/screening";
import { reviewScreeningHit } from "@/lib/screening/service";

export async function decideLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "license:decide", licenseDecisionSchema, async (actor, input) => {
    await decideLicense(db(), actor, input);
    revalidatePath("/licensing");
    return `/licensing/${input.licenseRequestId}?notice=decided`;
  });
}

export async function assignToMeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "license:decide", assignToMeSchema, async (actor, input) => {
    await assignToMe(db(), actor, input);
    revalidatePath("/licensing");
    return `/licensing/${input.licenseRequestId}?notice=assigned`;
  });
}

export async function reviewScreeningHitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "license:decide", screeningReviewSchema, async (actor, input) => {
    await reviewScreeningHit(db(), actor, input);
    return `/licensing/${input.licenseRequestId}?notice=${input.decision === "CLEARED" ? "hit-cleared" : "hit-confirmed"}`;
  });
}

export async function declareConflictAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "license:decide", declareConflictSchema, async (actor, input) => {
    const organization = await declareConflict(db(), actor, input);
    revalidatePath("/licensing/conflicts");
    return `Conflict of interest with ${organization.legalName} declared. You won't be able to decide its consortia's license requests.`;
  });
}

export async function withdrawConflictAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "license:decide", withdrawConflictSchema, async (actor, input) => {
    await withdrawConflict(db(), actor, input);
    return "/licensing/conflicts?notice=withdrawn";
  });
}
