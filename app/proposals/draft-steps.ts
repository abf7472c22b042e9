// The draft steps a closing tab's last save (a beacon) may name, each with the
// same action its form posts. Add a step here when its form gets autosave.
import type { FormState } from "@/lib/forms";
import { updateProposalDetailsAction } from "./actions";

export const DRAFT_STEP_ACTIONS: Readonly<Record<string, (state: FormState, formData: FormData) => Promise<FormState>>> = {
  details: updateProposalDetailsAction,
};
