"use client";
// Autosave for a draft step's form, which works on its own without JavaScript.
// Wrapped around the form, it saves as the user types, says when it saved, keeps
// unsaved input on this device until it is saved, and guards leaving with
// unsaved changes (see autosave-engine.tsx). The saving loads after the page is
// interactive, keeping it out of the page's first JavaScript; until then (and
// without JavaScript) the form's own button saves.
import dynamic from "next/dynamic";
import { useRef, type ReactNode } from "react";
import type { AutosaveProps } from "./autosave-engine";

const Engine = dynamic(() => import("./autosave-engine"), { ssr: false });

export function Autosave({ children, ...props }: AutosaveProps & { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box}>
      <Engine box={box} {...props} />
      {children}
    </div>
  );
}
