"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { decideLicense } from "@/lib/licensing/service";
import { licenseDecisionSchema } from "@/lib/schemas/decisions";

export async function decideLicenseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let decided: string | null = null;
  const state = await runFormAction(formData, "license:decide", licenseDecisionSchema, async (actor, input) => {
    await decideLicense(db(), actor, input);
    revalidatePath("/licensing");
    decided = input.licenseRequestId;
  });
  // The decision form gives way to the decision, which the page announces.
  if (decided) redirect(`/licensing/${decided}?notice=decided`);
  return state;
}
