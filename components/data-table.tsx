import type { ReactNode } from "react";

/**
 * A data table with a caption for screen readers and column headers; rows are the
 * children. Wide tables scroll inside a focusable, labelled region so the page
 * itself never scrolls sideways (WCAG 1.4.10) and keyboard users can scroll them.
 * Shadows at the edges show there is more to either side, and on narrow screens a
 * line says so in words, so no amount, status or action is hidden without a hint.
 */
export function DataTable({ caption, columns, children, className = "card" }: { caption: string; columns: ReadonlyArray<string>; children: ReactNode; className?: string }) {
  return (
    <>
      {columns.length > 3 ? (
        <p className="mb-1 text-sm text-[var(--color-muted)] sm:hidden" aria-hidden="true">
          Scroll the table sideways to see all {columns.length} columns.
        </p>
      ) : null}
      <div className={`table-scroll max-w-full overflow-x-auto ${className}`} role="region" aria-label={caption} tabIndex={0}>
        <table className="data">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </>
  );
}
