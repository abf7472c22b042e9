"use client";
// Warns before an idle session ends, and offers to stay signed in (WCAG 2.2.1):
// see session-timeout-dialog.tsx. The dialog is due minutes after the page loads
// at the earliest, so it stays out of the page's first JavaScript: it loads a
// moment after the page is interactive, once the page's own scripts are in.
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";

type Props = { endsAt: string; warningSeconds: number; signOut: ReactNode };

// If it can't load (offline), the page goes on without it, as it does without JavaScript.
const nothing: ComponentType<Props & { ended: boolean }> = () => null;
const Dialog = lazy(() =>
  import("./session-timeout-dialog").then(
    (module) => ({ default: module.SessionTimeoutDialog }),
    () => ({ default: nothing }),
  ),
);

const LOAD_AFTER_MS = 1000;

/** `signOut`: the sign-out form, rendered on the server (its action stays out of this bundle). */
export function SessionTimeout(props: Props) {
  const [load, setLoad] = useState(false);
  // A save that found the session ended (components/form/autosave.tsx) says so,
  // perhaps before the dialog has loaded.
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setLoad(true), LOAD_AFTER_MS);
    const onEnded = () => {
      setEnded(true);
      setLoad(true);
    };
    window.addEventListener("portal:signed-out", onEnded);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("portal:signed-out", onEnded);
    };
  }, []);
  return load ? (
    <Suspense fallback={null}>
      <Dialog {...props} ended={ended} />
    </Suspense>
  ) : null;
}
