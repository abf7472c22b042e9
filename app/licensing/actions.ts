"use server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { decideLicense } from "@/lib/licensing/service";
import { LICENSE_STATUS_LABELS } from "@/lib/licensing/status";
import { licenseDecisionSchema } from "@/lib/schemas/decisions";

export async function decideLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "license:decide", licenseDecisionSchema, async (actor, input) => {
    await decideLicense(db(), actor, input);
    revalidatePath("/licensing");
    revalidatePath(`/licensing/${input.licenseRequestId}`);
    return `Decision recorded: ${LICENSE_STATUS_LABELS[input.outcome].toLowerCase()}.`;
  });
}
