// The draft steps a closing tab's last save (a beacon) may name, each with the
// same action its form posts. Add a step here when its form gets autosave.
// A line item's editor names itself "item:<id>" (its form carries the id).
import type { FormState } from "@/lib/forms";
import { saveFinancingAction, saveLineItemAction, saveOperationsAction, saveOverviewAction } from "./[id]/builder-actions";

export const DRAFT_STEP_ACTIONS: Readonly<Record<string, (state: FormState, formData: FormData) => Promise<FormState>>> = {
  overview: saveOverviewAction,
  operations: saveOperationsAction,
  financing: saveFinancingAction,
  item: saveLineItemAction,
};

/** The action for a step name as the autosave posts it ("overview", "item:<id>"). */
export function draftStepAction(step: string) {
  const kind = step.split(":")[0]!;
  return Object.hasOwn(DRAFT_STEP_ACTIONS, kind) ? DRAFT_STEP_ACTIONS[kind] : undefined;
}
