"use client";
// A confirmation the page shows after an action redirected to it (?notice=...).
// It takes focus so keyboard and screen-reader users hear the outcome, and drops
// the notice from the address so a reload doesn't repeat it.
import { useEffect, useRef } from "react";

export function Notice({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const url = new URL(window.location.href);
    if (url.searchParams.has("notice")) {
      url.searchParams.delete("notice");
      window.history.replaceState(window.history.state, "", url);
    }
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4 font-semibold">
      {children}
    </div>
  );
}
