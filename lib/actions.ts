// The one shape of a form action: authorize, validate, run the service, and turn
// every failure into a message on the page. No input makes an action answer 500.
import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { BusyError, DraftConflictError, ForbiddenError, NotFoundError, RuleViolationError, StaleVersionError, UnauthenticatedError } from "@/lib/errors";
import { answered, fieldErrorsOf, formValues, unreadableFormState, type FormState } from "@/lib/forms";
import type { Actor, Permission } from "@/lib/policy";
import { ThrottledError } from "@/lib/identity/throttle";
import { formatTimeOfDay } from "@/lib/dates";
import { requireActor } from "@/lib/session";

/** What a service run may answer: a message, or a message with things to show once. */
type Outcome = string | void | { message: string; list?: string[]; warnings?: string[] };

export async function runFormAction<S extends z.ZodType>(
  formData: FormData,
  permission: Permission,
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<Outcome>,
): Promise<FormState> {
  return runFormActionAs(formData, () => requireActor(permission), schema, run);
}

/**
 * The same shape for a caller other than a signed-in actor (the steps of signing
 * in): `who` resolves the caller or throws UnauthenticatedError.
 */
export async function runFormActionAs<W, S extends z.ZodType>(
  formData: FormData,
  who: () => Promise<W>,
  schema: S,
  run: (caller: W, input: z.output<S>) => Promise<Outcome>,
): Promise<FormState> {
  return answered(await answerFormAs(formData, who, schema, run));
}

async function answerFormAs<W, S extends z.ZodType>(
  formData: FormData,
  who: () => Promise<W>,
  schema: S,
  run: (caller: W, input: z.output<S>) => Promise<Outcome>,
): Promise<FormState> {
  const values = formValues(formData);
  if (!values) return unreadableFormState;
  try {
    const caller = await who();
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { status: "error", message: "There is a problem with what you entered.", fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    const outcome = await run(caller, parsed.data);
    const message = typeof outcome === "object" ? outcome.message : (outcome ?? "Saved.");
    const extras = typeof outcome === "object" ? { ...(outcome.list ? { list: outcome.list } : {}), ...(outcome.warnings ? { warnings: outcome.warnings } : {}) } : {};
    return { status: "success", message, ...extras, fieldErrors: {}, values: {} };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    const fieldErrors: Record<string, string> =
      error instanceof RuleViolationError && error.field ? { [error.field]: error.problems[0] ?? error.message } : {};
    return { status: "error", fieldErrors, values, ...describeFailure(error) };
  }
}

/**
 * For actions whose form leaves the page when they succeed (submit, decide,
 * withdraw, remove): `run` returns the page that announces the outcome.
 */
export async function runFormActionThenRedirect<S extends z.ZodType>(
  formData: FormData,
  permission: Permission,
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<string>,
): Promise<FormState> {
  let destination: string | null = null;
  const state = await runFormAction(formData, permission, schema, async (actor, input) => {
    destination = await run(actor, input);
  });
  if (destination) redirect(destination);
  return state;
}

/** What a draft step's save answers: the version it left the proposal at, and where a Save (not an autosave) goes next. */
export type DraftSaved = { version: number; savedAt: Date; message?: string; warnings?: string[]; redirectTo?: string };

/**
 * The one shape of a draft step's action. Its form posts `intent=autosave` while
 * the user types (components/form/autosave.tsx): that save uses the step's loose
 * schema, never redirects, and answers the new version for the next save. A
 * press of the button (or a post without JavaScript) uses the strict schema and
 * may go on to `redirectTo`.
 */
export async function runDraftAction<S extends z.ZodType, L extends z.ZodType>(
  formData: FormData,
  permission: Permission,
  schemas: { strict: S; loose: L },
  run: (actor: Actor, input: z.output<S> | z.output<L>, mode: { autosave: boolean }) => Promise<DraftSaved>,
): Promise<FormState> {
  const autosave = formData instanceof FormData && formData.get("intent") === "autosave";
  let saved: DraftSaved | null = null;
  const state = await runFormAction(formData, permission, autosave ? schemas.loose : schemas.strict, async (actor, input) => {
    saved = await run(actor, input, { autosave });
    return saved.message ? { message: saved.message, ...(saved.warnings ? { warnings: saved.warnings } : {}) } : undefined;
  });
  const done = saved as DraftSaved | null;
  if (!done) return state;
  if (!autosave && done.redirectTo) redirect(done.redirectTo);
  return { ...state, version: done.version, savedAt: done.savedAt.toISOString() };
}

function describeFailure(error: unknown): Pick<FormState, "message" | "problems" | "conflictVersion" | "signedOut"> {
  if (error instanceof DraftConflictError) {
    return { message: error.message, problems: error.changes, conflictVersion: error.currentVersion };
  }
  if (error instanceof UnauthenticatedError) return { message: error.message, signedOut: true };
  if (error instanceof RuleViolationError) {
    // A rule about one field is shown beside it; the summary links there.
    return error.field
      ? { message: "There is a problem with what you entered.", problems: error.problems.slice(1) }
      : { message: error.message, problems: error.problems };
  }
  if (error instanceof ThrottledError) {
    return { message: `Too many attempts. For your security, try again after ${formatTimeOfDay(error.retryAt)}.` };
  }
  if (
    error instanceof UnauthenticatedError ||
    error instanceof ForbiddenError ||
    error instanceof NotFoundError ||
    error instanceof StaleVersionError ||
    error instanceof BusyError
  ) {
    return { message: error.message };
  }
  console.error("Form action failed", error);
  return { message: "Something went wrong on our side and nothing was saved. Please try again." };
}
