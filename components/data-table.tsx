import type { ReactNode } from "react";

/** A data table with a caption for screen readers and column headers; rows are the children. */
export function DataTable({ caption, columns, children, className = "card" }: { caption: string; columns: ReadonlyArray<string>; children: ReactNode; className?: string }) {
  return (
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
  );
}
