"use client";
// The saving behind <Autosave> (autosave.tsx), loaded after the page is interactive.
// It posts the form to the step's own action with
// intent=autosave 1.5 s after the user stops typing (and when the tab is hidden),
// keeps the version each save answers for the next one, and says so in a polite
// live region. Nothing typed is lost: a copy of unsaved input stays on this
// device until it is saved (a reload, a closed tab or signing in again brings it
// back, and it is saved from the version it was typed on); a closing tab sends a
// last save as a beacon; leaving with unsaved changes asks first. A save others
// overtook is refused by the server with their changes, shown here with a choice.
import { useEffect, useRef, useState, type RefObject } from "react";
import { initialFormState, type FormState } from "@/lib/forms";

type Status =
  | { kind: "idle" | "saving" | "signedOut" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string; changes: string[]; version: number };

export type AutosaveProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  proposalId: string;
  /** The step's name, as the beacon route knows it (app/proposals/draft-steps.ts). */
  step: string;
};

const DELAY_MS = 1500;
const LEAVE = "You have changes that are not saved yet. Leave this page anyway?";

/** The form's fields (not the version it is based on). */
function fieldsOf(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "expectedVersion" && !e[0].startsWith("$ACTION"));
}

/** Puts saved field values back into the form's inputs. */
function fill(form: HTMLFormElement, entries: [string, string][]) {
  const queue = new Map<string, string[]>();
  for (const [name, value] of entries) queue.set(name, [...(queue.get(name) ?? []), value]);
  for (const field of form.elements) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) continue;
    if (!field.name || field.type === "hidden" || field.type === "file" || field.type === "submit") continue;
    const values = queue.get(field.name) ?? [];
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) field.checked = values.includes(field.value);
    else if (field instanceof HTMLSelectElement && field.multiple) for (const option of field.options) option.selected = values.includes(option.value);
    else field.value = values.shift() ?? "";
  }
}

