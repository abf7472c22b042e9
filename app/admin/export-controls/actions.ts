"use server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { changeCountryGroups, changeDeterminationRules } from "@/lib/licensing/rules-versions";
import { countryGroupsChangeSchema, determinationRulesChangeSchema } from "@/lib/schemas/export-controls";

const saved = ({ number, changes }: { number: number; changes: string[] }) => `Export-control rules version ${number} is in force. ${changes.join("; ")}.`;

export async function changeCountryGroupsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "settings:manage", countryGroupsChangeSchema, async (actor, input) => {
    const version = await changeCountryGroups(db(), actor, input);
    revalidatePath("/admin/export-controls");
    return saved(version);
  });
}

export async function changeDeterminationRulesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "settings:manage", determinationRulesChangeSchema, async (actor, input) => {
    const version = await changeDeterminationRules(db(), actor, input);
    revalidatePath("/admin/export-controls");
    return saved(version);
  });
}
