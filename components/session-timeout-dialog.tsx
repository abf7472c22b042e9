"use client";
// Warns before an idle session ends, and offers to stay signed in (WCAG 2.2.1);
// loaded by session-timeout.tsx once the page is interactive.
// The server decides when a session ends; this only asks it (GET /api/session,
// which is not activity) before warning, since other tabs may have kept the
// session alive. When the session has ended, the page stays as it is, so
// nothing typed is lost, and the dialog offers to sign in again.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

type Phase = { kind: "quiet" } | { kind: "warning"; endsAt: number } | { kind: "ended" };
const ENDED: Phase = { kind: "ended" };

async function askServer(method: "GET" | "POST"): Promise<number | null> {
  try {
    const response = await fetch("/api/session", { method, cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    const body = (await response.json()) as { signedIn: boolean; endsAt?: string };
    return body.signedIn && body.endsAt ? Date.parse(body.endsAt) : 0;
  } catch {
    return null; // offline: keep counting on the last known time
  }
}

function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} second${rest === 1 ? "" : "s"}`;
  return rest === 0 ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"} ${rest} second${rest === 1 ? "" : "s"}`;
}

/** `signOut`: the sign-out form, rendered on the server; `ended`: a save found the session ended. */
export function SessionTimeoutDialog({
  endsAt: initialEndsAt,
  warningSeconds,
  signOut,
  ended,
}: {
  endsAt: string;
  warningSeconds: number;
  signOut: ReactNode;
  ended: boolean;
}) {
  const [endsAt, setEndsAt] = useState(() => Date.parse(initialEndsAt));
  const [ownPhase, setPhase] = useState<Phase>({ kind: "quiet" });
  // A save that found the session ended (components/form/autosave.tsx) says so at once.
  const phase = ended ? ENDED : ownPhase;
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);

  // Sleep until the warning is due, then check with the server.
  useEffect(() => {
    if (phase.kind !== "quiet") return;
    const timer = window.setTimeout(async () => {
      const serverEndsAt = await askServer("GET");
      const latest = serverEndsAt ?? endsAt;
      if (latest === 0 || latest <= Date.now()) setPhase({ kind: "ended" });
      else if (latest - Date.now() > warningSeconds * 1000 + 1000) setEndsAt(latest);
      else setPhase({ kind: "warning", endsAt: latest });
    }, Math.max(0, endsAt - warningSeconds * 1000 - Date.now()));
    return () => window.clearTimeout(timer);
  }, [endsAt, phase.kind, warningSeconds]);

  // While warning, count down every second; at zero, confirm with the server.
  useEffect(() => {
    if (phase.kind !== "warning") return;
    const timer = window.setInterval(async () => {
      setNow(Date.now());
      if (Date.now() >= phase.endsAt) {
        window.clearInterval(timer);
        const serverEndsAt = await askServer("GET");
        if (serverEndsAt && serverEndsAt > Date.now()) {
          setEndsAt(serverEndsAt);
          setPhase({ kind: "quiet" });
        } else setPhase({ kind: "ended" });
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [phase]);


  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (phase.kind === "quiet") {
      if (element.open) element.close();
      return;
    }
    if (!element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
    }
    element.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [phase.kind]);

  const stay = useCallback(async () => {
    const serverEndsAt = await askServer("POST");
    if (serverEndsAt === 0) return setPhase({ kind: "ended" });
    setEndsAt(serverEndsAt ?? Date.now());
    setPhase({ kind: "quiet" });
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  }, []);

  const here = typeof window === "undefined" ? "/" : `${window.location.pathname}${window.location.search}`;
  return (
    <dialog
      ref={dialog}
      aria-labelledby="session-timeout-title"
      aria-describedby="session-timeout-text"
      className="m-auto max-w-lg rounded border-4 border-[var(--color-navy-900)] p-6 backdrop:bg-black/60"
      // Escape would leave the warning unanswered: treat it as "stay signed in".
      onCancel={(event) => {
        event.preventDefault();
        if (phase.kind === "warning") void stay();
      }}
    >
      {phase.kind === "ended" ? (
        <>
          <h2 id="session-timeout-title" className="mb-3 text-2xl font-bold">
            You have been signed out
          </h2>
          <p id="session-timeout-text" className="mb-5">
            For your security, we signed you out after a period without activity. What you typed on this page is still here; sign in again in
            a new tab to carry on, or sign in here to return to this page.
          </p>
          <a data-autofocus className="btn btn-primary inline-block no-underline" href={`/sign-in?timedOut=1&callbackUrl=${encodeURIComponent(here)}`}>
            Sign in again
          </a>
        </>
      ) : (
        <>
          <h2 id="session-timeout-title" className="mb-3 text-2xl font-bold">
            You&apos;re about to be signed out
          </h2>
          <p id="session-timeout-text" className="mb-5">
            For your security, we&apos;ll sign you out in{" "}
            <strong>{phase.kind === "warning" ? formatRemaining(phase.endsAt - now) : ""}</strong> unless you choose to stay signed in.
          </p>
          <div className="flex flex-wrap gap-3">
            <button data-autofocus type="button" className="btn btn-primary" onClick={() => void stay()}>
              Stay signed in
            </button>
            {signOut}
          </div>
        </>
      )}
    </dialog>
  );
}