export default function AutosaveEngine({ action, proposalId, step, box }: AutosaveProps & { box: RefObject<HTMLDivElement | null> }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const api = useRef<{ keepMine?: (version: number) => void; discard?: () => void }>({});
  const key = `draft:${proposalId}:${step}`;

  useEffect(() => {
    const el = box.current!;
    // The form re-mounts after each answer to the button's save: always look it up.
    const form = () => el.querySelector("form")!;
    const version = () => form().elements.namedItem("expectedVersion") as HTMLInputElement | null;
    const snap = () => JSON.stringify(fieldsOf(form()));
    // What the server rendered (the form's defaults): typing before this loaded counts as unsaved.
    const rendered = form().cloneNode(true) as HTMLFormElement;
    rendered.reset();
    let saved = JSON.stringify(fieldsOf(rendered));
    let timer = 0;
    let busy = false;
    let again = false;
    let paused = false; // a conflict or a signed-out answer waits for the user
    let signedOut = false;
    let submitter: HTMLElement | null | undefined; // a button save waiting for an autosave in flight
    const dirty = () => snap() !== saved;

    const keepCopy = () => {
      try {
        if (dirty()) localStorage.setItem(key, JSON.stringify({ base: Number(version()?.value), fields: fieldsOf(form()) }));
        else localStorage.removeItem(key);
      } catch {} // storage off or full: the server saves still run
    };
    const post = () => {
      const data = new FormData(form());
      data.set("intent", "autosave");
      return data;
    };

    const save = async () => {
      window.clearTimeout(timer);
      if (paused || !dirty()) return;
      if (busy) return void (again = true);
      busy = true;
      const sent = snap();
      setStatus({ kind: "saving" });
      let answer: FormState;
      try {
        answer = await action(initialFormState, post());
      } catch {
        answer = { ...initialFormState, status: "error", message: "the connection was lost. Trying again shortly." };
        timer = window.setTimeout(save, 10 * DELAY_MS);
      }
      busy = false;
      if (answer.status === "success") {
        if (answer.version) version()?.setAttribute("value", String(answer.version));
        saved = sent;
        keepCopy();
        setStatus({ kind: "saved", at: answer.savedAt ?? new Date().toISOString() });
      } else if (answer.signedOut) {
        paused = signedOut = true;
        setStatus({ kind: "signedOut" });
        window.dispatchEvent(new Event("portal:signed-out")); // the session dialog offers to sign in again
      } else if (answer.conflictVersion) {
        paused = true;
        setStatus({ kind: "conflict", message: answer.message ?? "", changes: answer.problems ?? [], version: answer.conflictVersion });
      } else {
        setStatus({ kind: "failed", message: Object.values(answer.fieldErrors)[0] ?? answer.message ?? "try again." });
      }
      if (submitter !== undefined) {
        // The button's save goes on, from the version this save answered (not after a conflict or signed out).
        const button = submitter;
        submitter = undefined;
        if (!paused) form().requestSubmit(button);
      } else if (again) {
        again = false;
        void save();
      }
    };
    const schedule = () => {
      keepCopy();
      window.clearTimeout(timer);
      timer = window.setTimeout(save, DELAY_MS);
    };
    api.current = {
      keepMine: (v) => {
        version()?.setAttribute("value", String(v));
        paused = false;
        void save();
      },
      discard: () => {
        saved = snap();
        keepCopy();
        window.location.reload();
      },
    };

    // A copy left by a reload, a closed tab or an ended session: put it back and save it
    // from the version it was typed on (so others' later changes are not undone).
    try {
      const copy = JSON.parse(localStorage.getItem(key) ?? "null") as { base: number; fields: [string, string][] } | null;
      if (copy && JSON.stringify(copy.fields) !== saved) {
        fill(form(), copy.fields);
        version()?.setAttribute("value", String(copy.base));
      } else if (copy) localStorage.removeItem(key);
    } catch {}
    if (dirty()) {
      keepCopy(); // typed before this loaded: kept on this device until saved
      void save();
    }

    const onSubmit = (event: SubmitEvent) => {
      window.clearTimeout(timer);
      if (busy) {
        // Wait for the autosave in flight, so the button's save isn't refused as based on the old version.
        event.preventDefault();
        event.stopPropagation();
        submitter = event.submitter;
        return;
      }
      // The button's save takes over: keep the copy until the page shows it saved.
      keepCopy();
      saved = snap();
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") void save();
    };
    const onPageHide = () => {
      if (paused || !dirty()) return;
      keepCopy();
      navigator.sendBeacon(`/api/proposals/${encodeURIComponent(proposalId)}/draft?step=${encodeURIComponent(step)}`, post());
    };
    const guarded = () => dirty() && !signedOut;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (guarded()) event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target || link.origin !== location.origin || link.hash && link.pathname === location.pathname) return;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || !guarded()) return;
      if (!window.confirm(LEAVE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };

    // One signal removes every listener when the step unmounts.
    const listening = new AbortController();
    const { signal } = listening;
    el.addEventListener("input", schedule, { signal });
    el.addEventListener("change", schedule, { signal });
    el.addEventListener("submit", onSubmit, { signal });
    document.addEventListener("visibilitychange", onHidden, { signal });
    document.addEventListener("click", onClick, { capture: true, signal });
    window.addEventListener("pagehide", onPageHide, { signal });
    window.addEventListener("beforeunload", onBeforeUnload, { signal });
    return () => {
      window.clearTimeout(timer);
      listening.abort();
    };
  }, [action, box, key, proposalId, step]);

  const here = typeof window === "undefined" ? "" : location.pathname + location.search;
  return (
    <>
      {status.kind === "conflict" ? (
        <div role="alert" className="mb-6 border-l-8 border-[var(--color-error)] bg-red-50 p-4">
          <h2 className="text-lg font-bold">{status.message}</h2>
          <ul className="mt-2 list-disc pl-6">
            {status.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" className="btn btn-primary" onClick={() => api.current.keepMine?.(status.version)}>
              Save my version over theirs
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => api.current.discard?.()}>
              Discard mine and show theirs
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="mb-3 min-h-6 text-sm text-[var(--color-muted)]">
        {status.kind === "saving" ? "Saving…" : null}
        {status.kind === "saved" ? `Saved at ${new Date(status.at).toLocaleTimeString()}` : null}
        {status.kind === "failed" ? `Not saved: ${status.message}` : null}
        {status.kind === "conflict" ? "Not saved: see the changes above." : null}
        {status.kind === "signedOut" ? (
          <>
            Not saved: you are signed out. What you typed is kept on this device.{" "}
            <a href={`/sign-in?timedOut=1&callbackUrl=${encodeURIComponent(here)}`}>Sign in again to save it</a>
          </>
        ) : null}
      </p>
    </>
  );
}
