import type { ReactNode } from "react";

/**
 * A data table with a caption for screen readers and column headers; rows are the
 * children. Wide tables scroll inside a focusable, labelled region so the page
 * itself never scrolls sideways (WCAG 1.4.10) and keyboard users can scroll them.
 */
export function DataTable({ caption, columns, children, className = "card" }: { caption: string; columns: ReadonlyArray<string>; children: ReactNode; className?: string }) {
  return (
    <div className="max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className={`data ${className}`}>
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
  );
}
