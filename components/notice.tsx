/** A confirmation the page shows after a redirect from an action (?notice=...). */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4 font-semibold">
      {children}
    </div>
  );
}
