"use server";
import { revalidatePath } from "next/cache";
import { runFormActionThenRedirect } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { decideLicense } from "@/lib/licensing/service";
import { licenseDecisionSchema } from "@/lib/schemas/decisions";

export async function decideLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "license:decide", licenseDecisionSchema, async (actor, input) => {
    await decideLicense(db(), actor, input);
    revalidatePath("/licensing");
    return `/licensing/${input.licenseRequestId}?notice=decided`;
  });
}
