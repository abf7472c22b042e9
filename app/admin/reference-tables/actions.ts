"use server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { addReferenceVersion } from "@/lib/financing/reference-tables";
import type { FormState } from "@/lib/forms";
import { referenceVersionSchema } from "@/lib/schemas/reference-tables";

export async function addReferenceVersionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "settings:manage", referenceVersionSchema, async (actor, input) => {
    await addReferenceVersion(db(), actor, input);
    revalidatePath("/admin/reference-tables");
    return `Version effective ${input.effectiveFrom} added.`;
  });
}
