"use server";
import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { markAllNotificationsRead } from "@/lib/notifications/service";
import { markAllNotificationsReadSchema } from "@/lib/schemas/questions";

export async function markAllNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "notification:read", markAllNotificationsReadSchema, async (actor) => {
    const count = await markAllNotificationsRead(db(), actor);
    revalidatePath("/", "layout");
    return count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.`;
  });
}
