"use client";
// For client code no one needs before the page is interactive (a dialog due
// minutes later, saving as the user types): it loads after hydration, keeping it
// out of the page's first JavaScript.
import { lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from "react";

const noSubscription = () => () => {};

/** A component from a dynamic import(); if it can't load (offline), the page goes on without it, as it does without JavaScript. */
export function lazyAfterHydration<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const nothing: ComponentType<P> = () => null;
  return lazy(() => load().then((component) => ({ default: component }), () => ({ default: nothing })));
}

/** Renders its children only once the page has hydrated (and at once on a client-side navigation). */
export function AfterHydration({ children }: { children: ReactNode }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? <Suspense fallback={null}>{children}</Suspense> : null;
}
