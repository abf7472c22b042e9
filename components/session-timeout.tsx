"use client";
// Warns before an idle session ends, and offers to stay signed in (WCAG 2.2.1):
// see session-timeout-dialog.tsx. The dialog is due minutes after the page loads
// at the earliest, so it loads once the page is interactive, keeping it out of
// the page's first JavaScript.
import { useEffect, useState, type ReactNode } from "react";
import { AfterHydration, lazyAfterHydration } from "./after-hydration";

const Dialog = lazyAfterHydration(() => import("./session-timeout-dialog").then((module) => module.SessionTimeoutDialog));

/** `signOut`: the sign-out form, rendered on the server (its action stays out of this bundle). */
export function SessionTimeout(props: { endsAt: string; warningSeconds: number; signOut: ReactNode }) {
  // A save that found the session ended (components/form/autosave.tsx) says so,
  // perhaps before the dialog has loaded.
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const onEnded = () => setEnded(true);
    window.addEventListener("portal:signed-out", onEnded);
    return () => window.removeEventListener("portal:signed-out", onEnded);
  }, []);
  return (
    <AfterHydration>
      <Dialog {...props} ended={ended} />
    </AfterHydration>
  );
}
