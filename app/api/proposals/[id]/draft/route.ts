// The last autosave of a closing tab (navigator.sendBeacon from
// components/form/autosave.tsx): the step's own action, in autosave mode.
import { draftStepAction } from "@/app/proposals/draft-steps";
import { errorResponse, json } from "@/lib/http";
import { initialFormState } from "@/lib/forms";
import { requireActor } from "@/lib/session";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireActor("proposal:update");
    const { id } = await params;
    const step = new URL(request.url).searchParams.get("step") ?? "";
    const save = draftStepAction(step);
    if (!save) return json({ error: "No such step." }, { status: 404 });
    const form = await request.formData().catch(() => null);
    if (!form || form.get("proposalId") !== id) return json({ error: "The form could not be read." }, { status: 400 });
    form.set("intent", "autosave");
    const state = await save(initialFormState, form);
    if (state.status === "success") return json({ version: state.version, savedAt: state.savedAt });
    return json({ error: state.message, fieldErrors: state.fieldErrors, problems: state.problems }, { status: state.conflictVersion ? 409 : 422 });
  } catch (error) {
    return errorResponse(error);
  }
}
